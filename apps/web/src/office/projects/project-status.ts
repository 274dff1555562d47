/** IATI ActivityStatus codes the projects move through (docs/partnerships.md, "Statuses"). */
export const PROJECT_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Cancelling (5) and suspending (6) are recorded with their reason. */
export const statusNeedsReason = (status: string): boolean => status === '5' || status === '6';

export const isProjectStatus = (value: unknown): value is ProjectStatus =>
  typeof value === 'string' && (PROJECT_STATUSES as readonly string[]).includes(value);
