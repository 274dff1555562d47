export * from './content-store-contract';
