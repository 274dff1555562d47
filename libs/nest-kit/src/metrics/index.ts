export * from './kit-metrics';
export * from './metrics.controller';
