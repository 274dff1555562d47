// Training: modules, paths, sessions, enrolment, attendance, completion and certificates.
export * from './domain/errors';

// Certificates (domain/certificate), status lists (domain/status-list), check-in codes (application)
export * from './domain/certificate/certificate-commands';
export * from './domain/certificate/certificate-events';
export * from './domain/certificate/certificate-state';
export * from './domain/certificate/certificate-errors';
export * from './domain/certificate/certificate';
export * from './domain/status-list/status-list-index';
export * from './domain/status-list/status-list-commands';
export * from './domain/status-list/status-list-events';
export * from './domain/status-list/status-list-state';
export * from './domain/status-list/status-list-errors';
export * from './domain/status-list/status-list';
export * from './application/check-in-codes';

// Application: the ports a host profile provides.
export * from './application/training-ports';
