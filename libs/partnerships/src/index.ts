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

// Co-development projects (domain/project) and their results framework (domain/results)
export * from './domain/project/project';
export * from './domain/project/project-commands';
export * from './domain/project/project-events';
export * from './domain/project/project-state';
export type {
  GeoPoint,
  ProjectLocation,
  SectorShare,
  ProjectBudgetLine,
  CofinancingShare,
  ProjectMilestone,
  ProjectParticipant,
  ProjectParticipantRole,
  ProjectDetails,
  ProjectDetailField,
} from './domain/project/project-details';
export {
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_DETAIL_FIELDS,
  MOROCCO_BOUNDS,
  WHOLE_PERCENT,
} from './domain/project/project-details';
export type { ActivityStatus } from './domain/project/project-status';
export {
  ACTIVITY_STATUSES,
  ACTIVITY_STATUS_NAMES,
  PROJECT_STATUS_TRANSITIONS,
} from './domain/project/project-status';
export * from './domain/project/project-errors';
export * from './domain/project/project-totals';
export { projectIdForAward } from './domain/project/decide-opening';
export { missingDetails } from './domain/project/project-rules';
export * from './domain/results/results';
export * from './domain/results/results-commands';
export * from './domain/results/results-events';
export * from './domain/results/results-state';
export * from './domain/results/results-errors';
export * from './domain/results/indicator-progress';

// Read models
export * from './projections';

// IATI 2.03 publication of the projects
export * from './iati';

// Application, API and module
export * from './application/partnerships-ports';
export * from './application/partnerships-commands';
export * from './application/partnerships-messages';
export * from './application/partnerships-problems';
export * from './application/agreement-expiry';
export * from './policies/on-funding-events';
export * from './policies/on-registry-events';
export * from './policies/registry-directory';
export * from './policies/registry-directory-stores';
export * from './partnerships.module';

// Demo data
export * from './demo/partnerships-demo-data';
export * from './demo/seed-partnerships-demo';
