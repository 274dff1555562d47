import { requireServer } from '@tadamon/testing';
import { S3ContentStoreOptions } from '../s3/s3-content-store';

/** The test server's settings from S3_URL (http://KEY:SECRET@host:port); fails when there is none. */
export function testS3Settings(bucket: string): Omit<S3ContentStoreOptions, 'prefix' | 'spoolDir'> {
  const url = new URL(requireServer('s3'));
  return {
    endpoint: `${url.protocol}//${url.host}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
    forcePathStyle: true,
  };
}
