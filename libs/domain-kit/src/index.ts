export * from './domain-error';
export * from './field-issues';
export * from './field-checks';
