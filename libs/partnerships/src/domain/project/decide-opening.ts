import { AlreadyCreated } from '../errors';
import { checkId, checkInstant, checkMoney, FieldIssues, sameJson } from '../field-validation';
import { OpenProject, OpenProjectFromAward } from './project-commands';
import {
  checkOptionalId,
  DETAIL_CHECKS,
  IMPLEMENTING,
  PROJECT_DETAIL_FIELDS,
  ProjectDetails,
} from './project-details';
import { ProjectEvent, ProjectOrigin } from './project-events';
import { checkCofinancingWithinBudget, checkCoherence } from './project-rules';
import { ProjectState } from './project-state';

export const PROJECT = 'project';

/** The project an award opens: one per application, whatever the number of deliveries of GrantAwarded. */
export const projectIdForAward = (applicationId: string): string => `award-${applicationId}`;

type Opening = { projectId: string; carrierId: string; origin: ProjectOrigin; details: ProjectDetails };

const OPTIONAL_LISTS: readonly string[] = ['cofinancing', 'milestones'];

const checkOpening = (data: OpenProject['data']): Opening => {
  const issues = new FieldIssues();
  const projectId = checkId(issues, 'projectId', data.projectId);
  const carrierId = checkId(issues, 'carrierId', data.carrierId);
  const replicationOf = checkOptionalId(issues, 'replicationOf', data.replicationOf);
  const input = data as unknown as Record<string, unknown>;
  const details = Object.fromEntries(
    PROJECT_DETAIL_FIELDS.map((field) => {
      const value = input[field] ?? (OPTIONAL_LISTS.includes(field) ? [] : input[field]);
      return [field, DETAIL_CHECKS[field](issues, field, value)];
    }),
  ) as ProjectDetails;
  if (replicationOf === null && details.agreementId === null)
    issues.add('agreementId', 'must name the agreement the project is under, unless it replicates another');
  if (replicationOf !== null && replicationOf === projectId)
    issues.add('replicationOf', 'must be another project');
  if (issues.count === 0) checkCoherence(issues, details, carrierId);
  issues.throwIfAny();
  checkCofinancingWithinBudget(details);
  const origin: ProjectOrigin =
    replicationOf !== null
      ? { kind: 'replication', originalProjectId: replicationOf }
      : { kind: 'agreement', agreementId: details.agreementId as string };
  return { projectId, carrierId, origin, details };
};

export const decideOpening = (command: OpenProject, state: ProjectState): ProjectEvent[] => {
  const opening = checkOpening(command.data);
  if (state.status !== 'none') {
    const same =
      state.projectId === opening.projectId &&
      state.carrierId === opening.carrierId &&
      sameJson(state.origin, opening.origin) &&
      sameJson(state.details, opening.details);
    if (same) return [];
    throw new AlreadyCreated(PROJECT, state.projectId);
  }
  const { now, actor } = command.metadata;
  return [
    {
      type: 'ProjectOpened',
      data: {
        projectId: opening.projectId,
        carrierId: opening.carrierId,
        origin: opening.origin,
        status: '1',
        visibility: 'internal',
        ...opening.details,
        openedAt: now,
        by: actor.id,
      },
    },
  ];
};

const checkAward = (data: OpenProjectFromAward['data']): Opening => {
  const issues = new FieldIssues();
  const applicationId = checkId(issues, 'applicationId', data.applicationId);
  const associationId = checkId(issues, 'associationId', data.associationId);
  const origin: ProjectOrigin = {
    kind: 'award',
    applicationId,
    callId: checkId(issues, 'callId', data.callId),
    envelopeId: checkId(issues, 'envelopeId', data.envelopeId),
    grant: checkMoney(issues, 'grant', data.grant),
    awardedAt: checkInstant(issues, 'awardedAt', data.awardedAt),
  };
  issues.throwIfAny();
  return {
    projectId: projectIdForAward(applicationId),
    carrierId: associationId,
    origin,
    details: {
      title: null,
      description: null,
      participants: [{ partyId: associationId, role: IMPLEMENTING }],
      agreementId: null,
      programmeId: null,
      locations: [],
      sectors: [],
      budgetLines: [],
      cofinancing: [],
      milestones: [],
      plannedStart: null,
      plannedEnd: null,
    },
  };
};

export const decideOpeningFromAward = (
  command: OpenProjectFromAward,
  state: ProjectState,
): ProjectEvent[] => {
  const opening = checkAward(command.data);
  if (state.status !== 'none') {
    // The details may have been completed since: a redelivered award is the same award.
    const same =
      state.projectId === opening.projectId &&
      state.carrierId === opening.carrierId &&
      sameJson(state.origin, opening.origin);
    if (same) return [];
    throw new AlreadyCreated(PROJECT, state.projectId);
  }
  const { now, actor } = command.metadata;
  return [
    {
      type: 'ProjectOpened',
      data: {
        projectId: opening.projectId,
        carrierId: opening.carrierId,
        origin: opening.origin,
        status: '1',
        visibility: 'internal',
        ...opening.details,
        openedAt: now,
        by: actor.id,
      },
    },
  ];
};
