export * from './seal-keys';
export * from './log-sealer';
export * from './verify-log';
export * from './scheduled-log-seals';
export * from './unaccounted-events';
export * from './seal-witness';
