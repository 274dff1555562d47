// Training: modules, paths, sessions, enrolment, attendance, completion and certificates.
export * from './domain/errors';

// Domain: the catalogue (modules, paths) and the session, which owns its seats, attendance,
// feedback and completion; deciders, commands, events, states, errors and stream names.
export * from './domain/module/module-details';
export * from './domain/module/module';
export * from './domain/path/path-details';
export * from './domain/path/path';
export * from './domain/session/session-plan';
export * from './domain/session/session-commands';
export * from './domain/session/session-events';
export * from './domain/session/session-state';
export * from './domain/session/session-errors';
export * from './domain/session/check-in-refusals';
export { CHECK_IN_OPENS_BEFORE_MINUTES, LATE_AFTER_MINUTES } from './domain/session/decide-attendance';
export { attendanceFigures, totalMinutes } from './domain/session/completion';
export { TRAINING_OFFICER } from './domain/session/session-guards';
export * from './domain/session/session';

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
export * from './application/training-commands';
export * from './application/training-problems';
export * from './application/training-messages';
export * from './application/check-in-code-errors';
export * from './application/check-in';
// Certificates as credentials: issuance on completion, status lists, verification.
export * from './application/credential-ports';
export * from './application/credential-issuer';
export * from './application/certificate-credential';
export * from './application/certificate-errors';
export * from './application/status-list-publication';
export * from './application/certificate-verification';
export {
  CertificateIssuance as CertificateIssuanceProcess,
  certificateIdFor,
  CertificatePassSettings,
  IssuanceReport,
  TRAINING_CERTIFICATE_PASS_SETTINGS,
} from './application/certificate-issuance';
export * from './projections';
export * from './training.module';
export * from './application/enrolment-outcome';
export * from './application/catalogue-errors';

// Demo data: the path for association managers and its sessions.
export * from './demo/training-demo-data';
export * from './demo/seed-training-demo';
