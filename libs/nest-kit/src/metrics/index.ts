export * from './kit-metrics';
export * from './metrics.controller';
export * from './lag-metrics';
