export * from './document-store-contract';
