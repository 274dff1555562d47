export * from './context-commands';
export * from './command-response';
