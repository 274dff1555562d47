export * from './registry-directory-contract';
