export * from './fastify-adapter';
export * from './well-formed-input';
