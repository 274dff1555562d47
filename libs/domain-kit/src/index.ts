export * from './domain-error';
export * from './common-errors';
export * from './field-issues';
export * from './field-checks';
export * from './place-and-time-checks';
export * from './detail-changes';
