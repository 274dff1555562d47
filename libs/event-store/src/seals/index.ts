export * from './seal-keys';
export * from './log-sealer';
export * from './verify-log';
