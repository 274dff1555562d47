export * from './rate-limit-store';
export * from './in-memory-rate-limit-store';
export * from './rate-limit.decorators';
export * from './rate-limit.guard';
export * from './postgres-rate-limit-store';
