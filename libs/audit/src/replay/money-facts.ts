import { sameJson } from '@tadamon/domain-kit';
import { RecordedEvent } from '@tadamon/eventsourcing';
import {
  evolveGrantApplication,
  GrantApplicationEvent,
  GrantApplicationState,
  initialGrantApplicationState,
} from '@tadamon/funding';

type Money = { amountMinor: number; currency: string };
type Data = Record<string, unknown>;

/** What a money finding is about; each has a title in the dossier's three languages. */
export const MONEY_CHECKS = [
  'award-vs-commitment',
  'award-without-commitment',
  'award-vs-request',
  'award-project-vs-proposal',
  'award-vs-envelope',
  'second-award',
  'award-terms-vs-commitment',
  'ranking-not-recorded',
  'award-outside-funded-set',
  'derogation',
  'funded-set-recomputed',
  'commitment-vs-envelope',
  'envelope-over-committed',
  'dangling-commitment',
  'commitment-held-after-decision',
  'award-commitment-released',
  'tranches-vs-award',
  'tranche-vs-schedule',
  'tranche-without-disbursement',
  'disbursement-without-tranche',
  'disbursement-vs-tranche',
  'disbursed-vs-committed',
] as const;
export type MoneyCheck = (typeof MONEY_CHECKS)[number];

/**
 * One money fact that does not hold (error: the verdict is not SAME) or that the auditor should
 * see without it being a fault (note: a derogation, a field old events did not record, a step
 * still pending at as-of that the log completes later).
 */
export interface MoneyFinding {
  check: MoneyCheck;
  severity: 'error' | 'note';
  /** The event the finding is about (the application's or the envelope's); null for a missing event. */
  position: number | null;
  eventId: string | null;
  type: string | null;
  recordedAt: string | null;
  field: string;
  recorded: unknown;
  recomputed: unknown;
  note: string;
}

/** The application's rank in its call's ranking at a decision, recomputed from the log. */
export interface RecomputedFundedSet {
  rank: number | null;
  fundedSet: boolean;
  /** Applications ranked (with a consensus) at the decision. */
  applications: number;
}

export interface MoneyInput {
  applicationId: string;
  /** The application's events up to as-of, and every stored one. */
  application: { asOf: readonly RecordedEvent[]; all: readonly RecordedEvent[] };
  /** Each envelope's events up to as-of, and every stored one, by envelope id. */
  envelopes: ReadonlyMap<string, { asOf: readonly RecordedEvent[]; all: readonly RecordedEvent[] }>;
  /** The funded set recomputed at each award (by event id), or why it could not be; absent: not computed. */
  fundedSets?: ReadonlyMap<string, RecomputedFundedSet | { error: string }>;
}

export interface MoneyFacts {
  /** What was checked, in one line each (shown when nothing was found). */
  checked: string[];
  findings: MoneyFinding[];
}

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isMoney = (value: unknown): value is Money =>
  isRecord(value) && Number.isSafeInteger(value.amountMinor) && typeof value.currency === 'string';
const AWARDED_PROJECT_FIELDS = ['title', 'summary', 'sectors', 'region', 'coFinancing'] as const;

const sameMoney = (a: unknown, b: unknown): boolean =>
  isMoney(a) && isMoney(b) && a.amountMinor === b.amountMinor && a.currency === b.currency;
const dataOf = (event: RecordedEvent): Data => (isRecord(event.data) ? event.data : {});
const MISSING = '(missing)';
const sum = (amounts: readonly number[]): bigint => amounts.reduce((s, a) => s + BigInt(a), 0n);
const money = (amountMinor: bigint | number, currency: string): Money => ({
  amountMinor: Number(amountMinor),
  currency,
});

/** A commitment of the application on one envelope, as its events made it. */
interface CommitmentLife {
  envelopeId: string;
  committed: RecordedEvent;
  amount: Money;
  released: RecordedEvent | null;
  disbursements: RecordedEvent[];
}

/** The application's commitments on an envelope, in order (a released one may be followed by a new one). */
function commitmentsOf(
  events: readonly RecordedEvent[],
  envelopeId: string,
  applicationId: string,
): CommitmentLife[] {
  const lives: CommitmentLife[] = [];
  for (const event of events) {
    const d = dataOf(event);
    if (d.applicationId !== applicationId) continue;
    const current = lives[lives.length - 1];
    if (event.type === 'FundsCommitted') {
      lives.push({
        envelopeId,
        committed: event,
        amount: isMoney(d.amount) ? d.amount : { amountMinor: NaN, currency: '' },
        released: null,
        disbursements: [],
      });
    } else if (event.type === 'CommitmentReleased' && current && current.released === null) {
      current.released = event;
    } else if (event.type === 'DisbursementRecorded' && current) {
      current.disbursements.push(event);
    }
  }
  return lives;
}

const at = (event: RecordedEvent) => ({
  position: event.globalPosition,
  eventId: event.id,
  type: event.type,
  recordedAt: event.recordedAt,
});

/**
 * The award terms FundsCommitted may carry (at its top level, or under `award` or `terms`), when it
 * does; its own `amount` is compared as the commitment, so only a nested one counts as a term.
 */
function termsOnCommitment(d: Data): Data | null {
  const nested = isRecord(d.award) ? d.award : isRecord(d.terms) ? d.terms : null;
  const source = nested ?? d;
  // The award's place in the ranking and its derogation travel with the terms since awards record them.
  const keys = [
    ...(nested ? ['amount'] : []),
    'conditions',
    'rationale',
    'committeeMembers',
    ...(nested ? ['ranking', 'derogation'] : []),
  ];
  const terms = Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
  const named = Object.keys(terms).filter((k) => k !== 'amount');
  return named.length === 0 ? null : terms;
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * Every money fact of one application recomputed from the log, each difference a finding: each
 * award against its commitment on the envelope, the amount requested and what the envelope had
 * left; a second award; the award terms a commitment carries; the ranking and derogation an award
 * records (and the funded set recomputed, when given); the envelope's own arithmetic for the
 * application's commitments; commitments that no decision accounts for, or that a rejected or
 * withdrawn application still holds; the agreement's tranches against the award, each tranche
 * released against its schedule and its payment on the envelope, and payments against the
 * commitment.
 */
export function checkMoneyFacts(input: MoneyInput): MoneyFacts {
  const findings: MoneyFinding[] = [];
  const { applicationId } = input;
  const add = (finding: MoneyFinding) => findings.push(finding);
  const lives = new Map<string, { asOf: CommitmentLife[]; all: CommitmentLife[] }>();
  for (const [envelopeId, stream] of input.envelopes) {
    lives.set(envelopeId, {
      asOf: commitmentsOf(stream.asOf, envelopeId, applicationId),
      all: commitmentsOf(stream.all, envelopeId, applicationId),
    });
  }
  const activeBefore = (envelopeId: string, position: number): CommitmentLife | null => {
    const own = lives.get(envelopeId)?.all ?? [];
    const before = own.filter((l) => l.committed.globalPosition < position);
    const last = before[before.length - 1];
    return last && (last.released === null || last.released.globalPosition > position) ? last : null;
  };

  checkEnvelopeArithmetic(input, add);

  let state: GrantApplicationState = initialGrantApplicationState();
  let standingAward: RecordedEvent | null = null;
  const awardsAsOf: RecordedEvent[] = [];
  const tranchesReleased: RecordedEvent[] = [];
  for (const event of input.application.asOf) {
    const d = dataOf(event);
    if (event.type === 'GrantAwarded') {
      awardsAsOf.push(event);
      const amount = d.amount;
      const envelopeId = String(d.envelopeId);
      if (standingAward !== null || (state.status !== 'none' && state.status !== 'recommended')) {
        add({
          check: 'second-award',
          severity: 'error',
          ...at(event),
          field: 'amount',
          recorded: amount ?? MISSING,
          recomputed: standingAward
            ? `an award of ${json(dataOf(standingAward).amount)} already stands (position ${standingAward.globalPosition})`
            : `the application was ${state.status}, not recommended`,
          note: 'an application is awarded once, from the recommended status',
        });
      }
      if (state.status !== 'none') {
        const requested = state.proposal.amountRequested;
        if (
          !isMoney(amount) ||
          amount.currency !== requested.currency ||
          amount.amountMinor > requested.amountMinor
        ) {
          add({
            check: 'award-vs-request',
            severity: 'error',
            ...at(event),
            field: 'amount',
            recorded: amount ?? MISSING,
            recomputed: requested,
            note: 'an award is at most the amount requested, in its currency',
          });
        }
      }
      if (state.status !== 'none' && d.project !== undefined) {
        // The award tells Partnerships what the project is: it must be the proposal as the application holds it.
        for (const field of AWARDED_PROJECT_FIELDS) {
          const recorded = (d.project as Data | null)?.[field];
          if (!sameJson(recorded ?? MISSING, state.proposal[field])) {
            add({
              check: 'award-project-vs-proposal',
              severity: 'error',
              ...at(event),
              field: `project.${field}`,
              recorded: recorded ?? MISSING,
              recomputed: state.proposal[field],
              note: 'the awarded project is the proposal of the application, unchanged',
            });
          }
        }
      }
      const commitment = activeBefore(envelopeId, event.globalPosition);
      if (commitment === null) {
        add({
          check: 'award-without-commitment',
          severity: 'error',
          ...at(event),
          field: 'amount',
          recorded: amount ?? MISSING,
          recomputed: `no active commitment of the application on envelope ${envelopeId} before the award`,
          note: 'the platform commits the funds on the envelope before it records the award',
        });
      } else {
        if (!sameMoney(amount, commitment.amount)) {
          add({
            check: 'award-vs-commitment',
            severity: 'error',
            ...at(event),
            field: 'amount',
            recorded: amount ?? MISSING,
            recomputed: commitment.amount,
            note: `the commitment on envelope ${envelopeId} at position ${commitment.committed.globalPosition}`,
          });
        }
        const before = dataOf(commitment.committed).remainingBefore;
        if (isMoney(amount) && isMoney(before) && amount.amountMinor > before.amountMinor) {
          add({
            check: 'award-vs-envelope',
            severity: 'error',
            ...at(event),
            field: 'amount',
            recorded: amount,
            recomputed: before,
            note: 'more than the envelope had left before the commitment',
          });
        }
        const terms = termsOnCommitment(dataOf(commitment.committed));
        if (terms !== null) {
          for (const [key, value] of Object.entries(terms)) {
            if (json(value) !== json(d[key])) {
              add({
                check: 'award-terms-vs-commitment',
                severity: 'error',
                ...at(event),
                field: key,
                recorded: d[key] ?? MISSING,
                recomputed: value,
                note: `the award terms the commitment at position ${commitment.committed.globalPosition} carries`,
              });
            }
          }
        }
      }
      checkRanking(event, d, input.fundedSets?.get(event.id), add);
    }
    if (event.type === 'GrantAgreementSigned' && state.status !== 'none') {
      const award = state.decision?.kind === 'award' ? state.decision.amount : null;
      const tranches = Array.isArray(d.tranches) ? d.tranches.filter(isRecord) : [];
      const amounts = tranches.map((t) => t.amount);
      const currency = award?.currency ?? '';
      const total = amounts.every(isMoney) ? sum(amounts.map((a) => a.amountMinor)) : null;
      const sameCurrency = amounts.every((a) => isMoney(a) && a.currency === currency);
      if (award === null || total === null || !sameCurrency || total !== BigInt(award.amountMinor)) {
        add({
          check: 'tranches-vs-award',
          severity: 'error',
          ...at(event),
          field: 'tranches',
          recorded: total === null ? json(amounts) : money(total, sameCurrency ? currency : '?'),
          recomputed: award ?? 'no award stands',
          note: "the agreement's tranches add up to the award exactly",
        });
      }
    }
    if (event.type === 'TrancheReleased' && state.status !== 'none') {
      tranchesReleased.push(event);
      const scheduled = state.agreement?.tranches.find((t) => t.trancheId === d.trancheId);
      if (!scheduled || !sameMoney(d.amount, scheduled.amount)) {
        add({
          check: 'tranche-vs-schedule',
          severity: 'error',
          ...at(event),
          field: 'amount',
          recorded: d.amount ?? MISSING,
          recomputed: scheduled?.amount ?? `no tranche ${String(d.trancheId)} in the signed agreement`,
          note: 'the tranche as the signed agreement schedules it',
        });
      }
      const awardEnvelope = state.decision?.kind === 'award' ? state.decision.envelopeId : null;
      if (d.envelopeId !== awardEnvelope) {
        add({
          check: 'tranche-vs-schedule',
          severity: 'error',
          ...at(event),
          field: 'envelopeId',
          recorded: d.envelopeId ?? MISSING,
          recomputed: awardEnvelope ?? 'no award stands',
          note: "the award's envelope",
        });
      }
    }
    state = evolveGrantApplication(state, event as unknown as GrantApplicationEvent);
    if (event.type === 'GrantAwarded') standingAward = event;
    if (event.type === 'GrantApplicationWithdrawn') standingAward = null;
  }

  checkCommitments(input, state, awardsAsOf, lives, add);
  checkPayments(input, tranchesReleased, lives, add);

  return {
    checked: [
      'each award against its commitment, the amount requested and the envelope',
      'the ranking and derogation each award records',
      "the envelope's arithmetic for the application's commitments, releases and payments",
      'commitments without a decision, or held by a rejected or withdrawn application',
      'tranches against the award, each payment against its tranche and the commitment',
    ],
    findings,
  };
}

function checkRanking(
  event: RecordedEvent,
  d: Data,
  recomputed: RecomputedFundedSet | { error: string } | undefined,
  add: (f: MoneyFinding) => void,
): void {
  const ranking = isRecord(d.ranking) ? d.ranking : null;
  const derogation = isRecord(d.derogation) ? d.derogation : null;
  if (ranking === null) {
    add({
      check: 'ranking-not-recorded',
      severity: 'note',
      ...at(event),
      field: 'ranking',
      recorded: 'not recorded',
      recomputed:
        recomputed === undefined ? 'not computed' : 'error' in recomputed ? recomputed.error : recomputed,
      note: 'awards recorded before the ranking rule do not say whether they were in the funded set',
    });
  } else if (ranking.fundedSet !== true) {
    add({
      check: derogation ? 'derogation' : 'award-outside-funded-set',
      severity: derogation ? 'note' : 'error',
      ...at(event),
      field: derogation ? 'derogation' : 'ranking.fundedSet',
      recorded: derogation ?? { rank: ranking.rank ?? null, fundedSet: ranking.fundedSet ?? MISSING },
      recomputed: derogation ? { rank: ranking.rank ?? null, fundedSet: false } : 'a recorded derogation',
      note: derogation
        ? `awarded outside the funded set by derogation: ${String(derogation.reason)} (committee ${
            Array.isArray(derogation.committeeMembers) ? derogation.committeeMembers.join(', ') : '-'
          })`
        : 'an award outside the funded set needs a recorded derogation (reason, committee members)',
    });
  }
  if (recomputed === undefined || 'error' in recomputed || ranking === null) return;
  if (ranking.fundedSet !== recomputed.fundedSet || (ranking.rank ?? null) !== recomputed.rank) {
    add({
      check: 'funded-set-recomputed',
      severity: 'error',
      ...at(event),
      field: 'ranking',
      recorded: { rank: ranking.rank ?? null, fundedSet: ranking.fundedSet ?? MISSING },
      recomputed: { rank: recomputed.rank, fundedSet: recomputed.fundedSet },
      note: `the call's ranking of its ${recomputed.applications} scored application(s) just before the award`,
    });
  }
}

/** The envelope's own figures for this application's events, and its total never above its amount. */
function checkEnvelopeArithmetic(input: MoneyInput, add: (f: MoneyFinding) => void): void {
  for (const [envelopeId, stream] of input.envelopes) {
    let amount: Money | null = null;
    let committed = 0n;
    const commitments = new Map<string, { committed: bigint; disbursed: bigint; active: boolean }>();
    let overCommitted = false;
    for (const event of stream.asOf) {
      const d = dataOf(event);
      const own = d.applicationId === input.applicationId;
      const remaining = amount ? money(BigInt(amount.amountMinor) - committed, amount.currency) : null;
      const id = String(d.applicationId);
      if (event.type === 'BudgetEnvelopeOpened' && isMoney(d.amount)) {
        amount = d.amount;
      } else if (event.type === 'FundsCommitted' && isMoney(d.amount)) {
        if (own && remaining) {
          const after = money(
            BigInt(remaining.amountMinor) - BigInt(d.amount.amountMinor),
            remaining.currency,
          );
          for (const [field, expected] of [
            ['remainingBefore', remaining],
            ['remainingAfter', after],
          ] as const) {
            if (!sameMoney(d[field], expected)) {
              add({
                check: 'commitment-vs-envelope',
                severity: 'error',
                ...at(event),
                field,
                recorded: d[field] ?? MISSING,
                recomputed: expected,
                note: `envelope ${envelopeId} folded from its events before this one`,
              });
            }
          }
        }
        committed += BigInt(d.amount.amountMinor);
        commitments.set(id, { committed: BigInt(d.amount.amountMinor), disbursed: 0n, active: true });
      } else if (event.type === 'CommitmentReleased' && isRecord(d.released)) {
        const c = commitments.get(id);
        const expected = c ? c.committed - c.disbursed : 0n;
        if (own && (!c || !c.active || BigInt(Number(d.released.amountMinor) || 0) !== expected)) {
          add({
            check: 'commitment-vs-envelope',
            severity: 'error',
            ...at(event),
            field: 'released',
            recorded: d.released,
            recomputed: c?.active
              ? money(expected, amount?.currency ?? '')
              : 'no active commitment of the application to release',
            note: 'a release gives back what the commitment has not paid',
          });
        }
        if (c) {
          committed -= BigInt(Number(d.released.amountMinor) || 0);
          c.active = false;
        }
      } else if (event.type === 'DisbursementRecorded' && isMoney(d.amount)) {
        const c = commitments.get(id);
        if (c) c.disbursed += BigInt(d.amount.amountMinor);
        if (own && (!c || !c.active || c.disbursed > c.committed)) {
          add({
            check: 'disbursed-vs-committed',
            severity: 'error',
            ...at(event),
            field: 'amount',
            recorded: d.amount,
            recomputed: c
              ? c.active
                ? money(c.committed, d.amount.currency)
                : 'the commitment was released before this payment'
              : 'no commitment of the application on the envelope',
            note: c?.active
              ? `paid ${money(c.disbursed, d.amount.currency).amountMinor} minor units with this one, more than committed`
              : 'payments never exceed an active commitment',
          });
        }
      }
      if (!overCommitted && amount && committed > BigInt(amount.amountMinor)) {
        overCommitted = true;
        add({
          check: 'envelope-over-committed',
          severity: 'error',
          ...at(event),
          field: 'committed',
          recorded: money(committed, amount.currency),
          recomputed: amount,
          note: `envelope ${envelopeId} committed more than its amount`,
        });
      }
    }
  }
}

const CLOSED = ['rejected', 'withdrawn', 'ineligible'];

/** Every commitment accounted for by a standing award, or released; none held by a closed application. */
function checkCommitments(
  input: MoneyInput,
  state: GrantApplicationState,
  awards: readonly RecordedEvent[],
  lives: ReadonlyMap<string, { asOf: CommitmentLife[]; all: CommitmentLife[] }>,
  add: (f: MoneyFinding) => void,
): void {
  const asOfEnd = Math.max(
    0,
    ...input.application.asOf.map((e) => e.globalPosition),
    ...[...input.envelopes.values()].flatMap((s) => s.asOf.map((e) => e.globalPosition)),
  );
  const status = state.status;
  const decision = state.status === 'none' ? null : state.decision;
  for (const [envelopeId, own] of lives) {
    for (const life of own.asOf) {
      const laterLife = own.all.find((l) => l.committed.id === life.committed.id) ?? life;
      const releasedAsOf = life.released !== null;
      const award = awards.find(
        (a) =>
          a.globalPosition > life.committed.globalPosition &&
          dataOf(a).envelopeId === envelopeId &&
          (life.released === null || a.globalPosition < life.released.globalPosition),
      );
      if (releasedAsOf) continue;
      const awardStands =
        decision?.kind === 'award' && decision.envelopeId === envelopeId && award !== undefined;
      if (awardStands && !CLOSED.includes(status)) continue;
      const laterRelease = laterLife.released;
      const laterAward = input.application.all.find(
        (e) =>
          e.type === 'GrantAwarded' &&
          e.globalPosition > asOfEnd &&
          dataOf(e).envelopeId === envelopeId &&
          (laterRelease === null || e.globalPosition < laterRelease.globalPosition),
      );
      const closed = CLOSED.includes(status);
      const resolvedLater = laterRelease ?? (closed ? undefined : laterAward);
      add({
        check: closed ? 'commitment-held-after-decision' : 'dangling-commitment',
        severity: resolvedLater ? 'note' : 'error',
        ...at(life.committed),
        field: 'status',
        recorded: `active commitment of ${json(life.amount)} on envelope ${envelopeId}`,
        recomputed: closed
          ? `released, since the application is ${status}`
          : 'a GrantAwarded for it, or a CommitmentReleased',
        note: resolvedLater
          ? `pending at as-of; the log ${resolvedLater.type === 'CommitmentReleased' ? 'releases' : 'awards'} it later, at position ${resolvedLater.globalPosition} (${resolvedLater.recordedAt})`
          : closed
            ? `the application is ${status} and still holds the commitment: nothing in the log releases it`
            : 'no award and no release of this commitment anywhere in the log',
      });
    }
  }
  // An award that stands while its commitment was released: the money is no longer reserved.
  if (decision?.kind === 'award' && !CLOSED.includes(status)) {
    const last = awards[awards.length - 1];
    const own = lives.get(decision.envelopeId)?.asOf ?? [];
    const life = [...own].reverse().find((l) => l.committed.globalPosition < (last?.globalPosition ?? 0));
    if (last && life && life.released !== null) {
      add({
        check: 'award-commitment-released',
        severity: 'error',
        ...at(life.released),
        field: 'released',
        recorded: dataOf(life.released).released ?? MISSING,
        recomputed: 'nothing released while the award stands',
        note: `the award at position ${last.globalPosition} stands, its commitment was released`,
      });
    }
  }
}

/** Each released tranche paid once on the envelope, for its amount, and each payment a released tranche. */
function checkPayments(
  input: MoneyInput,
  released: readonly RecordedEvent[],
  lives: ReadonlyMap<string, { asOf: CommitmentLife[]; all: CommitmentLife[] }>,
  add: (f: MoneyFinding) => void,
): void {
  const payments = [...lives.values()].flatMap((l) => l.asOf.flatMap((c) => c.disbursements));
  const paymentsLater = [...lives.values()].flatMap((l) => l.all.flatMap((c) => c.disbursements));
  for (const tranche of released) {
    const d = dataOf(tranche);
    const paid = payments.find(
      (p) => dataOf(p).trancheId === d.trancheId && dataOf(p).envelopeId === d.envelopeId,
    );
    if (paid === undefined) {
      const later = paymentsLater.find(
        (p) => dataOf(p).trancheId === d.trancheId && dataOf(p).envelopeId === d.envelopeId,
      );
      add({
        check: 'tranche-without-disbursement',
        severity: later ? 'note' : 'error',
        ...at(tranche),
        field: 'trancheId',
        recorded: d.trancheId ?? MISSING,
        recomputed: `a DisbursementRecorded of it on envelope ${String(d.envelopeId)}`,
        note: later
          ? `pending at as-of; paid later, at position ${later.globalPosition} (${later.recordedAt})`
          : 'the tranche was released and never paid on the envelope',
      });
    } else if (!sameMoney(dataOf(paid).amount, d.amount)) {
      add({
        check: 'disbursement-vs-tranche',
        severity: 'error',
        ...at(paid),
        field: 'amount',
        recorded: dataOf(paid).amount ?? MISSING,
        recomputed: d.amount ?? MISSING,
        note: `the tranche ${String(d.trancheId)} released at position ${tranche.globalPosition}`,
      });
    }
  }
  for (const payment of payments) {
    const d = dataOf(payment);
    const tranche = input.application.all.find(
      (e) => e.type === 'TrancheReleased' && dataOf(e).trancheId === d.trancheId,
    );
    if (tranche === undefined || tranche.globalPosition > payment.globalPosition) {
      add({
        check: 'disbursement-without-tranche',
        severity: 'error',
        ...at(payment),
        field: 'trancheId',
        recorded: d.trancheId ?? MISSING,
        recomputed:
          tranche === undefined
            ? 'no TrancheReleased of it in the application'
            : `released only later, at position ${tranche.globalPosition}`,
        note: 'the envelope pays a tranche the application released',
      });
    }
  }
}
