export * from './kit-logger';
export * from './request-logging';
