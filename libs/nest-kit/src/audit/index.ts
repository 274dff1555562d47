export * from './seal-witness.controller';
