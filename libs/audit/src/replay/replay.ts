import { EventStore } from '@tadamon/event-store';
import { assertStreamName, RecordedEvent } from '@tadamon/eventsourcing';
import {
  budgetEnvelopeStreamName,
  BudgetEnvelopeEvent,
  BudgetEnvelopeState,
  CallForProposalsEvent,
  CallForProposalsState,
  callForProposalsStreamName,
  Commitment,
  competingApplication,
  ConsensusScoreReached,
  CURRENT_SCORING_RULES_VERSION,
  DraftedCall,
  envelopeBalance,
  evolveBudgetEnvelope,
  evolveCallForProposals,
  evolveGrantApplication,
  GRANT_APPLICATION_CATEGORY,
  GrantApplication,
  GrantApplicationEvent,
  GrantApplicationState,
  grantApplicationStreamName,
  initialBudgetEnvelopeState,
  initialCallForProposalsState,
  initialGrantApplicationState,
  RANKED_STATUSES,
  RankedApplication,
  rankApplications,
  ScoredApplication,
  ScoreSheet,
  scoreWith,
  ScoringOutcome,
} from '@tadamon/funding';
import { Money as ReferenceMoney } from '@tadamon/reference-data';
import { prefixAsOf, readStreamAsOf, StreamAsOf, StreamProof } from './application-log';
import { checkMoneyFacts, MoneyFacts, RecomputedFundedSet } from './money-facts';
import { CurrentRulesComparison, Recomputation, recomputeApplication } from './recompute';
import { timelineOf, TimelineEntry } from './timeline';

type Money = { amountMinor: number; currency: string };

/** The application is not in the store, or had no event yet at as-of: exit code 2. */
export class UnknownApplication extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownApplication';
  }
}

export interface ReplayOptions {
  asOf: Date;
  withCurrentRules: boolean;
}

/** The streams one application's audit reads, each verified and cut at as-of. */
export interface ApplicationLog {
  applicationId: string;
  asOf: string;
  application: StreamAsOf;
  /** Null when the application names no call, or the call is not in the store. */
  call: StreamAsOf | null;
  /** Every envelope the call or the application's events name, by envelope id (missing ones are empty). */
  envelopes: Map<string, StreamAsOf>;
}

export interface EnvelopeAsOf {
  envelopeId: string;
  status: BudgetEnvelopeState['status'];
  amount: Money | null;
  committed: Money | null;
  disbursed: Money | null;
  remaining: Money | null;
  /** The application's commitment on this envelope, if any. */
  commitment: Commitment | null;
}

export interface RankedFate {
  version: string;
  rank: number | null;
  funded: boolean;
  reason: RankedApplication['reason'];
  consensus: number;
}

/** The application's place in its call's ranking, as recorded and with today's rules. */
export interface RankComparison {
  callId: string;
  budget: Money;
  tieBreakRules: readonly string[];
  /** Applications of the call with a consensus at as-of. */
  applications: number;
  recorded: RankedFate | null;
  current: RankedFate | null;
  rankings: { recorded: readonly RankedApplication[]; current: readonly RankedApplication[] };
}

export interface ReplayResult {
  /** same: every recomputation gives what was recorded, no money finding is an error, every chain holds. */
  verdict: 'same' | 'different' | 'broken-chain';
  applicationId: string;
  streamId: string;
  asOf: string;
  events: { asOf: number; total: number };
  chains: StreamProof[];
  timeline: TimelineEntry[];
  state: {
    application: GrantApplicationState;
    call: CallForProposalsState | null;
    envelopes: EnvelopeAsOf[];
  };
  recomputations: Recomputation[];
  /** The money facts recomputed from the application's and its envelopes' streams. */
  money: MoneyFacts;
  currentRules: {
    version: string;
    comparisons: CurrentRulesComparison[];
    rank: RankComparison | null;
    /** Why the rank could not be computed, when it could not. */
    rankNote: string | null;
  } | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The envelope ids an application's events name (decisions, withdrawn awards, tranches). */
function envelopeIdsOf(events: readonly RecordedEvent[]): string[] {
  const ids: string[] = [];
  for (const event of events) {
    if (!isRecord(event.data)) continue;
    if (typeof event.data.envelopeId === 'string') ids.push(event.data.envelopeId);
    const award = event.data.award;
    if (isRecord(award) && typeof award.envelopeId === 'string') ids.push(award.envelopeId);
  }
  return ids;
}

function foldCall(events: readonly RecordedEvent[]): CallForProposalsState {
  return events.reduce(
    (state, event) => evolveCallForProposals(state, event as unknown as CallForProposalsEvent),
    initialCallForProposalsState(),
  );
}

function foldEnvelope(events: readonly RecordedEvent[]): BudgetEnvelopeState {
  return events.reduce(
    (state, event) => evolveBudgetEnvelope(state, event as unknown as BudgetEnvelopeEvent),
    initialBudgetEnvelopeState(),
  );
}

/** An envelope's state as plain figures, with the application's commitment. */
export function envelopeFigures(
  envelopeId: string,
  state: BudgetEnvelopeState,
  applicationId: string,
): EnvelopeAsOf {
  if (state.status === 'none') {
    return {
      envelopeId,
      status: 'none',
      amount: null,
      committed: null,
      disbursed: null,
      remaining: null,
      commitment: null,
    };
  }
  const balance = envelopeBalance(state);
  return {
    envelopeId,
    status: state.status,
    amount: balance.amount,
    committed: balance.committed,
    disbursed: balance.disbursed,
    remaining: balance.remaining,
    commitment: state.commitments[applicationId] ?? null,
  };
}

/** The envelope as of a position in the log (the events before it, in the envelope's order). */
export function envelopeAtPosition(
  stream: StreamAsOf,
  position: number,
  applicationId: string,
): EnvelopeAsOf {
  return envelopeFigures(
    parseEnvelopeId(stream.streamId),
    foldEnvelope(stream.all.filter((e) => e.globalPosition <= position)),
    applicationId,
  );
}

const parseEnvelopeId = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/**
 * Reads an application's stream, its call's and the envelopes it involves, read-only, each
 * verified and cut at as-of. Throws UnknownApplication when the application has no event (at all,
 * or recorded at or before as-of).
 */
export async function loadApplicationLog(
  store: EventStore,
  applicationId: string,
  asOf: Date,
): Promise<ApplicationLog> {
  const streamId = grantApplicationStreamName(applicationId);
  assertStreamName(streamId);
  const asOfMs = asOf.getTime();
  const application = await readStreamAsOf(store, streamId, asOfMs);
  if (application.all.length === 0) {
    throw new UnknownApplication(
      `no application ${applicationId} in the store (stream ${streamId} does not exist)`,
    );
  }
  if (application.asOf.length === 0) {
    throw new UnknownApplication(
      `application ${applicationId} has no event recorded at or before ${asOf.toISOString()} (its first was recorded ${application.all[0].recordedAt})`,
    );
  }
  const first = application.all[0].data;
  const callId = isRecord(first) && typeof first.callId === 'string' ? first.callId : null;
  const call =
    callId === null ? null : await readStreamAsOf(store, callForProposalsStreamName(callId), asOfMs);

  const envelopeIds = new Set<string>();
  const callState =
    call && call.all.length > 0 ? foldCall(call.asOf.length > 0 ? call.asOf : call.all) : null;
  if (callState && callState.status !== 'none') envelopeIds.add(callState.terms.envelopeId);
  for (const id of envelopeIdsOf(application.asOf)) envelopeIds.add(id);
  const envelopes = new Map<string, StreamAsOf>();
  for (const envelopeId of envelopeIds) {
    envelopes.set(envelopeId, await readStreamAsOf(store, budgetEnvelopeStreamName(envelopeId), asOfMs));
  }
  return {
    applicationId,
    asOf: asOf.toISOString(),
    application,
    call: call && call.all.length > 0 ? call : null,
    envelopes,
  };
}

/** The application's own events in an envelope (commitments, releases, payments) and its opening and closing. */
const concernsApplication = (event: RecordedEvent, applicationId: string): boolean =>
  event.type === 'BudgetEnvelopeOpened' ||
  event.type === 'BudgetEnvelopeClosed' ||
  (isRecord(event.data) && event.data.applicationId === applicationId);

/** The replay of a log already read: the state at as-of, the timeline, the recomputations, the money facts. */
export function replayLog(
  log: ApplicationLog,
  withCurrentRules: boolean,
  fundedSets?: ReadonlyMap<string, RecomputedFundedSet | { error: string }>,
): ReplayResult {
  const callState = log.call ? foldCall(log.call.asOf) : null;
  const envelopeStreams = new Map([...log.envelopes].map(([id, stream]) => [id, stream.all]));
  const recomputed = recomputeApplication({
    application: log.application.asOf,
    envelopes: envelopeStreams,
    callEnvelopeId: callState && callState.status !== 'none' ? callState.terms.envelopeId : null,
    withCurrentRules,
  });
  const timeline = timelineOf([
    ...log.application.asOf,
    ...(log.call?.asOf ?? []),
    ...[...log.envelopes.values()].flatMap((s) =>
      s.asOf.filter((e) => concernsApplication(e, log.applicationId)),
    ),
  ]);
  const chains = [log.application, ...(log.call ? [log.call] : []), ...log.envelopes.values()]
    .filter((s) => s.all.length > 0)
    .map((s) => s.proof);
  const money = checkMoneyFacts({
    applicationId: log.applicationId,
    application: log.application,
    envelopes: log.envelopes,
    fundedSets,
  });
  const verdict = chains.some((c) => !c.ok)
    ? 'broken-chain'
    : recomputed.recomputations.every((r) => r.same) && money.findings.every((f) => f.severity !== 'error')
      ? 'same'
      : 'different';
  return {
    verdict,
    applicationId: log.applicationId,
    streamId: log.application.streamId,
    asOf: log.asOf,
    events: { asOf: log.application.asOf.length, total: log.application.all.length },
    chains,
    timeline,
    state: {
      application: recomputed.state,
      call: callState,
      envelopes: [...log.envelopes].map(([id, stream]) =>
        envelopeFigures(id, foldEnvelope(stream.asOf), log.applicationId),
      ),
    },
    recomputations: recomputed.recomputations,
    money,
    currentRules: recomputed.current
      ? {
          version: CURRENT_SCORING_RULES_VERSION,
          comparisons: recomputed.current,
          rank: null,
          rankNote: null,
        }
      : null,
  };
}

/**
 * `replay`: the application's state at as-of, its timeline, each consensus, recommendation and
 * decision recomputed with the rules version it recorded, and its money facts (each award's place
 * in the call's funded set recomputed from the log just before it); with withCurrentRules, also
 * today's version, and the application's rank in its call under both.
 */
export async function replayApplication(
  store: EventStore,
  applicationId: string,
  options: ReplayOptions,
): Promise<{ result: ReplayResult; log: ApplicationLog }> {
  const log = await loadApplicationLog(store, applicationId, options.asOf);
  const fundedSets = await fundedSetsAtAwards(store, log);
  const result = replayLog(log, options.withCurrentRules, fundedSets);
  if (result.currentRules) {
    const callState = result.state.call;
    if (callState === null || callState.status === 'none') {
      result.currentRules.rankNote = 'the call is not in the store';
    } else {
      const asOfMs = options.asOf.getTime();
      try {
        result.currentRules.rank = await rankInCall(
          store,
          callState,
          {
            includes: (e) => Date.parse(e.recordedAt) <= asOfMs,
            prefix: (events) => events.slice(0, prefixAsOf(events, asOfMs)),
          },
          { applicationId, state: result.state.application, sheets: lastSheets(log.application.asOf) },
        );
      } catch (error) {
        result.currentRules.rankNote = `the ranking could not be computed: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (result.currentRules.rank && result.currentRules.rank.recorded === null) {
        result.currentRules.rankNote = 'the application has no consensus at as-of: it is not ranked';
      }
    }
  }
  return { result, log };
}

/**
 * For each award at as-of, the call's ranking as the log stood just before it (every event at a
 * lower global position, the consensus each application recorded): the application's rank and
 * whether it was in the funded set.
 */
async function fundedSetsAtAwards(
  store: EventStore,
  log: ApplicationLog,
): Promise<Map<string, RecomputedFundedSet | { error: string }>> {
  const found = new Map<string, RecomputedFundedSet | { error: string }>();
  for (const award of log.application.asOf.filter((e) => e.type === 'GrantAwarded')) {
    // The platform places an award on the envelope as it stands just before the award's own
    // commitment (appended at that revision): the ranking is recomputed from the log as it was then.
    const until = commitmentOf(log, award)?.globalPosition ?? award.globalPosition;
    const before = (e: RecordedEvent) => e.globalPosition < until;
    const call = log.call ? foldCall(log.call.all.filter(before)) : null;
    if (call === null || call.status === 'none') {
      found.set(award.id, { error: 'the call is not in the store' });
      continue;
    }
    const own = log.application.all.filter(before);
    const state = own.reduce(
      (s, e) => evolveGrantApplication(s, e as unknown as GrantApplicationEvent),
      initialGrantApplicationState(),
    );
    try {
      const rank = await rankInCall(
        store,
        call,
        { includes: before, prefix: (events) => events.filter(before) },
        {
          applicationId: log.applicationId,
          state,
          sheets: lastSheets(own),
          awarding: (award.data as { amount?: ReferenceMoney }).amount,
        },
      );
      const fate = rank.recorded;
      found.set(award.id, {
        rank: fate?.rank ?? null,
        fundedSet: fate?.funded ?? false,
        applications: rank.applications,
      });
    } catch (error) {
      found.set(award.id, {
        error: `the ranking could not be computed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return found;
}

/**
 * The commitment an award was made with: the one carrying its command id, else (commitments
 * recorded before they carried the award's terms) the application's last one before the award.
 */
function commitmentOf(log: ApplicationLog, award: RecordedEvent): RecordedEvent | undefined {
  const commandId = award.metadata?.commandId;
  const envelopeId = (award.data as { envelopeId?: unknown }).envelopeId;
  const events = typeof envelopeId === 'string' ? (log.envelopes.get(envelopeId)?.all ?? []) : [];
  const commitments = events.filter(
    (e) =>
      e.type === 'FundsCommitted' &&
      (e.data as { applicationId?: unknown }).applicationId === log.applicationId &&
      e.globalPosition < award.globalPosition,
  );
  return (
    commitments.find((e) => (e.data as { award?: { commandId?: unknown } }).award?.commandId === commandId) ??
    commitments[commitments.length - 1]
  );
}

/** The sheets of the consensus that stands after these events (null once annulled or before any). */
function lastSheets(events: readonly RecordedEvent[]): ScoreSheet[] | null {
  let sheets: ScoreSheet[] | null = null;
  for (const event of events) {
    if (event.type === 'ConsensusScoreReached') sheets = (event.data as ConsensusScoreReached['data']).sheets;
    if (event.type === 'ConsensusScoreAnnulled') sheets = null;
  }
  return sheets;
}

const PAGE = 1000;

interface Competitor {
  applicationId: string;
  state: GrantApplicationState;
  sheets: ScoreSheet[] | null;
  /** Set when ranked as the award being decided: ranked at this amount, its own commitment aside (as the platform places it). */
  awarding?: ReferenceMoney;
}

/** Which of the log's events a ranking sees: a drafted event, and a stream's prefix. */
interface LogCut {
  includes: (event: RecordedEvent) => boolean;
  prefix: (events: RecordedEvent[]) => RecordedEvent[];
}

/**
 * The call's ranking at a cut of the log (as-of, or just before a decision), as the platform ranks (rankApplications over the applications with
 * a consensus, amounts awarded or requested, the call's budget and tie-break rules): once with each
 * consensus as recorded, once with every consensus recomputed with today's rules. Finds the call's
 * applications through their GrantApplicationDrafted events.
 */
async function rankInCall(
  store: EventStore,
  call: DraftedCall,
  cut: LogCut,
  self: Competitor,
): Promise<RankComparison> {
  const ids = new Set<string>();
  for (let after = 0; ;) {
    const page = await store.readAll({
      after,
      maxCount: PAGE,
      categories: [GRANT_APPLICATION_CATEGORY],
      types: ['GrantApplicationDrafted'],
    });
    for (const event of page) {
      if (!cut.includes(event)) continue;
      const data = event.data as { applicationId?: unknown; callId?: unknown };
      if (data.callId === call.callId && typeof data.applicationId === 'string') ids.add(data.applicationId);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].globalPosition;
  }
  ids.delete(self.applicationId);
  const competitors: Competitor[] = [self];
  for (const applicationId of ids) {
    const events = await store.readStream(grantApplicationStreamName(applicationId));
    const asOf = cut.prefix(events);
    const state = asOf.reduce(
      (s, e) => evolveGrantApplication(s, e as unknown as GrantApplicationEvent),
      initialGrantApplicationState(),
    );
    competitors.push({ applicationId, state, sheets: lastSheets(asOf) });
  }

  const budget = call.terms.budget;
  const committed = await commitmentsAt(store, call.terms.envelopeId, cut);
  const ranked = competitors.filter(
    (c): c is Competitor & { state: GrantApplication } =>
      c.state.status !== 'none' &&
      c.state.consensus !== null &&
      c.state.terms !== null &&
      RANKED_STATUSES.includes(c.state.status),
  );
  const entry = (c: Competitor & { state: GrantApplication }, outcome: ScoringOutcome): ScoredApplication =>
    competingApplication({
      applicationId: c.applicationId,
      outcome,
      submittedAt: c.state.submittedAt ?? '',
      status: c.state.status,
      amount:
        c.awarding ??
        (c.state.decision?.kind === 'award' ? c.state.decision.amount : c.state.proposal.amountRequested),
      committed: c.awarding ? undefined : committed.get(c.applicationId),
    });
  const inBudget = (a: ScoredApplication) => a.amount.currency === budget.currency;
  const recordedRanking = rankApplications(
    ranked.map((c) => entry(c, c.state.consensus as ScoringOutcome)).filter(inBudget),
    budget,
    call.terms.tieBreakRules,
  );
  const currentRanking = rankApplications(
    ranked
      .map((c) =>
        entry(
          c,
          c.sheets && c.state.terms
            ? scoreWith(CURRENT_SCORING_RULES_VERSION, c.state.terms.awardCriteria, c.sheets)
            : (c.state.consensus as ScoringOutcome),
        ),
      )
      .filter(inBudget),
    budget,
    call.terms.tieBreakRules,
  );
  const fateIn = (ranking: typeof recordedRanking, version: string): RankedFate | null => {
    const found = ranking.ranked.find((r) => r.applicationId === self.applicationId);
    return found
      ? { version, rank: found.rank, funded: found.funded, reason: found.reason, consensus: found.consensus }
      : null;
  };
  const selfState = self.state;
  return {
    callId: call.callId,
    budget,
    tieBreakRules: call.terms.tieBreakRules,
    applications: ranked.length,
    recorded: fateIn(
      recordedRanking,
      selfState.status !== 'none' && selfState.consensus
        ? selfState.consensus.rulesVersion
        : call.terms.scoringRulesVersion,
    ),
    current: fateIn(currentRanking, CURRENT_SCORING_RULES_VERSION),
    rankings: { recorded: recordedRanking.ranked, current: currentRanking.ranked },
  };
}

/** The active commitments on the call's envelope at the cut, by application (as the platform's ranking counts them). */
async function commitmentsAt(
  store: EventStore,
  envelopeId: string,
  cut: LogCut,
): Promise<Map<string, ReferenceMoney>> {
  const events = cut.prefix(await store.readStream(budgetEnvelopeStreamName(envelopeId)));
  const state = events.reduce(
    (s, e) => evolveBudgetEnvelope(s, e as unknown as BudgetEnvelopeEvent),
    initialBudgetEnvelopeState(),
  );
  const held = new Map<string, ReferenceMoney>();
  if (state.status === 'none') return held;
  for (const [applicationId, commitment] of Object.entries(state.commitments))
    if (commitment.status === 'active')
      held.set(applicationId, {
        amountMinor: commitment.committedMinor,
        currency: state.terms.amount.currency,
      });
  return held;
}
