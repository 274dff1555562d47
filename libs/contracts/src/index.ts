export * from './integration-event';
export * from './topics';
export * from './publication';
export * from './registry-events';
export * from './funding-events';
export * from './partnerships-events';
export * from './registry-contacts';
export * from './notifications-events';
