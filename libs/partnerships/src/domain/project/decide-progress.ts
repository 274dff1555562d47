import { InvalidTransition } from '../errors';
import {
  checkCurrentRegion,
  checkDate,
  checkId,
  checkOneOf,
  checkOptionalText,
  FieldIssues,
  MAX_LONG_TEXT,
} from '../field-validation';
import { PROJECT } from './decide-opening';
import { ChangeProjectStatus, ProposeReplication, ReachMilestone } from './project-commands';
import {
  MilestoneAlreadyReached,
  MilestoneNotFound,
  ProjectIncomplete,
  ProjectStatusChangeNotAllowed,
  ReplicationAlreadyProposed,
} from './project-errors';
import { ProjectEvent } from './project-events';
import { missingDetails } from './project-rules';
import { OpenedProject } from './project-state';
import {
  ACTIVITY_STATUSES,
  canChangeStatus,
  REPLICABLE_STATUSES,
  PROJECT_STATUS_TRANSITIONS,
  STATUSES_NEEDING_A_REASON,
  WORKING_STATUSES,
} from './project-status';
import { projectRegions } from './project-totals';

export const decideStatusChange = (command: ChangeProjectStatus, state: OpenedProject): ProjectEvent[] => {
  const issues = new FieldIssues();
  const to = checkOneOf(issues, 'status', command.data.status, ACTIVITY_STATUSES);
  const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
  issues.throwIfAny();
  if (to === state.status) return [];
  if (!canChangeStatus(state.status, to))
    throw new ProjectStatusChangeNotAllowed(
      state.projectId,
      state.status,
      to,
      PROJECT_STATUS_TRANSITIONS[state.status],
    );
  if (reason === null && STATUSES_NEEDING_A_REASON.includes(to)) {
    issues.add('reason', 'must say why the project is cancelled or suspended');
    issues.throwIfAny();
  }
  const missing = to === '2' ? missingDetails(state.details) : [];
  if (missing.length > 0) throw new ProjectIncomplete(state.projectId, missing);
  const { now, actor } = command.metadata;
  return [
    {
      type: 'ProjectStatusChanged',
      data: { projectId: state.projectId, from: state.status, to, reason, changedAt: now, by: actor.id },
    },
  ];
};

export const decideMilestone = (command: ReachMilestone, state: OpenedProject): ProjectEvent[] => {
  const { now, actor } = command.metadata;
  const issues = new FieldIssues();
  const milestoneId = checkId(issues, 'milestoneId', command.data.milestoneId);
  const reachedOn = checkDate(issues, 'reachedOn', command.data.reachedOn, now);
  issues.throwIfAny();
  if (!state.details.milestones.some((m) => m.milestoneId === milestoneId))
    throw new MilestoneNotFound(state.projectId, milestoneId);
  const earlier = state.reached[milestoneId];
  if (earlier === reachedOn) return [];
  if (earlier !== undefined) throw new MilestoneAlreadyReached(milestoneId, earlier);
  if (!WORKING_STATUSES.includes(state.status))
    throw new InvalidTransition(PROJECT, state.status, command.type);
  return [
    {
      type: 'MilestoneReached',
      data: { projectId: state.projectId, milestoneId, reachedOn, recordedAt: now, by: actor.id },
    },
  ];
};

export const decideReplication = (command: ProposeReplication, state: OpenedProject): ProjectEvent[] => {
  const issues = new FieldIssues();
  const replicaProjectId = checkId(issues, 'replicaProjectId', command.data.replicaProjectId);
  const region = checkCurrentRegion(issues, 'region', command.data.region);
  if (replicaProjectId === state.projectId) issues.add('replicaProjectId', 'must be another project');
  issues.throwIfAny();
  const proposed = state.replications[replicaProjectId];
  if (proposed?.code === region.code) return [];
  if (proposed) throw new ReplicationAlreadyProposed(replicaProjectId, proposed.code);
  if (!REPLICABLE_STATUSES.includes(state.status))
    throw new InvalidTransition(PROJECT, state.status, command.type);
  const originalRegions = projectRegions(state.details);
  if (originalRegions.includes(region.code)) {
    issues.add('region', `must be another region than the project's (${originalRegions.join(', ')})`);
    issues.throwIfAny();
  }
  const { now, actor } = command.metadata;
  return [
    {
      type: 'ReplicationProposed',
      data: {
        projectId: state.projectId,
        replicaProjectId,
        region,
        originalRegions,
        proposedAt: now,
        by: actor.id,
      },
    },
  ];
};
