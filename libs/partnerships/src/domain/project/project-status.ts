/**
 * IATI ActivityStatus (codelist 2.03): the project's status is the code IATI publishes, so the
 * export maps nothing. See /work/shared/vendor/iati-2.03/codelists/ActivityStatus.xml.
 */
export const ACTIVITY_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_NAMES: Readonly<Record<ActivityStatus, string>> = {
  '1': 'Pipeline/identification',
  '2': 'Implementation',
  '3': 'Finalisation',
  '4': 'Closed',
  '5': 'Cancelled',
  '6': 'Suspended',
};

/**
 * The status changes a project may make. Closed and cancelled are final; finalisation only closes
 * (a project whose work resumes is a new phase, or a replication); a suspension ends by resuming
 * implementation or by cancelling.
 */
export const PROJECT_STATUS_TRANSITIONS: Readonly<Record<ActivityStatus, readonly ActivityStatus[]>> = {
  '1': ['2', '5'],
  '2': ['3', '5', '6'],
  '3': ['4'],
  '4': [],
  '5': [],
  '6': ['2', '5'],
};

/** A cancellation and a suspension say why; the other changes may. */
export const STATUSES_NEEDING_A_REASON: readonly ActivityStatus[] = ['5', '6'];

/** Statuses in which the project's details, money and milestones still change. */
export const OPEN_STATUSES: readonly ActivityStatus[] = ['1', '2', '3', '6'];

/** A project is proposed for replication once its work is done. */
export const REPLICABLE_STATUSES: readonly ActivityStatus[] = ['3', '4'];

/** Milestones are reached while the work goes on. */
export const WORKING_STATUSES: readonly ActivityStatus[] = ['2', '3'];

export const canChangeStatus = (from: ActivityStatus, to: ActivityStatus): boolean =>
  PROJECT_STATUS_TRANSITIONS[from].includes(to);
