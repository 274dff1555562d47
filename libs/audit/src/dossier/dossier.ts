import { KeyObject } from 'node:crypto';
import { EventStore } from '@tadamon/event-store';
import {
  LOG_SEAL_STREAM,
  parseLogSeal,
  RecordedEvent,
  StreamNotFound,
  verifyLogSealSignature,
} from '@tadamon/eventsourcing';
import {
  AwardCriterion,
  CriterionScore,
  GrantApplicationRejected,
  GrantAwarded,
  LocalizedText,
  ScoringOutcome,
} from '@tadamon/funding';
import { StreamProof } from '../replay/application-log';
import { MoneyFacts } from '../replay/money-facts';
import { Recomputation } from '../replay/recompute';
import { ApplicationLog, EnvelopeAsOf, envelopeAtPosition, ReplayResult } from '../replay/replay';
import { TimelineEntry } from '../replay/timeline';

type Money = { amountMinor: number; currency: string };
type Data = Record<string, unknown>;

export interface DossierScores {
  evaluatorId: string;
  status: string;
  declaration: string;
  conflict: { source: string; detail: readonly string[] } | null;
  /** When the evaluator recorded the scores shown (the domain's instant), null if never. */
  scoredAt: string | null;
  scores: readonly CriterionScore[];
}

export interface DossierConflict {
  evaluatorId: string;
  kind: 'no-conflict' | 'declared-conflict' | 'detected-conflict';
  /** The evaluator's statement (declarations) or the Registry links (detections). */
  statement: string | null;
  links: readonly string[] | null;
  at: string | null;
  recordedAt: string;
  by: string | null;
}

export interface DossierDecision {
  kind: 'award' | 'rejection';
  eventId: string;
  position: number;
  recordedAt: string;
  hash: string;
  decidedAt: string;
  by: string;
  amount: Money | null;
  conditions: readonly string[];
  rationale: string | null;
  reasons: readonly string[];
  appealDeadline: string | null;
  committeeMembers: readonly string[];
  criteriaVersion: number;
  scoringRulesVersion: string;
  consensus: number | null;
  envelopeId: string;
  envelopeRemaining: Money;
  /** The award's place in the call's ranking as recorded; null when not recorded (older awards, rejections). */
  ranking: { rank: number | null; fundedSet: boolean } | null;
  /** The derogation an award outside the funded set records; null when none. */
  derogation: { reason: string; committeeMembers: readonly string[] } | null;
}

export interface DossierSeal {
  /** Global position of the seal's own event. */
  eventPosition: number;
  position: number;
  count: number;
  digest: string;
  previousSealDigest: string;
  sealedAt: string;
  keyId: string;
  signature: string;
  /** Checked with the sealer's public key when one was given; null when none was. */
  signatureValid: boolean | null;
}

export interface Dossier {
  dossier: 'tadamon-audit-dossier';
  version: 1;
  generatedAt: string;
  asOf: string;
  store: string;
  verdict: ReplayResult['verdict'];
  application: {
    applicationId: string;
    callId: string | null;
    associationId: string | null;
    status: string;
    title: LocalizedText | null;
    summary: LocalizedText | null;
    amountRequested: Money | null;
    submittedAt: string | null;
    flag: { reason: string; flaggedAt: string } | null;
  };
  call: {
    callId: string;
    title: LocalizedText;
    status: string;
    criteriaVersion: number;
    scoringRulesVersion: string;
    budget: Money;
    envelopeId: string;
    deadline: string;
  } | null;
  /** The award criteria the application was scored against (its terms, copied from the call). */
  criteria: { criteria: readonly AwardCriterion[]; overallThreshold: number } | null;
  timeline: TimelineEntry[];
  scores: DossierScores[];
  consensus: ScoringOutcome | null;
  conflicts: DossierConflict[];
  recommendation: {
    recommended: boolean;
    rank: number | null;
    rationale: string;
    committeeMembers: readonly string[];
    consensus: number | null;
    recordedAt: string;
  } | null;
  /** The latest award or rejection at as-of; null when there is none. */
  decision: DossierDecision | null;
  appeal: { status: string; grounds: string } | null;
  /** The envelope at the decision (its events before the decision's position), else at as-of. */
  envelope: (EnvelopeAsOf & { at: 'decision' | 'as-of'; recordedRemaining: Money | null }) | null;
  recomputations: Recomputation[];
  /** Every money fact recomputed from the log; an error among the findings makes the verdict different. */
  money: MoneyFacts;
  proof: {
    streams: StreamProof[];
    /** The newest seal covering the decision (else the dossier's newest event); null when none does. */
    seal: DossierSeal | null;
    /** The first seal that covered it: sealed soon after, it shows when the decision was already in the log. */
    firstCoveringSeal: DossierSeal | null;
    /** Positions covered by seals, and why a seal is missing, in one sentence. */
    note: string;
  };
}

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function conflictsOf(events: readonly RecordedEvent[]): DossierConflict[] {
  const kinds: Record<string, DossierConflict['kind']> = {
    NoConflictOfInterestDeclared: 'no-conflict',
    ConflictOfInterestDeclared: 'declared-conflict',
    ConflictOfInterestDetected: 'detected-conflict',
  };
  return events
    .filter((e) => kinds[e.type] !== undefined && isRecord(e.data))
    .map((e) => {
      const d = e.data as Data;
      return {
        evaluatorId: String(d.evaluatorId),
        kind: kinds[e.type],
        statement: typeof d.statement === 'string' ? d.statement : null,
        links: Array.isArray(d.links) ? d.links.map(String) : null,
        at: typeof (d.declaredAt ?? d.detectedAt) === 'string' ? String(d.declaredAt ?? d.detectedAt) : null,
        recordedAt: e.recordedAt,
        by: e.metadata?.actor?.id ?? null,
      };
    });
}

function rankingOf(data: unknown): DossierDecision['ranking'] {
  const ranking = isRecord(data) ? data.ranking : null;
  if (!isRecord(ranking)) return null;
  return {
    rank: typeof ranking.rank === 'number' ? ranking.rank : null,
    fundedSet: ranking.fundedSet === true,
  };
}

function derogationOf(data: unknown): DossierDecision['derogation'] {
  const derogation = isRecord(data) ? data.derogation : null;
  if (!isRecord(derogation)) return null;
  return {
    reason: String(derogation.reason),
    committeeMembers: Array.isArray(derogation.committeeMembers)
      ? derogation.committeeMembers.map(String)
      : [],
  };
}

function decisionOf(events: readonly RecordedEvent[]): DossierDecision | null {
  const event = [...events]
    .reverse()
    .find((e) => e.type === 'GrantAwarded' || e.type === 'GrantApplicationRejected');
  if (!event) return null;
  const d = event.data as Partial<GrantAwarded['data'] & GrantApplicationRejected['data']>;
  const award = event.type === 'GrantAwarded';
  return {
    kind: award ? 'award' : 'rejection',
    eventId: event.id,
    position: event.globalPosition,
    recordedAt: event.recordedAt,
    hash: event.hash,
    decidedAt: String(d.decidedAt),
    by: String(d.by),
    amount: award ? (d.amount ?? null) : null,
    conditions: award ? (d.conditions ?? []) : [],
    rationale: award ? (d.rationale ?? null) : null,
    reasons: award ? [] : (d.reasons ?? []),
    appealDeadline: award ? null : (d.appealDeadline ?? null),
    committeeMembers: d.committeeMembers ?? [],
    criteriaVersion: d.criteriaVersion as number,
    scoringRulesVersion: String(d.scoringRulesVersion),
    consensus: d.consensus ?? null,
    envelopeId: String(d.envelopeId),
    envelopeRemaining: d.envelopeRemaining as Money,
    ranking: rankingOf(event.data),
    derogation: derogationOf(event.data),
  };
}

/** The seals of the log that cover `position`: the first and the newest; null when none does. */
async function sealsCovering(
  store: EventStore,
  position: number,
  publicKey: KeyObject | undefined,
): Promise<{ first: DossierSeal | null; latest: DossierSeal | null; count: number }> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(LOG_SEAL_STREAM);
  } catch (error) {
    if (error instanceof StreamNotFound) return { first: null, latest: null, count: 0 };
    throw error;
  }
  const seals: DossierSeal[] = [];
  for (const event of events) {
    const seal = parseLogSeal(event.data);
    if (typeof seal === 'string' || seal.position < position) continue;
    let signatureValid: boolean | null = null;
    if (publicKey) {
      try {
        signatureValid = verifyLogSealSignature(seal, publicKey);
      } catch {
        signatureValid = false;
      }
    }
    seals.push({
      eventPosition: event.globalPosition,
      position: seal.position,
      count: seal.count,
      digest: seal.digest,
      previousSealDigest: seal.previousSealDigest,
      sealedAt: seal.sealedAt,
      keyId: seal.keyId,
      signature: seal.signature,
      signatureValid,
    });
  }
  return { first: seals[0] ?? null, latest: seals[seals.length - 1] ?? null, count: events.length };
}

/**
 * The audit dossier of one application at as-of: the replay's timeline and recomputations, the
 * scores per evaluator and criterion with their comments, the conflict declarations, the decision
 * with its rationale, committee and versions, the envelope at the decision, and the chain proof
 * (each stream's chain, and the seals of the log that cover the decision).
 */
export async function buildDossier(
  store: EventStore,
  where: string,
  log: ApplicationLog,
  result: ReplayResult,
  options: { publicKey?: KeyObject; now?: Date },
): Promise<Dossier> {
  const events = log.application.asOf;
  const state = result.state.application;
  const app = state.status === 'none' ? null : state;
  const callState = result.state.call && result.state.call.status !== 'none' ? result.state.call : null;

  const lastScoredAt = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'EvaluatorScoresRecorded' && isRecord(e.data)) {
      lastScoredAt.set(String(e.data.evaluatorId), String(e.data.scoredAt));
    }
  }
  const recommendationEvent = [...events]
    .reverse()
    .find((e) => e.type === 'GrantApplicationRecommended' || e.type === 'GrantApplicationNotRecommended');

  const decision = decisionOf(events);
  let envelope: Dossier['envelope'] = null;
  if (decision) {
    const stream = log.envelopes.get(decision.envelopeId);
    if (stream && stream.all.length > 0) {
      envelope = {
        ...envelopeAtPosition(stream, decision.position, log.applicationId),
        at: 'decision',
        recordedRemaining: decision.envelopeRemaining,
      };
    }
  } else if (callState) {
    const atAsOf = result.state.envelopes.find((e) => e.envelopeId === callState.terms.envelopeId);
    if (atAsOf) envelope = { ...atAsOf, at: 'as-of', recordedRemaining: null };
  }

  const covered = decision?.position ?? events[events.length - 1].globalPosition;
  const seals = await sealsCovering(store, covered, options.publicKey);
  const note =
    seals.count === 0
      ? 'the log has no seal: nothing outside each chain proves that no event was removed'
      : seals.latest === null
        ? `no seal covers position ${covered} yet (the log has ${seals.count} seals)`
        : `seals cover position ${covered}; verify checks every seal's count and digest over the whole log`;

  return {
    dossier: 'tadamon-audit-dossier',
    version: 1,
    generatedAt: (options.now ?? new Date()).toISOString(),
    asOf: result.asOf,
    store: where,
    verdict: result.verdict,
    application: {
      applicationId: log.applicationId,
      callId: app?.callId ?? null,
      associationId: app?.associationId ?? null,
      status: state.status,
      title: app?.proposal.title ?? null,
      summary: app?.proposal.summary ?? null,
      amountRequested: app?.proposal.amountRequested ?? null,
      submittedAt: app?.submittedAt ?? null,
      flag: app?.flag ?? null,
    },
    call: callState && {
      callId: callState.callId,
      title: callState.terms.title,
      status: callState.status,
      criteriaVersion: callState.criteriaVersion,
      scoringRulesVersion: callState.terms.scoringRulesVersion,
      budget: callState.terms.budget,
      envelopeId: callState.terms.envelopeId,
      deadline: callState.terms.deadline,
    },
    criteria: app?.terms
      ? {
          criteria: app.terms.awardCriteria.criteria,
          overallThreshold: app.terms.awardCriteria.overallThreshold,
        }
      : null,
    timeline: result.timeline,
    scores: app
      ? Object.values(app.evaluators).map((e) => ({
          evaluatorId: e.evaluatorId,
          status: e.status,
          declaration: e.declaration,
          conflict: e.conflict,
          scoredAt: lastScoredAt.get(e.evaluatorId) ?? null,
          scores: e.scores ?? [],
        }))
      : [],
    consensus: app?.consensus ?? null,
    conflicts: conflictsOf(events),
    recommendation:
      app?.recommendation && recommendationEvent
        ? {
            ...app.recommendation,
            consensus: isRecord(recommendationEvent.data)
              ? (recommendationEvent.data.consensus as number)
              : null,
            recordedAt: recommendationEvent.recordedAt,
          }
        : null,
    decision,
    appeal: app?.appeal ?? null,
    envelope,
    recomputations: result.recomputations,
    money: result.money,
    proof: { streams: result.chains, seal: seals.latest, firstCoveringSeal: seals.first, note },
  };
}
