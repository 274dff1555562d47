export * from './domain/errors';

// Co-development projects (domain/project) and their results framework (domain/results)
export * from './domain/project/project';
export * from './domain/project/project-commands';
export * from './domain/project/project-events';
export * from './domain/project/project-state';
export * from './domain/project/project-details';
export * from './domain/project/project-status';
export * from './domain/project/project-errors';
export * from './domain/project/project-totals';
export { projectIdForAward } from './domain/project/decide-opening';
export { missingDetails } from './domain/project/project-rules';
