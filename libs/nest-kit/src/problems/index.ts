export * from './problem';
export * from './messages';
export * from './problem-mapping';
export * from './problem.filter';
export * from './prepared-answer';
export * from './domain-validation';
export * from './method-not-allowed';
export * from './framework-errors';
