export * from './request-context';
export * from './request-context.middleware';
export * from './correlation-id.decorator';
