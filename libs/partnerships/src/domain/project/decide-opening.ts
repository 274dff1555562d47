import { AlreadyCreated } from '../errors';
import { Money } from '@tadamon/reference-data';
import {
  checkId,
  checkInstant,
  checkMoney,
  checkObject,
  FieldIssues,
  LocalizedText,
  sameJson,
} from '../field-validation';
import { AwardedProjectInput, OpenProject, OpenProjectFromAward } from './project-commands';
import {
  checkLocations,
  checkOptionalId,
  checkSectors,
  DETAIL_CHECKS,
  IMPLEMENTING,
  PROJECT_DETAIL_FIELDS,
  ProjectDetails,
  WHOLE_PERCENT,
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
  const awarded =
    data.project === undefined || data.project === null
      ? undefined
      : awardedDetails(issues, data.project, origin.grant, associationId);
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
      ...awarded,
    },
  };
};

const GRANT_LABEL = { fr: 'Subvention accordée', ar: 'المنحة الممنوحة', en: 'Grant awarded' };
const COFINANCING_LABEL = {
  fr: 'Cofinancement du porteur',
  ar: 'التمويل المشترك لحامل المشروع',
  en: "Carrier's co-financing",
};

/**
 * What the award tells of the project: its title and summary, its region, its sectors (the
 * proposal gives no shares: equal ones, the remainder on the first, for the officer to adjust),
 * the grant and the carrier's co-financing as budget lines.
 */
const awardedDetails = (
  issues: FieldIssues,
  project: AwardedProjectInput,
  grant: Money,
  associationId: string,
): Partial<ProjectDetails> => {
  const input = checkObject(issues, 'project', project);
  const codes = Array.isArray(input['sectors']) ? (input['sectors'] as unknown[]) : [];
  const share = codes.length === 0 ? 0 : Math.floor(WHOLE_PERCENT / codes.length);
  const sectors = codes.map((code, i) => ({
    code,
    percentageHundredths: share + (i === 0 ? WHOLE_PERCENT - share * codes.length : 0),
  }));
  const coFinancing = checkMoney(issues, 'project.coFinancing', input['coFinancing']);
  const cofinanced = coFinancing.amountMinor > 0;
  return {
    title: DETAIL_CHECKS.title(issues, 'project.title', input['title']) as LocalizedText,
    description: DETAIL_CHECKS.description(issues, 'project.summary', input['summary']) as LocalizedText,
    locations: checkLocations(issues, 'project.region', [{ area: input['region'] }]),
    sectors: checkSectors(issues, 'project.sectors', sectors),
    budgetLines: [
      { lineId: 'grant', label: GRANT_LABEL, amount: grant, periodStart: null, periodEnd: null },
      ...(cofinanced
        ? [
            {
              lineId: 'cofinancing',
              label: COFINANCING_LABEL,
              amount: coFinancing,
              periodStart: null,
              periodEnd: null,
            },
          ]
        : []),
    ],
    cofinancing: cofinanced ? [{ partyId: associationId, amount: coFinancing }] : [],
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
