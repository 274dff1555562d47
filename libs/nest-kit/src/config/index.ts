export * from './configuration-error';
export * from './define-config';
export * as env from './readers';
export type { Reader, ReadResult } from './readers';
