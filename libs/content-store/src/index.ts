export * from './content-store';
export { streamBody, verifyingStream } from './content-streams';
export * from './folder/folder-content-store';
export * from './postgres/postgres-content-store';
export * from './open-content-store';
// The S3 adapter is at @tadamon/content-store/s3 (it loads the AWS SDK).
export type { S3ContentStoreOptions } from './s3/s3-content-store';
