export * from './funding-harness';
export * from './award-race';
