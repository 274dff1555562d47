export * from './domain/errors';
export * from './domain/notification/notification';
export * from './domain/notification/notification-errors';
export * from './domain/notification/notification-identity';
export * from './domain/notification/notification-messages';
export * from './domain/notification/notification-state';
