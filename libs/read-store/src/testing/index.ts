export * from './document-store-contract';
export * from './sample-projection';
