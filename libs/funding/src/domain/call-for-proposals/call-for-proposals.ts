import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, FundingError, InvalidTransition, NotCreated } from '../errors';
import { checkId, checkInstant, FieldIssues, isBefore, sameJson } from '../field-validation';
import {
  CALL_TERM_FIELDS,
  CallTerms,
  CallTermsInput,
  checkCallConsistency,
  checkCallTermFields,
  checkCallTerms,
} from './call-terms';
import type { EligibilityRules } from './eligibility-rules';

export const CALL_FOR_PROPOSALS_CATEGORY = 'callForProposals';
export const callForProposalsStreamName = (callId: string): string =>
  streamName(CALL_FOR_PROPOSALS_CATEGORY, callId);

export type CallStatus = 'draft' | 'published' | 'closed';

// Terms are frozen at publication: applicants apply under the rules they read. Revisions of the
// criteria while in draft bump the criteria version; the published version is the one decisions record.

// ---- commands ----
export type DraftCallForProposals = Command<
  'DraftCallForProposals',
  { callId: string; terms: CallTermsInput }
>;
export type ReviseCallForProposals = Command<
  'ReviseCallForProposals',
  { callId: string; changes: Partial<CallTerms> }
>;
export type PublishCallForProposals = Command<'PublishCallForProposals', { callId: string }>;
/** The one change allowed after publication: a later deadline (never an earlier one). */
export type ExtendCallDeadline = Command<'ExtendCallDeadline', { callId: string; deadline: string }>;
/** Ends submissions, once the deadline has passed: applicants count on the published deadline. */
export type CloseCallForProposals = Command<'CloseCallForProposals', { callId: string }>;
export type CallForProposalsCommand =
  | DraftCallForProposals
  | ReviseCallForProposals
  | PublishCallForProposals
  | ExtendCallDeadline
  | CloseCallForProposals;

// ---- events ----
export type CallForProposalsDrafted = DomainEvent<
  'CallForProposalsDrafted',
  { callId: string; terms: CallTerms; criteriaVersion: number; draftedAt: string; by: string }
>;
export type CallForProposalsRevised = DomainEvent<
  'CallForProposalsRevised',
  { callId: string; changes: Partial<CallTerms>; criteriaVersion: number; revisedAt: string; by: string }
>;
export type CallForProposalsPublished = DomainEvent<
  'CallForProposalsPublished',
  {
    callId: string;
    criteriaVersion: number;
    deadline: string;
    /**
     * What the public (and the associations it fits) is told of the call as published: its title
     * and who may apply. Absent from calls published before they were recorded here.
     */
    title?: CallTerms['title'];
    eligibility?: Pick<
      EligibilityRules,
      'hostCountries' | 'originRegions' | 'sectors' | 'maxAmountRequested'
    >;
    publishedAt: string;
    by: string;
  }
>;
export type CallDeadlineExtended = DomainEvent<
  'CallDeadlineExtended',
  { callId: string; deadline: string; previousDeadline: string; extendedAt: string; by: string }
>;
export type CallForProposalsClosed = DomainEvent<
  'CallForProposalsClosed',
  { callId: string; closedAt: string; by: string }
>;
export type CallForProposalsEvent =
  | CallForProposalsDrafted
  | CallForProposalsRevised
  | CallForProposalsPublished
  | CallDeadlineExtended
  | CallForProposalsClosed;

// ---- state ----
export type DraftedCall = {
  readonly status: CallStatus;
  readonly callId: string;
  readonly terms: CallTerms;
  /** 1 at drafting, +1 at each revision of the award criteria. */
  readonly criteriaVersion: number;
  readonly publishedAt: string | null;
};
export type CallForProposalsState = { readonly status: 'none' } | DraftedCall;

export const initialCallForProposalsState = (): CallForProposalsState => ({ status: 'none' });

/** The call as an application is submitted and evaluated under it: built from the call's state. */
export type CallInForce = {
  readonly callId: string;
  readonly status: CallStatus;
  readonly criteriaVersion: number;
  readonly terms: CallTerms;
};
export const callInForce = (state: DraftedCall): CallInForce => ({
  callId: state.callId,
  status: state.status,
  criteriaVersion: state.criteriaVersion,
  terms: state.terms,
});

/** A call is closed only once its deadline has passed. */
export class CallStillOpen extends FundingError {
  readonly code = 'CALL_STILL_OPEN';
  constructor(
    readonly callId: string,
    readonly deadline: string,
  ) {
    super(`call ${callId} accepts applications until ${deadline}`);
  }
  override params() {
    return { deadline: this.deadline };
  }
  override extensions() {
    return { deadline: this.deadline };
  }
}

// ---- decide ----
const CALL = 'callForProposals';

const checkCallId = (command: CallForProposalsCommand, state: DraftedCall | null): string => {
  const issues = new FieldIssues();
  const callId = checkId(issues, 'callId', command.data.callId);
  if (state && callId !== state.callId)
    issues.add('callId', `must be ${state.callId}, the call of this stream`);
  issues.throwIfAny();
  return callId;
};

const requireStatus = (state: DraftedCall, command: CallForProposalsCommand, allowed: CallStatus): void => {
  if (state.status !== allowed) throw new InvalidTransition(CALL, state.status, command.type);
};

const checkDraft = (command: DraftCallForProposals): CallTerms => {
  const issues = new FieldIssues();
  const terms = checkCallTerms(issues, command.data.terms);
  issues.throwIfAny();
  return terms;
};

const revise = (state: DraftedCall, command: ReviseCallForProposals): CallForProposalsEvent[] => {
  const issues = new FieldIssues();
  const given = checkCallTermFields(issues, 'changes', command.data.changes);
  issues.throwIfAny();
  const changes = Object.fromEntries(
    CALL_TERM_FIELDS.filter((f) => f in given && !sameJson(given[f], state.terms[f])).map((f) => [
      f,
      given[f],
    ]),
  ) as Partial<CallTerms>;
  if (Object.keys(changes).length === 0) return [];
  requireStatus(state, command, 'draft');
  checkCallConsistency(issues, 'changes', { ...state.terms, ...changes });
  issues.throwIfAny();
  const criteriaVersion = state.criteriaVersion + (changes.awardCriteria ? 1 : 0);
  const { now, actor } = command.metadata;
  return [
    {
      type: 'CallForProposalsRevised',
      data: { callId: state.callId, changes, criteriaVersion, revisedAt: now, by: actor.id },
    },
  ];
};

const publish = (state: DraftedCall, command: PublishCallForProposals): CallForProposalsEvent[] => {
  if (state.status === 'published') return [];
  requireStatus(state, command, 'draft');
  const { now, actor } = command.metadata;
  if (!isBefore(now, state.terms.deadline)) {
    const issues = new FieldIssues();
    issues.add('terms.deadline', 'must be after the publication');
    issues.throwIfAny();
  }
  return [
    {
      type: 'CallForProposalsPublished',
      data: {
        callId: state.callId,
        criteriaVersion: state.criteriaVersion,
        deadline: state.terms.deadline,
        title: state.terms.title,
        eligibility: {
          hostCountries: state.terms.eligibility.hostCountries,
          originRegions: state.terms.eligibility.originRegions,
          sectors: state.terms.eligibility.sectors,
          maxAmountRequested: state.terms.eligibility.maxAmountRequested,
        },
        publishedAt: now,
        by: actor.id,
      },
    },
  ];
};

const extendDeadline = (state: DraftedCall, command: ExtendCallDeadline): CallForProposalsEvent[] => {
  const issues = new FieldIssues();
  const deadline = checkInstant(issues, 'deadline', command.data.deadline);
  issues.throwIfAny();
  if (deadline === state.terms.deadline) return [];
  requireStatus(state, command, 'published');
  if (!isBefore(state.terms.deadline, deadline))
    issues.add('deadline', 'must be later than the current deadline');
  issues.throwIfAny();
  const { now, actor } = command.metadata;
  return [
    {
      type: 'CallDeadlineExtended',
      data: {
        callId: state.callId,
        deadline,
        previousDeadline: state.terms.deadline,
        extendedAt: now,
        by: actor.id,
      },
    },
  ];
};

export const decideCallForProposals = (
  command: CallForProposalsCommand,
  state: CallForProposalsState,
): CallForProposalsEvent[] => {
  const { now, actor } = command.metadata;
  if (state.status === 'none') {
    if (command.type !== 'DraftCallForProposals') throw new NotCreated(CALL, command.type);
    const callId = checkCallId(command, null);
    const terms = checkDraft(command);
    return [
      {
        type: 'CallForProposalsDrafted',
        data: { callId, terms, criteriaVersion: 1, draftedAt: now, by: actor.id },
      },
    ];
  }
  checkCallId(command, state);
  switch (command.type) {
    case 'DraftCallForProposals': {
      const terms = checkDraft(command);
      if (sameJson(terms, state.terms)) return [];
      throw new AlreadyCreated(CALL, state.callId);
    }
    case 'ReviseCallForProposals':
      return revise(state, command);
    case 'PublishCallForProposals':
      return publish(state, command);
    case 'ExtendCallDeadline':
      return extendDeadline(state, command);
    case 'CloseCallForProposals':
      if (state.status === 'closed') return [];
      requireStatus(state, command, 'published');
      if (isBefore(now, state.terms.deadline)) throw new CallStillOpen(state.callId, state.terms.deadline);
      return [
        { type: 'CallForProposalsClosed', data: { callId: state.callId, closedAt: now, by: actor.id } },
      ];
  }
};

// ---- evolve ----
export const evolveCallForProposals = (
  state: CallForProposalsState,
  event: CallForProposalsEvent,
): CallForProposalsState => {
  if (event.type === 'CallForProposalsDrafted') {
    const { callId, terms, criteriaVersion } = event.data;
    return { status: 'draft', callId, terms, criteriaVersion, publishedAt: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CallForProposalsRevised':
      return {
        ...state,
        terms: { ...state.terms, ...event.data.changes },
        criteriaVersion: event.data.criteriaVersion,
      };
    case 'CallForProposalsPublished':
      return { ...state, status: 'published', publishedAt: event.data.publishedAt };
    case 'CallDeadlineExtended':
      return { ...state, terms: { ...state.terms, deadline: event.data.deadline } };
    case 'CallForProposalsClosed':
      return { ...state, status: 'closed' };
  }
};

export const callForProposalsDecider: Decider<
  CallForProposalsCommand,
  CallForProposalsEvent,
  CallForProposalsState
> = {
  decide: decideCallForProposals,
  evolve: evolveCallForProposals,
  initialState: initialCallForProposalsState,
};
