export * from './domain/errors';
