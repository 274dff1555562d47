// Training: modules, paths, sessions, enrolment, attendance, completion and certificates.
export * from './domain/errors';
// Application: the ports a host profile provides.
export * from './application/training-ports';
