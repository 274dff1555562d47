import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { CurrencyCode, Money } from '@tadamon/reference-data';
import { AwardDerogation, AwardPlace, checkAwardDerogation, checkAwardPlace } from '../award-place';
import { AlreadyCreated, CurrencyMismatch, InvalidTransition, NotCreated } from '../errors';
import {
  checkDate,
  checkId,
  checkIds,
  checkInstant,
  checkList,
  checkLocalizedText,
  checkMoney,
  checkObject,
  checkText,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import {
  BudgetEnvelopeExceeded,
  CommitmentAlreadyMade,
  CommitmentNoLongerActive,
  CommitmentNotFound,
  DisbursementExceedsCommitment,
  TrancheAlreadyDisbursed,
} from './budget-envelope-errors';

// One stream per envelope: every commitment appends to it with an expected revision, so two
// concurrent awards conflict and the loser re-decides against the new remaining amount.
export const BUDGET_ENVELOPE_CATEGORY = 'budgetEnvelope';
export const budgetEnvelopeStreamName = (envelopeId: string): string =>
  streamName(BUDGET_ENVELOPE_CATEGORY, envelopeId);

/** Calendar dates YYYY-MM-DD, both included. */
export type EnvelopePeriod = { readonly start: string; readonly end: string };
export type BudgetEnvelopeTerms = {
  readonly programmeId: string;
  readonly name: LocalizedText;
  /** The actor (Registry id) who funds the envelope. */
  readonly funderId: string;
  readonly amount: Money;
  readonly period: EnvelopePeriod;
};

/**
 * The award a commitment is made for, as the committee decided it. Recorded with the commitment
 * so that an award interrupted between its two appends (a crash) can be finished from this stream
 * alone: the award process records `GrantAwarded` with these terms, or releases the commitment.
 */
export type AwardTerms = {
  /** The AwardGrant command that records the award: `GrantAwarded`'s `metadata.commandId`. */
  readonly commandId: string;
  readonly conditions: string[];
  readonly rationale: string;
  readonly committeeMembers: string[];
  readonly decidedAt: string;
  /** The committee member who took the decision (the AwardGrant's actor). */
  readonly by: string;
  /** The award's place in its call's ranking, counting the commitments made before this one. */
  readonly ranking: AwardPlace;
  /** Required outside the funded set; null inside it. */
  readonly derogation: AwardDerogation | null;
};

// ---- commands ----
export type OpenBudgetEnvelope = Command<'OpenBudgetEnvelope', { envelopeId: string } & BudgetEnvelopeTerms>;
/**
 * Reserves an award's amount for an application: one active commitment per application; after a
 * release, another award decision may commit again (the same decision never twice).
 */
export type CommitFunds = Command<
  'CommitFunds',
  { envelopeId: string; applicationId: string; amount: Money; award: AwardTerms }
>;
/** Gives back what a commitment has not paid yet (withdrawal, award annulled...). */
export type ReleaseCommitment = Command<
  'ReleaseCommitment',
  { envelopeId: string; applicationId: string; reason: string }
>;
export type RecordDisbursement = Command<
  'RecordDisbursement',
  { envelopeId: string; applicationId: string; trancheId: string; amount: Money }
>;
/** No new commitment after closing; existing ones are still paid or released. */
export type CloseBudgetEnvelope = Command<'CloseBudgetEnvelope', { envelopeId: string; reason: string }>;
export type BudgetEnvelopeCommand =
  OpenBudgetEnvelope | CommitFunds | ReleaseCommitment | RecordDisbursement | CloseBudgetEnvelope;

// ---- events ----
export type BudgetEnvelopeOpened = DomainEvent<
  'BudgetEnvelopeOpened',
  { envelopeId: string; openedAt: string; by: string } & BudgetEnvelopeTerms
>;
export type FundsCommitted = DomainEvent<
  'FundsCommitted',
  {
    envelopeId: string;
    applicationId: string;
    amount: Money;
    /** What the envelope had left before this commitment, and after it. */
    remainingBefore: Money;
    remainingAfter: Money;
    committedAt: string;
    by: string;
    /** Absent from commitments recorded before awards were recorded with them. */
    award?: AwardTerms;
  }
>;
export type CommitmentReleased = DomainEvent<
  'CommitmentReleased',
  {
    envelopeId: string;
    applicationId: string;
    /** The part of the commitment not disbursed, given back to the envelope. */
    released: Money;
    remainingAfter: Money;
    reason: string;
    releasedAt: string;
    by: string;
  }
>;
export type DisbursementRecorded = DomainEvent<
  'DisbursementRecorded',
  {
    envelopeId: string;
    applicationId: string;
    trancheId: string;
    amount: Money;
    disbursedAt: string;
    by: string;
  }
>;
export type BudgetEnvelopeClosed = DomainEvent<
  'BudgetEnvelopeClosed',
  { envelopeId: string; reason: string; closedAt: string; by: string }
>;
export type BudgetEnvelopeEvent =
  BudgetEnvelopeOpened | FundsCommitted | CommitmentReleased | DisbursementRecorded | BudgetEnvelopeClosed;

// ---- state ----
/** Amounts in minor units of the envelope's currency. */
export type Commitment = {
  readonly applicationId: string;
  readonly status: 'active' | 'released';
  readonly committedMinor: number;
  readonly disbursedMinor: number;
  readonly releasedMinor: number;
  /** Disbursed amount per tranche id. */
  readonly tranches: Readonly<Record<string, number>>;
  /** The award this commitment is for (null: recorded before awards were kept with commitments). */
  readonly award: AwardTerms | null;
  /** Every award command committed for the application on this envelope, this one included. */
  readonly awardCommandIds: readonly string[];
};
export type OpenedEnvelope = {
  readonly status: 'open' | 'closed';
  readonly envelopeId: string;
  readonly terms: BudgetEnvelopeTerms;
  /** Sum of the commitments less what was released: it includes what was disbursed. */
  readonly committedMinor: number;
  readonly disbursedMinor: number;
  /** The latest commitment per application. */
  readonly commitments: Readonly<Record<string, Commitment>>;
  /** Released commitments a later one replaced: what they paid stays committed. */
  readonly superseded: readonly Commitment[];
};
export type BudgetEnvelopeState = { readonly status: 'none' } | OpenedEnvelope;

export const initialBudgetEnvelopeState = (): BudgetEnvelopeState => ({ status: 'none' });

/** What the envelope holds, has committed, has paid and has left, in its currency. */
export const envelopeBalance = (
  state: OpenedEnvelope,
): { amount: Money; committed: Money; disbursed: Money; remaining: Money } => {
  const currency = state.terms.amount.currency;
  const of = (amountMinor: number): Money => ({ amountMinor, currency });
  return {
    amount: state.terms.amount,
    committed: of(state.committedMinor),
    disbursed: of(state.disbursedMinor),
    remaining: of(state.terms.amount.amountMinor - state.committedMinor),
  };
};

// ---- validation ----
const ENVELOPE = 'budgetEnvelope';

const checkTerms = (data: OpenBudgetEnvelope['data']): BudgetEnvelopeTerms => {
  const issues = new FieldIssues();
  checkId(issues, 'envelopeId', data.envelopeId);
  const period = checkObject(issues, 'period', data.period);
  const terms: BudgetEnvelopeTerms = {
    programmeId: checkId(issues, 'programmeId', data.programmeId),
    name: checkLocalizedText(issues, 'name', data.name),
    funderId: checkId(issues, 'funderId', data.funderId),
    amount: checkMoney(issues, 'amount', data.amount),
    period: {
      start: checkDate(issues, 'period.start', period['start']),
      end: checkDate(issues, 'period.end', period['end']),
    },
  };
  if (issues.count === 0 && terms.period.end < terms.period.start) {
    issues.add('period.end', 'must not be before period.start');
  }
  issues.throwIfAny();
  return terms;
};

/** The envelope id of the stream, and the application id when the command names one. */
const checkIdsOf = (state: OpenedEnvelope, data: { envelopeId: string }, applicationId: unknown): void => {
  const issues = new FieldIssues();
  if (data.envelopeId !== state.envelopeId) {
    issues.add('envelopeId', `must be ${state.envelopeId}, the envelope of this stream`);
  }
  if (applicationId !== null) checkId(issues, 'applicationId', applicationId);
  issues.throwIfAny();
};

const checkAmountIn = (currency: CurrencyCode, value: unknown): Money => {
  const issues = new FieldIssues();
  const amount = checkMoney(issues, 'amount', value);
  issues.throwIfAny();
  if (amount.currency !== currency) throw new CurrencyMismatch(currency, amount.currency);
  return amount;
};

const checkAwardTerms = (value: unknown): AwardTerms => {
  const issues = new FieldIssues();
  const award = checkObject(issues, 'award', value);
  const terms: AwardTerms = {
    commandId: checkId(issues, 'award.commandId', award['commandId']),
    conditions: checkList(issues, 'award.conditions', award['conditions'], (f, v) =>
      checkText(issues, f, v, MAX_LONG_TEXT),
    ),
    rationale: checkText(issues, 'award.rationale', award['rationale'], MAX_LONG_TEXT),
    committeeMembers: checkIds(issues, 'award.committeeMembers', award['committeeMembers'], {
      min: 1,
      max: 30,
    }),
    decidedAt: checkInstant(issues, 'award.decidedAt', award['decidedAt']),
    by: checkId(issues, 'award.by', award['by']),
    ranking: checkAwardPlace(issues, award['ranking'], 'award.'),
    derogation: checkAwardDerogation(issues, award['derogation'], 'award.'),
  };
  issues.throwIfAny();
  return terms;
};

const checkReason = (value: unknown): string => {
  const issues = new FieldIssues();
  const reason = checkText(issues, 'reason', value, MAX_LONG_TEXT);
  issues.throwIfAny();
  return reason;
};

// ---- decide ----
const commit = (state: OpenedEnvelope, command: CommitFunds): BudgetEnvelopeEvent[] => {
  checkIdsOf(state, command.data, command.data.applicationId);
  const { remaining } = envelopeBalance(state);
  const amount = checkAmountIn(remaining.currency, command.data.amount);
  const award = checkAwardTerms(command.data.award);
  const existing = state.commitments[command.data.applicationId];
  if (existing?.status === 'active') {
    if (existing.committedMinor === amount.amountMinor) return [];
    throw new CommitmentAlreadyMade(existing.applicationId, {
      ...amount,
      amountMinor: existing.committedMinor,
    });
  }
  // A released commitment blocks no later award, but a repeated command of the decision it was
  // for changes nothing: one decision never commits twice.
  if (existing?.awardCommandIds.includes(award.commandId)) return [];
  if (state.status === 'closed') throw new InvalidTransition(ENVELOPE, state.status, command.type);
  if (amount.amountMinor > remaining.amountMinor) {
    throw new BudgetEnvelopeExceeded(state.envelopeId, amount, remaining);
  }
  const { now, actor } = command.metadata;
  return [
    {
      type: 'FundsCommitted',
      data: {
        envelopeId: state.envelopeId,
        applicationId: command.data.applicationId,
        amount,
        remainingBefore: remaining,
        remainingAfter: { ...remaining, amountMinor: remaining.amountMinor - amount.amountMinor },
        committedAt: now,
        by: actor.id,
        award,
      },
    },
  ];
};

const release = (state: OpenedEnvelope, command: ReleaseCommitment): BudgetEnvelopeEvent[] => {
  checkIdsOf(state, command.data, command.data.applicationId);
  const commitment = state.commitments[command.data.applicationId];
  if (!commitment) throw new CommitmentNotFound(state.envelopeId, command.data.applicationId);
  if (commitment.status === 'released') return [];
  const reason = checkReason(command.data.reason);
  const { remaining } = envelopeBalance(state);
  const releasedMinor = commitment.committedMinor - commitment.disbursedMinor;
  return [
    {
      type: 'CommitmentReleased',
      data: {
        envelopeId: state.envelopeId,
        applicationId: commitment.applicationId,
        released: { ...remaining, amountMinor: releasedMinor },
        remainingAfter: { ...remaining, amountMinor: remaining.amountMinor + releasedMinor },
        reason,
        releasedAt: command.metadata.now,
        by: command.metadata.actor.id,
      },
    },
  ];
};

const disburse = (state: OpenedEnvelope, command: RecordDisbursement): BudgetEnvelopeEvent[] => {
  checkIdsOf(state, command.data, command.data.applicationId);
  const issues = new FieldIssues();
  const trancheId = checkId(issues, 'trancheId', command.data.trancheId);
  issues.throwIfAny();
  const currency = state.terms.amount.currency;
  const amount = checkAmountIn(currency, command.data.amount);
  const commitment = state.commitments[command.data.applicationId];
  if (!commitment) throw new CommitmentNotFound(state.envelopeId, command.data.applicationId);
  const paid = commitment.tranches[trancheId];
  if (paid !== undefined) {
    if (paid === amount.amountMinor) return [];
    throw new TrancheAlreadyDisbursed(trancheId, { amountMinor: paid, currency });
  }
  if (commitment.status === 'released') throw new CommitmentNoLongerActive(commitment.applicationId);
  const undisbursed = commitment.committedMinor - commitment.disbursedMinor;
  if (amount.amountMinor > undisbursed) {
    throw new DisbursementExceedsCommitment(commitment.applicationId, amount, {
      amountMinor: undisbursed,
      currency,
    });
  }
  const { now, actor } = command.metadata;
  return [
    {
      type: 'DisbursementRecorded',
      data: {
        envelopeId: state.envelopeId,
        applicationId: commitment.applicationId,
        trancheId,
        amount,
        disbursedAt: now,
        by: actor.id,
      },
    },
  ];
};

export const decideBudgetEnvelope = (
  command: BudgetEnvelopeCommand,
  state: BudgetEnvelopeState,
): BudgetEnvelopeEvent[] => {
  const { now, actor } = command.metadata;
  if (state.status === 'none') {
    if (command.type !== 'OpenBudgetEnvelope') throw new NotCreated(ENVELOPE, command.type);
    const terms = checkTerms(command.data);
    return [
      {
        type: 'BudgetEnvelopeOpened',
        data: { envelopeId: command.data.envelopeId, ...terms, openedAt: now, by: actor.id },
      },
    ];
  }
  switch (command.type) {
    case 'OpenBudgetEnvelope': {
      const terms = checkTerms(command.data);
      if (command.data.envelopeId === state.envelopeId && sameJson(terms, state.terms)) return [];
      throw new AlreadyCreated(ENVELOPE, state.envelopeId);
    }
    case 'CommitFunds':
      return commit(state, command);
    case 'ReleaseCommitment':
      return release(state, command);
    case 'RecordDisbursement':
      return disburse(state, command);
    case 'CloseBudgetEnvelope': {
      checkIdsOf(state, command.data, null);
      if (state.status === 'closed') return [];
      const reason = checkReason(command.data.reason);
      return [
        {
          type: 'BudgetEnvelopeClosed',
          data: { envelopeId: state.envelopeId, reason, closedAt: now, by: actor.id },
        },
      ];
    }
  }
};

// ---- evolve ----
const withCommitment = (state: OpenedEnvelope, commitment: Commitment): Record<string, Commitment> => ({
  ...state.commitments,
  [commitment.applicationId]: commitment,
});

export const evolveBudgetEnvelope = (
  state: BudgetEnvelopeState,
  event: BudgetEnvelopeEvent,
): BudgetEnvelopeState => {
  if (event.type === 'BudgetEnvelopeOpened') {
    const { envelopeId, programmeId, name, funderId, amount, period } = event.data;
    return {
      status: 'open',
      envelopeId,
      terms: { programmeId, name, funderId, amount, period },
      committedMinor: 0,
      disbursedMinor: 0,
      commitments: {},
      superseded: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FundsCommitted': {
      const { applicationId, amount, award } = event.data;
      const earlier = state.commitments[applicationId];
      return {
        ...state,
        committedMinor: state.committedMinor + amount.amountMinor,
        commitments: withCommitment(state, {
          applicationId,
          status: 'active',
          committedMinor: amount.amountMinor,
          disbursedMinor: 0,
          releasedMinor: 0,
          tranches: {},
          award: award ?? null,
          awardCommandIds: [...(earlier?.awardCommandIds ?? []), ...(award ? [award.commandId] : [])],
        }),
        superseded: earlier ? [...state.superseded, earlier] : state.superseded,
      };
    }
    case 'CommitmentReleased': {
      const commitment = state.commitments[event.data.applicationId];
      const releasedMinor = event.data.released.amountMinor;
      return {
        ...state,
        committedMinor: state.committedMinor - releasedMinor,
        commitments: withCommitment(state, { ...commitment, status: 'released', releasedMinor }),
      };
    }
    case 'DisbursementRecorded': {
      const commitment = state.commitments[event.data.applicationId];
      const paid = event.data.amount.amountMinor;
      return {
        ...state,
        disbursedMinor: state.disbursedMinor + paid,
        commitments: withCommitment(state, {
          ...commitment,
          disbursedMinor: commitment.disbursedMinor + paid,
          tranches: { ...commitment.tranches, [event.data.trancheId]: paid },
        }),
      };
    }
    case 'BudgetEnvelopeClosed':
      return { ...state, status: 'closed' };
  }
};

export const budgetEnvelopeDecider: Decider<BudgetEnvelopeCommand, BudgetEnvelopeEvent, BudgetEnvelopeState> =
  {
    decide: decideBudgetEnvelope,
    evolve: evolveBudgetEnvelope,
    initialState: initialBudgetEnvelopeState,
  };
