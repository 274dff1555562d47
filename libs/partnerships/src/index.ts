export * from './domain/errors';

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
