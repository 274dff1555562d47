export * from './domain/errors';

// Agreements, programmes, mediation (support requests)
export * from './domain/agreement/agreement-terms';
export * from './domain/agreement/agreement-documents';
export * from './domain/agreement/agreement-commands';
export * from './domain/agreement/agreement-events';
export * from './domain/agreement/agreement-state';
export * from './domain/agreement/agreement-errors';
export * from './domain/agreement/agreement-evolve';
export * from './domain/agreement/agreement';
export * from './domain/agreement/terms-in-force';
export * from './domain/programme/programme-details';
export * from './domain/programme/programme';
export * from './domain/support-request/support-request-messages';
export * from './domain/support-request/support-request-state';
export * from './domain/support-request/support-request-errors';
export * from './domain/support-request/support-request';
