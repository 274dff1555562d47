export * from './integration-event';
export * from './topics';
export * from './publication';
