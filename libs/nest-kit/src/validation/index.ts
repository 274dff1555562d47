export * from './bounded';
export * from './validation-pipe';
