// Training: modules, paths, sessions, enrolment, attendance, completion and certificates.
export * from './domain/errors';
