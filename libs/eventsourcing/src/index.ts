export * from './envelope';
export * from './expected-revision';
export * from './errors';
export * from './canonical-json';
export * from './hash-chain';
export * from './stream-name';
export * from './event-id';
