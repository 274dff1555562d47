export * from './event-store';
export * from './append-preparation';
export * from './polling-subscription';
export * from './sqlite/sqlite-event-store';
export * from './postgres/postgres-event-store';
export * from './seals';
export * from './open-event-store';
export * from './postgres/event-store-roles';
