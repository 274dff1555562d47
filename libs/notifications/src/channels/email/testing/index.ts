export * from './email-transport-contract';
export * from './eml';
export * from './refusing-smtp-server';
