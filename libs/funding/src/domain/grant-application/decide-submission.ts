import { AlreadyCreated, InvalidTransition } from '../errors';
import {
  checkCountry,
  checkId,
  checkList,
  checkObject,
  checkOneOf,
  FieldIssues,
  isBefore,
  sameJson,
} from '../field-validation';
import {
  GRANT_APPLICATION,
  requiredText,
  requireStatus,
  requireWithinCallBudget,
  stamp,
  termsOf,
} from './application-guards';
import { ASSOCIATION_STATUSES, AssociationFacts, screenEligibility } from './eligibility-screening';
import {
  ChangeGrantApplication,
  ClearSuspensionFlag,
  DraftGrantApplication,
  FlagForAssociationSuspension,
  ScreenEligibility,
  SubmissionCommand,
  SubmitGrantApplication,
  WithdrawGrantApplication,
} from './grant-application-commands';
import { AssociationNotVerified, CallNotOpenForSubmissions } from './grant-application-errors';
import { GrantApplicationEvent } from './grant-application-events';
import { FINAL_STATUSES, GrantApplication } from './grant-application-state';
import {
  checkProposal,
  checkProposalConsistency,
  checkProposalFields,
  PROPOSAL_FIELDS,
  ProjectProposal,
} from './project-proposal';

type Events = GrantApplicationEvent[];

/** The draft's ids and proposal, normalised, or ValidationFailed listing every bad field. */
export const checkDraft = (
  command: DraftGrantApplication,
): { applicationId: string; callId: string; associationId: string; proposal: ProjectProposal } => {
  const issues = new FieldIssues();
  const applicationId = checkId(issues, 'applicationId', command.data.applicationId);
  const callId = checkId(issues, 'callId', command.data.callId);
  const associationId = checkId(issues, 'associationId', command.data.associationId);
  const proposal = checkProposal(issues, 'proposal', command.data.proposal);
  issues.throwIfAny();
  return { applicationId, callId, associationId, proposal };
};

const checkAssociationFacts = (value: unknown, associationId: string): AssociationFacts => {
  const issues = new FieldIssues();
  const input = checkObject(issues, 'association', value);
  if (input['associationId'] !== associationId) {
    issues.add('association.associationId', `must be ${associationId}, the applicant`);
  }
  const facts: AssociationFacts = {
    associationId,
    status: checkOneOf(issues, 'association.status', input['status'], ASSOCIATION_STATUSES),
    hostCountries: checkList(issues, 'association.hostCountries', input['hostCountries'], (f, v) =>
      checkCountry(issues, f, v),
    ),
  };
  issues.throwIfAny();
  return facts;
};

const redraft = (state: GrantApplication, command: DraftGrantApplication): Events => {
  const { callId, associationId, proposal } = checkDraft(command);
  const same =
    callId === state.callId && associationId === state.associationId && sameJson(proposal, state.proposal);
  if (same) return [];
  throw new AlreadyCreated(GRANT_APPLICATION, state.applicationId);
};

const change = (state: GrantApplication, command: ChangeGrantApplication): Events => {
  const issues = new FieldIssues();
  const given = checkProposalFields(issues, 'changes', command.data.changes);
  issues.throwIfAny();
  const changes = Object.fromEntries(
    PROPOSAL_FIELDS.filter((f) => f in given && !sameJson(given[f], state.proposal[f])).map((f) => [
      f,
      given[f],
    ]),
  ) as Partial<ProjectProposal>;
  if (Object.keys(changes).length === 0) return [];
  requireStatus(state, command.type, ['draft']);
  checkProposalConsistency(issues, 'changes', { ...state.proposal, ...changes });
  issues.throwIfAny();
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'GrantApplicationChanged',
      data: { applicationId: state.applicationId, changes, changedAt: now, by },
    },
  ];
};

const submit = (state: GrantApplication, command: SubmitGrantApplication): Events => {
  if (state.submittedAt !== null) return [];
  requireStatus(state, command.type, ['draft']);
  const association = checkAssociationFacts(command.data.association, state.associationId);
  const { call } = command.data;
  if (call?.callId !== state.callId) {
    const issues = new FieldIssues();
    issues.add('call.callId', `must be ${state.callId}, the call applied to`);
    issues.throwIfAny();
  }
  if (association.status !== 'verified')
    throw new AssociationNotVerified(association.associationId, association.status);
  const { now, by } = stamp(command.metadata);
  if (call.status !== 'published') {
    throw new CallNotOpenForSubmissions(call.callId, call.status === 'closed' ? 'closed' : 'not-published');
  }
  if (isBefore(call.terms.deadline, now)) throw new CallNotOpenForSubmissions(call.callId, 'deadline-passed');
  requireWithinCallBudget(call.terms.budget, state.proposal.amountRequested, 'proposal.amountRequested');
  const { terms } = call;
  return [
    {
      type: 'GrantApplicationSubmitted',
      data: {
        applicationId: state.applicationId,
        callId: state.callId,
        associationId: state.associationId,
        terms: {
          criteriaVersion: call.criteriaVersion,
          currency: terms.budget.currency,
          deadline: terms.deadline,
          eligibility: terms.eligibility,
          awardCriteria: terms.awardCriteria,
          scoringRulesVersion: terms.scoringRulesVersion,
          evaluatorsPerProposal: terms.evaluatorsPerProposal,
          appealWindowDays: terms.appealWindowDays,
        },
        submittedAt: now,
        by,
      },
    },
  ];
};

const screen = (state: GrantApplication, command: ScreenEligibility): Events => {
  if (state.screening !== null) return [];
  requireStatus(state, command.type, ['submitted']);
  const terms = termsOf(state, command.type);
  const association = checkAssociationFacts(command.data.association, state.associationId);
  const screening = screenEligibility(terms.eligibility, {
    association,
    proposal: state.proposal,
    callCurrency: terms.currency,
  });
  const { now, by } = stamp(command.metadata);
  const { applicationId } = state;
  const checks = [...screening.checks];
  return [
    screening.eligible
      ? { type: 'GrantApplicationFoundEligible', data: { applicationId, checks, screenedAt: now, by } }
      : {
          type: 'GrantApplicationFoundIneligible',
          data: { applicationId, reasons: screening.reasons.map((r) => r.rule), checks, screenedAt: now, by },
        },
  ];
};

const withdraw = (state: GrantApplication, command: WithdrawGrantApplication): Events => {
  if (state.status === 'withdrawn') return [];
  if (FINAL_STATUSES.includes(state.status))
    throw new InvalidTransition(GRANT_APPLICATION, state.status, command.type);
  const reason = requiredText('reason', command.data.reason);
  const { now, by } = stamp(command.metadata);
  const award =
    state.status === 'awarded' && state.decision?.kind === 'award'
      ? { envelopeId: state.decision.envelopeId, amount: state.decision.amount }
      : null;
  return [
    {
      type: 'GrantApplicationWithdrawn',
      data: {
        applicationId: state.applicationId,
        reason,
        previousStatus: state.status,
        award,
        withdrawnAt: now,
        by,
      },
    },
  ];
};

const checkSameAssociation = (state: GrantApplication, associationId: unknown): void => {
  const issues = new FieldIssues();
  if (associationId !== state.associationId)
    issues.add('associationId', `must be ${state.associationId}, the applicant`);
  issues.throwIfAny();
};

const flag = (state: GrantApplication, command: FlagForAssociationSuspension): Events => {
  checkSameAssociation(state, command.data.associationId);
  // A closed application has nothing left to hold back: flagging it changes nothing.
  if (state.flag !== null || FINAL_STATUSES.includes(state.status)) return [];
  const reason = requiredText('reason', command.data.reason);
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'GrantApplicationFlagged',
      data: {
        applicationId: state.applicationId,
        associationId: state.associationId,
        reason,
        flaggedAt: now,
        by,
      },
    },
  ];
};

const clearFlag = (state: GrantApplication, command: ClearSuspensionFlag): Events => {
  checkSameAssociation(state, command.data.associationId);
  if (state.flag === null) return [];
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'GrantApplicationFlagCleared',
      data: { applicationId: state.applicationId, associationId: state.associationId, clearedAt: now, by },
    },
  ];
};

export const decideSubmission = (command: SubmissionCommand, state: GrantApplication): Events => {
  switch (command.type) {
    case 'DraftGrantApplication':
      return redraft(state, command);
    case 'ChangeGrantApplication':
      return change(state, command);
    case 'SubmitGrantApplication':
      return submit(state, command);
    case 'ScreenEligibility':
      return screen(state, command);
    case 'WithdrawGrantApplication':
      return withdraw(state, command);
    case 'FlagForAssociationSuspension':
      return flag(state, command);
    case 'ClearSuspensionFlag':
      return clearFlag(state, command);
  }
};
