export * from './s3-content-store';
