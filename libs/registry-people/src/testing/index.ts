export * from './registry-people-contract';
export * from './postgres-transaction';
