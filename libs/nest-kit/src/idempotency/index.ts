export * from './fingerprint';
export * from './idempotency-store';
export * from './in-memory-idempotency-store';
export * from './sqlite-idempotency-store';
export * from './idempotency-guard';
export * from './idempotent-replies';
export * from './postgres-idempotency-store';
