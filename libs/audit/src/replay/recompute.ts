import { RecordedEvent } from '@tadamon/eventsourcing';
import {
  activeEvaluators,
  BudgetEnvelopeEvent,
  BudgetEnvelopeState,
  ConsensusScoreReached,
  CURRENT_SCORING_RULES_VERSION,
  envelopeBalance,
  evolveBudgetEnvelope,
  evolveGrantApplication,
  GrantApplication,
  GrantApplicationEvent,
  GrantApplicationRejected,
  GrantApplicationState,
  GrantAwarded,
  initialBudgetEnvelopeState,
  initialGrantApplicationState,
  ScoreSheet,
  scoreWith,
  ScoringOutcome,
} from '@tadamon/funding';

/** The event types the replay recomputes: the consensus, the committee's recommendation, the decision. */
export const RECOMPUTED_TYPES = [
  'ConsensusScoreReached',
  'GrantApplicationRecommended',
  'GrantApplicationNotRecommended',
  'GrantAwarded',
  'GrantApplicationRejected',
] as const;
export type RecomputedType = (typeof RECOMPUTED_TYPES)[number];

/** One field where what was recorded is not what the recomputation gives. */
export interface Difference {
  /** Path in the event's data: `consensus`, `outcome.perCriterion[relevance].consensus`, `envelopeRemaining`. */
  field: string;
  recorded: unknown;
  recomputed: unknown;
  /** Why the recomputed value is what it is, when that is not obvious. */
  note?: string;
}

export interface Recomputation {
  position: number;
  revision: number;
  eventId: string;
  recordedAt: string;
  type: RecomputedType;
  /** The scoring rules version the event recorded (the consensus's, for a recommendation). */
  rulesVersion: string | null;
  same: boolean;
  differences: Difference[];
  /** The outcome recomputed with that version from the recorded score sheets; null without sheets. */
  outcome: ScoringOutcome | null;
}

/** What today's scoring rules would give instead, for one recomputed event. */
export interface CurrentRulesComparison {
  position: number;
  eventId: string;
  type: RecomputedType;
  recordedVersion: string | null;
  currentVersion: string;
  /** Nothing would differ (always the case when the versions are the same). */
  same: boolean;
  /** The recorded version's outcome against the current version's, field by field. */
  differences: Difference[];
  /** What would change for the application's fate, in one sentence; null when nothing. */
  consequence: string | null;
  outcome: ScoringOutcome | null;
}

export interface RecomputeInput {
  /** The application's events up to as-of, in revision order. */
  application: readonly RecordedEvent[];
  /** Every stored event of each envelope, by envelope id; an envelope absent here is not in the store. */
  envelopes: ReadonlyMap<string, readonly RecordedEvent[]>;
  /** The envelope the call commits its awards on, when the call is in the store. */
  callEnvelopeId: string | null;
  withCurrentRules: boolean;
}

export interface RecomputeResult {
  /** The application folded from the events given. */
  state: GrantApplicationState;
  recomputations: Recomputation[];
  /** Null unless withCurrentRules. */
  current: CurrentRulesComparison[] | null;
}

type Money = { amountMinor: number; currency: string };
type Data = Record<string, unknown>;

const MISSING = '(missing)';

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An item's name in a path: its criterion or evaluator id when both sides agree, else its index. */
function itemKey(a: unknown, b: unknown, index: number): string {
  for (const id of ['criterionId', 'evaluatorId']) {
    if (isRecord(a) && isRecord(b) && typeof a[id] === 'string' && a[id] === b[id]) return a[id] as string;
  }
  return String(index);
}

/** Every leaf where `recorded` and `recomputed` differ, with its path. */
export function fieldDifferences(recorded: unknown, recomputed: unknown, path = ''): Difference[] {
  const found: Difference[] = [];
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (Array.isArray(a) && Array.isArray(b)) {
      // A list of plain values (thresholds failed, committee members) is one field.
      if ([...a, ...b].every((item) => typeof item !== 'object' || item === null)) {
        if (a.length !== b.length || a.some((item, i) => item !== b[i]))
          found.push({ field: at, recorded: a, recomputed: b });
        return;
      }
      for (let i = 0; i < Math.max(a.length, b.length); i++)
        walk(a[i], b[i], `${at}[${itemKey(a[i], b[i], i)}]`);
      return;
    }
    if (isRecord(a) && isRecord(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
        walk(a[key], b[key], at ? `${at}.${key}` : key);
      }
      return;
    }
    if (a !== b) {
      found.push({
        field: at,
        recorded: a === undefined ? MISSING : a,
        recomputed: b === undefined ? MISSING : b,
      });
    }
  };
  walk(recorded, recomputed, path);
  return found;
}

const sameMoney = (a: unknown, b: Money | null): boolean =>
  isRecord(a) && b !== null && a.amountMinor === b.amountMinor && a.currency === b.currency;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The sheets a consensus must combine: every active evaluator's scores, by evaluator id (the decider's rule). */
function expectedSheets(state: GrantApplication): ScoreSheet[] {
  return activeEvaluators(state)
    .map((e) => ({ evaluatorId: e.evaluatorId, scores: (e.scores ?? []) as ScoreSheet['scores'] }))
    .sort((a, b) => (a.evaluatorId < b.evaluatorId ? -1 : 1));
}

/** Scores the sheets with a version, or says why it cannot. */
function score(
  version: unknown,
  state: GrantApplication,
  sheets: readonly ScoreSheet[],
): { outcome: ScoringOutcome } | { error: string } {
  if (state.terms === null)
    return { error: 'the application has no evaluation terms (it was not submitted)' };
  try {
    return { outcome: scoreWith(String(version), state.terms.awardCriteria, sheets) };
  } catch (error) {
    return { error: message(error) };
  }
}

/** The remaining amount of an envelope after a prefix of its events; null when it is not open. */
function remainingOf(state: BudgetEnvelopeState): Money | null {
  return state.status === 'none' ? null : envelopeBalance(state).remaining;
}

/**
 * What the envelope had left "before any commitment for the application" when the decision was
 * taken, from the envelope's own stream:
 * - an award whose funds were committed before it (the platform commits first): the envelope just
 *   before that commitment, exactly;
 * - otherwise (a rejection, or an award without commitment): the envelope as the decider could have
 *   read it, at any point between the application's previous event and the decision; the last of
 *   these is shown.
 */
function envelopeAtDecision(
  envelopeEvents: readonly RecordedEvent[],
  applicationId: string,
  decisionPosition: number,
  previousPosition: number,
  award: boolean,
): { expected: Money | null; acceptable: (Money | null)[]; committedBefore: boolean } {
  const before = envelopeEvents.filter((e) => e.globalPosition < decisionPosition);
  const ofApplication = (e: RecordedEvent) => (e.data as Data | null)?.applicationId === applicationId;
  let commitAt = -1;
  for (let i = before.length - 1; i >= 0 && award; i--) {
    if (before[i].type === 'CommitmentReleased' && ofApplication(before[i])) break;
    if (before[i].type === 'FundsCommitted' && ofApplication(before[i])) {
      commitAt = i;
      break;
    }
  }
  let state = initialBudgetEnvelopeState();
  const fold = (events: readonly RecordedEvent[]) => {
    for (const e of events) state = evolveBudgetEnvelope(state, e as unknown as BudgetEnvelopeEvent);
  };
  if (commitAt >= 0) {
    fold(before.slice(0, commitAt));
    const remaining = remainingOf(state);
    return { expected: remaining, acceptable: [remaining], committedBefore: true };
  }
  const split = before.findIndex((e) => e.globalPosition > previousPosition);
  const settled = split < 0 ? before : before.slice(0, split);
  fold(settled);
  const acceptable = [remainingOf(state)];
  for (const e of split < 0 ? [] : before.slice(split)) {
    fold([e]);
    acceptable.push(remainingOf(state));
  }
  return { expected: acceptable[acceptable.length - 1], acceptable, committedBefore: false };
}

/** The parts of an outcome that decide an application's fate, to compare two versions' outcomes. */
const fate = (outcome: ScoringOutcome) => ({
  consensus: outcome.consensus,
  passedThresholds: outcome.passedThresholds,
  failedThresholds: [...outcome.failedThresholds],
  perCriterion: outcome.perCriterion.map((c) => ({
    criterionId: c.criterionId,
    consensus: c.consensus,
    passed: c.passed,
  })),
});

const overallFate = (outcome: ScoringOutcome) => ({
  consensus: outcome.consensus,
  passedThresholds: outcome.passedThresholds,
  failedThresholds: [...outcome.failedThresholds],
});

const points = (centipoints: number) => (centipoints / 100).toFixed(2);

function consequenceOf(
  type: RecomputedType,
  recorded: ScoringOutcome | null,
  current: ScoringOutcome,
): string | null {
  const failed = current.failedThresholds.join(', ');
  const moved =
    recorded !== null && recorded.consensus !== current.consensus
      ? `consensus ${points(recorded.consensus)} would be ${points(current.consensus)}`
      : null;
  const positive = type === 'GrantApplicationRecommended' || type === 'GrantAwarded';
  const negative = type === 'GrantApplicationNotRecommended' || type === 'GrantApplicationRejected';
  if (positive && !current.passedThresholds) {
    return `${moved ? `${moved}; ` : ''}it would fail the thresholds (${failed}): it could not be ${type === 'GrantAwarded' ? 'awarded' : 'recommended'}`;
  }
  if (negative && recorded !== null && !recorded.passedThresholds && current.passedThresholds) {
    return `${moved ? `${moved}; ` : ''}it would pass every threshold: it could be recommended`;
  }
  if (
    type === 'ConsensusScoreReached' &&
    recorded !== null &&
    recorded.passedThresholds !== current.passedThresholds
  ) {
    return `${moved ? `${moved}; ` : ''}${current.passedThresholds ? 'it would pass every threshold' : `it would fail the thresholds (${failed})`}`;
  }
  return moved;
}

/**
 * Folds the application's events and recomputes, before each consensus, recommendation and
 * decision, what that event recorded: with the scoring rules version the event itself recorded,
 * from the score sheets the consensus recorded, against the application's terms (copied from the
 * call at submission) and the envelope's own stream. With withCurrentRules, also with today's
 * version, to say what would differ.
 */
export function recomputeApplication(input: RecomputeInput): RecomputeResult {
  let state: GrantApplicationState = initialGrantApplicationState();
  let consensus: ConsensusScoreReached['data'] | null = null;
  let previousPosition = 0;
  const recomputations: Recomputation[] = [];
  const current: CurrentRulesComparison[] | null = input.withCurrentRules ? [] : null;

  for (const event of input.application) {
    const type = event.type as RecomputedType;
    if ((RECOMPUTED_TYPES as readonly string[]).includes(type)) {
      const data = (isRecord(event.data) ? event.data : {}) as Data;
      const differences: Difference[] = [];
      let version: string | null = null;
      let outcome: ScoringOutcome | null = null;
      if (state.status === 'none') {
        differences.push({
          field: 'applicationId',
          recorded: data.applicationId,
          recomputed: 'no application drafted before',
        });
      } else if (type === 'ConsensusScoreReached') {
        const recorded = (data.outcome ?? {}) as ScoringOutcome;
        version = typeof recorded.rulesVersion === 'string' ? recorded.rulesVersion : null;
        const sheets = (Array.isArray(data.sheets) ? data.sheets : []) as ScoreSheet[];
        const result = score(version, state, sheets);
        if ('error' in result) {
          differences.push({
            field: 'outcome',
            recorded: recorded.consensus ?? MISSING,
            recomputed: `cannot be recomputed: ${result.error}`,
          });
        } else {
          outcome = result.outcome;
          differences.push(...fieldDifferences(recorded, outcome, 'outcome'));
        }
        if (state.terms !== null && version !== state.terms.scoringRulesVersion) {
          differences.push({
            field: 'outcome.rulesVersion',
            recorded: version ?? MISSING,
            recomputed: state.terms.scoringRulesVersion,
            note: 'the version of the terms the application was submitted under',
          });
        }
        differences.push(
          ...fieldDifferences(sheets, expectedSheets(state), 'sheets').map((d) => ({
            ...d,
            note: "the active evaluators' recorded scores",
          })),
        );
      } else {
        const decision = type === 'GrantAwarded' || type === 'GrantApplicationRejected';
        version = decision
          ? typeof data.scoringRulesVersion === 'string'
            ? data.scoringRulesVersion
            : null
          : (consensus?.outcome.rulesVersion ?? null);
        let recomputedConsensus: number | null = null;
        let unscorable = false;
        if (consensus !== null) {
          const result = score(version, state, consensus.sheets);
          if ('error' in result) {
            unscorable = true;
            differences.push({
              field: 'consensus',
              recorded: data.consensus ?? MISSING,
              recomputed: `cannot be recomputed: ${result.error}`,
            });
          } else {
            outcome = result.outcome;
            recomputedConsensus = outcome.consensus;
          }
        }
        if (!unscorable && data.consensus !== recomputedConsensus) {
          differences.push({
            field: 'consensus',
            recorded: data.consensus ?? MISSING,
            recomputed: recomputedConsensus,
            note: consensus === null ? 'no consensus stands before this event' : undefined,
          });
        }
        const positive = type === 'GrantApplicationRecommended' || type === 'GrantAwarded';
        if (positive && !unscorable && (outcome === null || !outcome.passedThresholds)) {
          differences.push({
            field: 'passedThresholds',
            recorded: true,
            recomputed: outcome?.passedThresholds ?? false,
            note: `${type === 'GrantAwarded' ? 'an award' : 'a recommendation'} needs every threshold passed${outcome ? ` (failed: ${outcome.failedThresholds.join(', ')})` : ''}`,
          });
        }
        const members = Array.isArray(data.committeeMembers) ? data.committeeMembers.map(String) : [];
        for (const member of members) {
          const conflict = state.evaluators[member]?.conflict;
          if (conflict) {
            differences.push({
              field: `committeeMembers[${member}]`,
              recorded: 'sits on the committee',
              recomputed: `has a ${conflict.source} conflict of interest`,
            });
          }
        }
        if (decision) {
          differences.push(
            ...decisionDifferences(data, state, input, event, previousPosition, type === 'GrantAwarded'),
          );
        }
      }
      const cleaned = differences.map((d) =>
        d.note === undefined ? { field: d.field, recorded: d.recorded, recomputed: d.recomputed } : d,
      );
      recomputations.push({
        position: event.globalPosition,
        revision: event.revision,
        eventId: event.id,
        recordedAt: event.recordedAt,
        type,
        rulesVersion: version,
        same: cleaned.length === 0,
        differences: cleaned,
        outcome,
      });

      if (current !== null && state.status !== 'none') {
        const sheets =
          type === 'ConsensusScoreReached'
            ? ((Array.isArray(data.sheets) ? data.sheets : []) as ScoreSheet[])
            : (consensus?.sheets ?? null);
        const recordedOutcome =
          outcome ??
          (type === 'ConsensusScoreReached'
            ? (data.outcome as ScoringOutcome)
            : (consensus?.outcome ?? null));
        const result = sheets === null ? null : score(CURRENT_SCORING_RULES_VERSION, state, sheets);
        if (result !== null && 'outcome' in result) {
          // The consensus shows every criterion; the events that rest on it, only the overall fate.
          const view = type === 'ConsensusScoreReached' ? fate : overallFate;
          const differences =
            recordedOutcome === null ? [] : fieldDifferences(view(recordedOutcome), view(result.outcome));
          current.push({
            position: event.globalPosition,
            eventId: event.id,
            type,
            recordedVersion: version,
            currentVersion: CURRENT_SCORING_RULES_VERSION,
            same: differences.length === 0,
            differences,
            consequence:
              differences.length === 0 ? null : consequenceOf(type, recordedOutcome, result.outcome),
            outcome: result.outcome,
          });
        }
      }
    }

    state = evolveGrantApplication(state, event as unknown as GrantApplicationEvent);
    if (event.type === 'ConsensusScoreReached') consensus = event.data as ConsensusScoreReached['data'];
    if (event.type === 'ConsensusScoreAnnulled') consensus = null;
    previousPosition = event.globalPosition;
  }
  return { state, recomputations, current };
}

/** What a decision records besides the consensus: versions, the call and the envelope. */
function decisionDifferences(
  data: Data,
  state: GrantApplication,
  input: RecomputeInput,
  event: RecordedEvent,
  previousPosition: number,
  award: boolean,
): Difference[] {
  const found: Difference[] = [];
  const recorded = data as Partial<GrantAwarded['data'] & GrantApplicationRejected['data']>;
  const expect = (field: string, value: unknown, recomputed: unknown, note?: string) => {
    if (value !== recomputed)
      found.push({ field, recorded: value ?? MISSING, recomputed, ...(note ? { note } : {}) });
  };
  expect('callId', recorded.callId, state.callId);
  expect('associationId', recorded.associationId, state.associationId);
  if (state.terms !== null) {
    expect(
      'criteriaVersion',
      recorded.criteriaVersion,
      state.terms.criteriaVersion,
      'the criteria version the application was submitted under',
    );
    expect(
      'scoringRulesVersion',
      recorded.scoringRulesVersion,
      state.terms.scoringRulesVersion,
      'the scoring rules version the application was submitted under',
    );
  }
  if (input.callEnvelopeId !== null)
    expect('envelopeId', recorded.envelopeId, input.callEnvelopeId, "the call's envelope");
  const envelopeId = String(recorded.envelopeId);
  const envelopeEvents = input.envelopes.get(envelopeId);
  if (envelopeEvents === undefined || envelopeEvents.length === 0) {
    found.push({
      field: 'envelopeRemaining',
      recorded: recorded.envelopeRemaining ?? MISSING,
      recomputed: `unknown: envelope ${envelopeId} is not in the store`,
    });
    return found;
  }
  const at = envelopeAtDecision(
    envelopeEvents,
    state.applicationId,
    event.globalPosition,
    previousPosition,
    award,
  );
  if (!at.acceptable.some((money) => sameMoney(recorded.envelopeRemaining, money))) {
    found.push({
      field: 'envelopeRemaining',
      recorded: recorded.envelopeRemaining ?? MISSING,
      recomputed: at.expected ?? 'the envelope was not open',
      note: at.committedBefore
        ? "the envelope's stream just before this application's commitment"
        : "the envelope's stream between the application's previous event and the decision",
    });
  }
  if (award && !at.committedBefore) {
    found.push({
      field: 'amount',
      recorded: recorded.amount ?? MISSING,
      recomputed: 'no commitment of it on the envelope before the award',
    });
  } else if (award && isRecord(recorded.amount) && isRecord(recorded.envelopeRemaining)) {
    const amount = recorded.amount as Money;
    const remaining = recorded.envelopeRemaining as Money;
    if (amount.amountMinor > remaining.amountMinor) {
      found.push({
        field: 'amount',
        recorded: amount,
        recomputed: `more than the envelope had left (${remaining.amountMinor})`,
      });
    }
  }
  return found;
}
