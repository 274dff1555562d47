import fc from 'fast-check';
import { RecordedEvent } from '@tadamon/eventsourcing';
import {
  budgetEnvelopeStreamName,
  callForProposalsStreamName,
  grantApplicationStreamName,
} from '@tadamon/funding';
import { demoLogInMemory, demoStepsInMad, FUNDING_DEMO_IDS } from '../testing/funding-demo-log';
import { StreamAsOf } from './application-log';
import { replayLog } from './replay';

const MD = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const ENVELOPE = FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco;
const CALL = FUNDING_DEMO_IDS.calls.icmdPhase2Morocco;
const demo = demoLogInMemory(demoStepsInMad());
const APPLICATION = grantApplicationStreamName(MD);
const ENVELOPE_STREAM = budgetEnvelopeStreamName(ENVELOPE);

type Data = Record<string, unknown>;
type Money = { amountMinor: number; currency: string };
const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' && v !== null && typeof (v as Money).amountMinor === 'number';

/** Where an amount is in the log: the stream, the event's index in it, the path in its data. */
interface MoneyLeaf {
  streamId: string;
  index: number;
  type: string;
  path: (string | number)[];
}

/**
 * Every amount the application's money rests on: its own events from the award on, and the
 * envelope's opening and its own commitment, release and payment events. (The amount requested
 * is left out: raising it changes no fact an award must agree with.)
 */
function moneyLeaves(): MoneyLeaf[] {
  const leaves: MoneyLeaf[] = [];
  const walk = (value: unknown, leaf: Omit<MoneyLeaf, 'path'>, path: (string | number)[]) => {
    if (isMoney(value)) return void leaves.push({ ...leaf, path });
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, leaf, [...path, i]));
    if (typeof value === 'object' && value !== null)
      Object.entries(value).forEach(([k, v]) => walk(v, leaf, [...path, k]));
  };
  const application = demo.get(APPLICATION) as RecordedEvent[];
  const awardAt = application.findIndex((e) => e.type === 'GrantAwarded');
  application.forEach((e, index) => {
    if (index >= awardAt) walk(e.data, { streamId: APPLICATION, index, type: e.type }, []);
  });
  (demo.get(ENVELOPE_STREAM) as RecordedEvent[]).forEach((e, index) => {
    const own = (e.data as Data).applicationId === MD;
    if (own || e.type === 'BudgetEnvelopeOpened')
      walk(e.data, { streamId: ENVELOPE_STREAM, index, type: e.type }, []);
  });
  return leaves;
}

const LEAVES = moneyLeaves();

/** The demo with one amount changed (its minor units, or its currency). */
function replayWith(leaf: MoneyLeaf, change: (money: Money) => void) {
  const stream = (streamId: string): StreamAsOf => {
    const all = (demo.get(streamId) ?? []).map((e, index) => {
      if (streamId !== leaf.streamId || index !== leaf.index) return e;
      const data = structuredClone(e.data) as Data;
      let target: unknown = data;
      for (const key of leaf.path) target = (target as Record<string | number, unknown>)[key];
      change(target as Money);
      return { ...e, data };
    });
    const proof = {
      streamId,
      events: all.length,
      firstHash: null,
      lastHash: null,
      ok: true,
      broken: null,
      eventsAsOf: all.length,
      lastHashAsOf: null,
    };
    return { streamId, all, asOf: all, proof };
  };
  return replayLog(
    {
      applicationId: MD,
      asOf: '2016-01-01T00:00:00.000Z',
      application: stream(APPLICATION),
      call: stream(callForProposalsStreamName(CALL)),
      envelopes: new Map([[ENVELOPE, stream(ENVELOPE_STREAM)]]),
    },
    false,
  );
}

describe('every amount of an award, its commitment, its tranches and payments is checked', () => {
  it('finds the amounts: award, envelope remaining, tranches, envelope, commitment, payment', () => {
    expect([...new Set(LEAVES.map((l) => `${l.type} ${l.path.join('.').replace(/\d+/g, 'i')}`))]).toEqual([
      'GrantAwarded envelopeRemaining',
      'GrantAwarded amount',
      'GrantAwarded project.coFinancing',
      'GrantAgreementSigned tranches.i.amount',
      'TrancheReleased amount',
      'BudgetEnvelopeOpened amount',
      'FundsCommitted amount',
      'FundsCommitted remainingBefore',
      'FundsCommitted remainingAfter',
      'DisbursementRecorded amount',
    ]);
    expect(replayWith(LEAVES[0], () => undefined).verdict).toBe('same');
  });

  it('replays DIFFERENT when any one of them is changed by any amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAVES),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).filter((d) => d !== 0),
        (leaf, delta) => {
          const result = replayWith(leaf, (money) => (money.amountMinor += delta));
          expect({ leaf, delta, verdict: result.verdict }).toEqual({ leaf, delta, verdict: 'different' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('replays DIFFERENT when any one of them changes currency', () => {
    for (const leaf of LEAVES) {
      const result = replayWith(leaf, (money) => (money.currency = 'EUR'));
      expect({ leaf, verdict: result.verdict }).toEqual({ leaf, verdict: 'different' });
    }
  });
});
