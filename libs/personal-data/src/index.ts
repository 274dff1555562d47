export * from './sealed-personal-data';
export * from './key-store';
export * from './personal-data-cipher';
export * from './sqlite-key-store';
export * from './postgres-key-store';
