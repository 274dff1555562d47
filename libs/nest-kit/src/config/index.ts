export * from './configuration-error';
export * from './define-config';
export * as env from './readers';
export type { Reader, ReadResult } from './readers';
export * from './service-readers';
export * from './service-variables';
export * from './writable-file';
export * from './service-config';
export * from './log-seal-variables';
