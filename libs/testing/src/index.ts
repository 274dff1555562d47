export * from './servers/server-kind';
export * from './servers/require-server';
export * from './servers/kurrentdb-suite';
export { IMAGES } from './servers/docker-servers';
