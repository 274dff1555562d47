import { BudgetEnvelopeExceeded } from '../budget-envelope/budget-envelope-errors';
import { checkAwardDerogation, checkAwardPlace } from '../award-place';
import { CurrencyMismatch, InvalidTransition } from '../errors';
import {
  addDays,
  checkBoolean,
  checkId,
  checkInteger,
  checkList,
  checkMoney,
  checkObject,
  checkText,
  FieldIssues,
  isBefore,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import {
  checkCommittee,
  GRANT_APPLICATION,
  requiredText,
  requireNotFlagged,
  requireStatus,
  stamp,
  termsOf,
} from './application-guards';
import {
  AwardGrant,
  DecideAppeal,
  DecisionCommand,
  Derogation,
  EnvelopeAtDecision,
  LodgeAppeal,
  RecordCommitteeRecommendation,
  RejectGrantApplication,
} from './grant-application-commands';
import {
  AppealAlreadyLodged,
  AppealWindowClosed,
  AwardExceedsRequest,
  BelowThresholds,
  CommitteeMemberHasConflict,
  OutsideFundedSet,
} from './grant-application-errors';
import { AwardedProject, GrantApplicationEvent } from './grant-application-events';
import { ProjectProposal } from './project-proposal';
import { GrantApplication } from './grant-application-state';

type Events = GrantApplicationEvent[];

/**
 * Nobody who evaluated the dossier (or was named to, or excluded from it for a conflict of
 * interest) sits on the committee that decides it: evaluation and decision stay apart.
 */
const requireImpartialCommittee = (
  state: GrantApplication,
  members: readonly string[],
  field = 'committeeMembers',
  given: unknown = members,
): void => {
  const member = members.find((m) => state.evaluators[m] !== undefined);
  if (member === undefined) return;
  // Named where the caller put it, not in the sorted order recorded.
  const index = Array.isArray(given) ? given.indexOf(member) : -1;
  throw new CommitteeMemberHasConflict(member, index >= 0 ? `${field}[${index}]` : field);
};

const checkEnvelope = (issues: FieldIssues, value: unknown): EnvelopeAtDecision => {
  const input = checkObject(issues, 'envelope', value);
  return {
    envelopeId: checkId(issues, 'envelope.envelopeId', input['envelopeId']),
    remaining: checkMoney(issues, 'envelope.remaining', input['remaining'], { allowZero: true }),
  };
};

/** The record every decision carries for the auditor. */
const decisionRecord = (
  state: GrantApplication,
  commandType: string,
  committeeMembers: string[],
  envelope: EnvelopeAtDecision,
) => {
  const terms = termsOf(state, commandType);
  return {
    callId: state.callId,
    associationId: state.associationId,
    committeeMembers,
    criteriaVersion: terms.criteriaVersion,
    scoringRulesVersion: terms.scoringRulesVersion,
    consensus: state.consensus?.consensus ?? null,
    envelopeId: envelope.envelopeId,
    envelopeRemaining: envelope.remaining,
  };
};

const recommend = (state: GrantApplication, command: RecordCommitteeRecommendation): Events => {
  const issues = new FieldIssues();
  const recommended = checkBoolean(issues, 'recommended', command.data.recommended);
  const rank =
    command.data.rank === null ? null : checkInteger(issues, 'rank', command.data.rank, 1, 100_000);
  const rationale = checkText(issues, 'rationale', command.data.rationale, MAX_LONG_TEXT);
  const committeeMembers = checkCommittee(issues, command.data.committeeMembers);
  issues.throwIfAny();
  // The same recommendation again changes nothing, also after the decision that followed it.
  if (sameJson(state.recommendation, { recommended, rank, rationale, committeeMembers })) return [];
  requireStatus(state, command.type, ['scored', 'recommended', 'not-recommended']);
  const consensus = state.consensus;
  if (consensus === null) throw new InvalidTransition(GRANT_APPLICATION, state.status, command.type);
  if (recommended && !consensus.passedThresholds) throw new BelowThresholds(consensus.failedThresholds);
  requireImpartialCommittee(state, committeeMembers, 'committeeMembers', command.data.committeeMembers);
  const { now, by } = stamp(command.metadata);
  const data = {
    applicationId: state.applicationId,
    rank,
    rationale,
    committeeMembers,
    consensus: consensus.consensus,
    recommendedAt: now,
    by,
  };
  return [
    recommended
      ? { type: 'GrantApplicationRecommended', data }
      : { type: 'GrantApplicationNotRecommended', data },
  ];
};

const award = (state: GrantApplication, command: AwardGrant): Events => {
  const issues = new FieldIssues();
  const amount = checkMoney(issues, 'amount', command.data.amount);
  const conditions = checkList(issues, 'conditions', command.data.conditions, (f, v) =>
    checkText(issues, f, v, MAX_LONG_TEXT),
  );
  const rationale = checkText(issues, 'rationale', command.data.rationale, MAX_LONG_TEXT);
  const committeeMembers = checkCommittee(issues, command.data.committeeMembers);
  const envelope = checkEnvelope(issues, command.data.envelope);
  const ranking = checkAwardPlace(issues, command.data.ranking);
  const derogation = checkAwardDerogation(issues, command.data.derogation satisfies Derogation | null);
  issues.throwIfAny();
  if (state.decision?.kind === 'award' && sameJson(state.decision.amount, amount)) return [];
  requireStatus(state, command.type, ['recommended']);
  requireNotFlagged(state);
  const requested = state.proposal.amountRequested;
  const currency = termsOf(state, command.type).currency;
  for (const given of [amount, envelope.remaining]) {
    if (given.currency !== currency) throw new CurrencyMismatch(currency, given.currency);
  }
  if (amount.amountMinor > requested.amountMinor) throw new AwardExceedsRequest(requested, amount);
  if (amount.amountMinor > envelope.remaining.amountMinor) {
    throw new BudgetEnvelopeExceeded(envelope.envelopeId, amount, envelope.remaining);
  }
  requireImpartialCommittee(state, committeeMembers, 'committeeMembers', command.data.committeeMembers);
  if (!ranking.fundedSet && derogation === null)
    throw new OutsideFundedSet(state.applicationId, ranking.rank);
  if (derogation !== null)
    requireImpartialCommittee(
      state,
      derogation.committeeMembers,
      'derogation.committeeMembers',
      command.data.derogation?.committeeMembers,
    );
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'GrantAwarded',
      data: {
        applicationId: state.applicationId,
        ...decisionRecord(state, command.type, committeeMembers, envelope),
        amount,
        conditions,
        rationale,
        ranking,
        derogation,
        project: awardedProject(state.proposal),
        decidedAt: now,
        by,
      },
    },
  ];
};

const awardedProject = ({
  title,
  summary,
  sectors,
  region,
  coFinancing,
}: ProjectProposal): AwardedProject => ({
  title,
  summary,
  sectors,
  region,
  coFinancing,
});

const reject = (state: GrantApplication, command: RejectGrantApplication): Events => {
  if (state.status === 'rejected') return [];
  requireStatus(state, command.type, ['recommended', 'not-recommended']);
  const issues = new FieldIssues();
  const reasons = checkList(
    issues,
    'reasons',
    command.data.reasons,
    (f, v) => checkText(issues, f, v, MAX_LONG_TEXT),
    {
      min: 1,
      key: String,
    },
  );
  const committeeMembers = checkCommittee(issues, command.data.committeeMembers);
  const envelope = checkEnvelope(issues, command.data.envelope);
  issues.throwIfAny();
  requireImpartialCommittee(state, committeeMembers, 'committeeMembers', command.data.committeeMembers);
  const { now, by } = stamp(command.metadata);
  const appealDeadline = addDays(now, termsOf(state, command.type).appealWindowDays);
  return [
    {
      type: 'GrantApplicationRejected',
      data: {
        applicationId: state.applicationId,
        ...decisionRecord(state, command.type, committeeMembers, envelope),
        reasons,
        appealDeadline,
        decidedAt: now,
        by,
      },
    },
  ];
};

const lodgeAppeal = (state: GrantApplication, command: LodgeAppeal): Events => {
  const grounds = requiredText('grounds', command.data.grounds);
  if (state.appeal !== null && state.appeal.grounds === grounds) return [];
  requireStatus(state, command.type, ['rejected']);
  if (state.appeal !== null) throw new AppealAlreadyLodged(state.applicationId);
  const { now, by } = stamp(command.metadata);
  const deadline = state.decision?.kind === 'rejection' ? state.decision.appealDeadline : now;
  if (isBefore(deadline, now)) throw new AppealWindowClosed(deadline);
  return [{ type: 'AppealLodged', data: { applicationId: state.applicationId, grounds, lodgedAt: now, by } }];
};

const decideAppeal = (state: GrantApplication, command: DecideAppeal): Events => {
  const issues = new FieldIssues();
  const upheld = checkBoolean(issues, 'upheld', command.data.upheld);
  const rationale = checkText(issues, 'rationale', command.data.rationale, MAX_LONG_TEXT);
  const committeeMembers = checkCommittee(issues, command.data.committeeMembers);
  issues.throwIfAny();
  if (state.appeal?.status === (upheld ? 'upheld' : 'dismissed')) return [];
  if (state.status !== 'rejected' || state.appeal?.status !== 'lodged') {
    throw new InvalidTransition(GRANT_APPLICATION, `${state.status} without a pending appeal`, command.type);
  }
  requireImpartialCommittee(state, committeeMembers, 'committeeMembers', command.data.committeeMembers);
  const { now, by } = stamp(command.metadata);
  const data = { applicationId: state.applicationId, rationale, committeeMembers, decidedAt: now, by };
  return [upheld ? { type: 'AppealUpheld', data } : { type: 'AppealDismissed', data }];
};

export const decideDecision = (command: DecisionCommand, state: GrantApplication): Events => {
  switch (command.type) {
    case 'RecordCommitteeRecommendation':
      return recommend(state, command);
    case 'AwardGrant':
      return award(state, command);
    case 'RejectGrantApplication':
      return reject(state, command);
    case 'LodgeAppeal':
      return lodgeAppeal(state, command);
    case 'DecideAppeal':
      return decideAppeal(state, command);
  }
};
