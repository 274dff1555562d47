export * from './startup-error';
export * from './opened-resources';
export * from './service-infrastructure.module';
export * from './relaying-infrastructure';
export * from './distributed-service';
