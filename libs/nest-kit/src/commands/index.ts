export * from './context-commands';
