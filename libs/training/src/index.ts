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
