export * from './content-store';
export { streamBody, verifyingStream } from './content-streams';
export * from './folder/folder-content-store';
export * from './postgres/postgres-content-store';
