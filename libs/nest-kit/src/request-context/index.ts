export * from './request-context';
export * from './correlation-id.decorator';
