export * from './kit-metrics';
export * from './metrics.controller';
export * from './lag-metrics';
export * from './operator-counts';
export * from './pool-stats';
