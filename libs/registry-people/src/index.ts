// The Registry's people as a distributed service keeps them: a directory in PostgreSQL fed by the
// Registry's public topic and its restricted contacts topic (Notifications, Training).
export * from './registry-people-changes';
export * from './postgres-registry-people';
