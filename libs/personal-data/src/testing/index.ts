export * from './personal-data-contract';
