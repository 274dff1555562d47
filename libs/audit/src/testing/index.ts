export * from './funding-demo-log';
