import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Pool } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import {
  CommandMetadata,
  EventStreamStore,
  foldEvents,
  handleCommand,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { requireServer } from '@tadamon/testing';
import {
  BudgetEnvelopeCommand,
  budgetEnvelopeDecider,
  BudgetEnvelopeEvent,
  BudgetEnvelopeState,
  budgetEnvelopeStreamName,
} from './budget-envelope';
import { BudgetEnvelopeExceeded } from './budget-envelope-errors';
import { awardTerms } from './budget-envelope.fixtures';

/*
 * The envelope's promise (shared/DOMAIN.md, "Budget envelope"): commitments never exceed the
 * envelope, even under concurrent decisions. Here at least 100 award decisions commit funds on ONE
 * envelope at the same time, through handleCommand on a real store, several writers (store
 * instances) racing on the one stream. The only guard is the envelope's stream: each commitment
 * appends with the revision it decided on, and a decider that lost the race re-reads and decides
 * again against the new remaining amount.
 */

// Each run is one race of 100 to 120 deciders on one envelope. A lost race costs a read and an
// append more, and a run loses about (commitments x deciders in flight) of them, so runs are few:
// on a two-core machine a PostgreSQL run takes 5 to 20 s, a SQLite run under 2 s.
const RUNS = { sqlite: 8, postgres: 5 };
const MIN_DECIDERS = 100;
const MAX_DECIDERS = 120;

type Scenario = { amountMinor: number; requests: number[] };

/**
 * An envelope and 100 to 120 requests adding up to 150 % to 400 % of it (some must be refused),
 * or to exactly 100 % (none may be, and the envelope ends fully committed).
 */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    deciders: fc.integer({ min: MIN_DECIDERS, max: MAX_DECIDERS }),
    amountMinor: fc.integer({ min: 1_000_000, max: 1_000_000_000 }),
    subscribedPercent: fc.oneof(
      { arbitrary: fc.integer({ min: 150, max: 400 }), weight: 7 },
      { arbitrary: fc.constant(100), weight: 1 },
    ),
  })
  .chain(({ deciders, amountMinor, subscribedPercent }) =>
    fc
      .array(fc.integer({ min: 1, max: 1_000 }), { minLength: deciders, maxLength: deciders })
      .map((shares): Scenario => {
        const total = shares.reduce((a, b) => a + b, 0);
        const target = Math.floor((amountMinor * subscribedPercent) / 100);
        // Each share of the target, rounded down (never 0 here); the last request
        // takes what rounding left, so that the requests add up to the target exactly.
        const requests = shares.map((share) => Math.floor((share * target) / total));
        requests[requests.length - 1] += target - requests.reduce((a, b) => a + b, 0);
        return { amountMinor, requests };
      }),
  );

const metadata = (commandId: string): CommandMetadata => ({
  commandId,
  actor: { id: 'user-committee', roles: ['committee'] },
  now: '2025-07-15T10:00:00.000Z',
});

type Stats = { conflicts: number };

/** The store as handleCommand sees it, counting the appends that lost a race. */
const counting = (store: EventStore, stats: Stats): EventStreamStore => ({
  readStream: (streamId) => store.readStream(streamId),
  appendToStream: async (streamId, events, options) => {
    try {
      return await store.appendToStream(streamId, events, options);
    } catch (error) {
      if (error instanceof WrongExpectedRevision) stats.conflicts++;
      throw error;
    }
  },
});

type RunReport = {
  deciders: number;
  committed: number;
  refused: number;
  /** Deciders that still lost the race after every retry. */
  exhausted: number;
  conflicts: number;
  oversubscribed: boolean;
};

/**
 * Opens an envelope, then runs every request at once, spread over the writers; checks the stored
 * stream against what each decider was told.
 */
async function raceOnOneEnvelope(
  writers: EventStore[],
  { amountMinor, requests }: Scenario,
): Promise<RunReport> {
  const envelopeId = `env-${randomUUID()}`;
  const streamId = budgetEnvelopeStreamName(envelopeId);
  const stats: Stats = { conflicts: 0 };
  const stores = writers.map((w) => counting(w, stats));
  const amount = { amountMinor, currency: 'USD' } as const;
  await handleCommand(stores[0], budgetEnvelopeDecider, streamId, {
    type: 'OpenBudgetEnvelope',
    data: {
      envelopeId,
      programmeId: 'icmd-phase-2',
      name: { fr: 'Enveloppe disputée' },
      funderId: 'actor-iom',
      amount,
      period: { start: '2025-01-01', end: '2025-12-31' },
    },
    metadata: metadata(`open-${envelopeId}`),
  });

  // A lost race means another commitment was appended meanwhile: with as many retries as there
  // are deciders, no decider can run out of them.
  const maxRetries = requests.length;
  const outcomes = await Promise.allSettled(
    requests.map((amountMinor, i) => {
      const command: BudgetEnvelopeCommand = {
        type: 'CommitFunds',
        data: {
          envelopeId,
          applicationId: `app-${i}`,
          amount: { amountMinor, currency: 'USD' },
          award: awardTerms(`award-${i}`),
        },
        metadata: metadata(`commit-${envelopeId}-${i}`),
      };
      return handleCommand(stores[i % stores.length], budgetEnvelopeDecider, streamId, command, {
        maxRetries,
      });
    }),
  );

  const succeeded: number[] = [];
  const refused: number[] = [];
  let exhausted = 0;
  const unexpected: string[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') {
      if (outcome.value.events.length === 1) succeeded.push(i);
      else unexpected.push(`app-${i}: ${outcome.value.events.length} events`);
    } else if (outcome.reason instanceof BudgetEnvelopeExceeded) refused.push(i);
    else if (outcome.reason instanceof WrongExpectedRevision) exhausted++;
    else unexpected.push(`app-${i}: ${String(outcome.reason)}`);
  });
  expect(unexpected).toEqual([]);
  expect(exhausted).toBe(0);

  // The stored stream, read back by another writer and folded from the start.
  const stored = await writers[writers.length - 1].readStream(streamId);
  const events = stored as unknown as BudgetEnvelopeEvent[];
  let state: BudgetEnvelopeState = budgetEnvelopeDecider.initialState();
  let committed = 0;
  for (const event of events) {
    state = foldEvents(budgetEnvelopeDecider, [event], state);
    if (event.type === 'FundsCommitted') {
      // What the decider saw is what the stream held: no commitment decided on a stale balance.
      expect(event.data.remainingBefore.amountMinor).toBe(amountMinor - committed);
      committed += event.data.amount.amountMinor;
      expect(event.data.remainingAfter.amountMinor).toBe(amountMinor - committed);
    }
    // Never over-committed, at any revision.
    expect(state.status === 'none' ? 0 : state.committedMinor).toBeLessThanOrEqual(amountMinor);
  }
  if (state.status === 'none') throw new Error('the envelope was not opened');

  const sum = (indexes: number[]) => indexes.reduce((total, i) => total + requests[i], 0);
  expect(state.committedMinor).toBe(sum(succeeded));
  expect(Object.keys(state.commitments).sort()).toEqual(succeeded.map((i) => `app-${i}`).sort());
  expect(stored.filter((e) => e.type === 'FundsCommitted')).toHaveLength(succeeded.length);
  expect(succeeded.length + refused.length).toBe(requests.length);

  // Nobody was refused while the envelope could still hold their request (it only ever shrinks),
  // and refusals happen exactly when the requests did not all fit.
  const remaining = amountMinor - state.committedMinor;
  expect(refused.filter((i) => requests[i] <= remaining)).toEqual([]);
  const oversubscribed = sum(requests.map((_, i) => i)) > amountMinor;
  if (oversubscribed) expect(refused.length).toBeGreaterThan(0);
  else expect(refused).toEqual([]);

  return {
    deciders: requests.length,
    committed: succeeded.length,
    refused: refused.length,
    exhausted,
    conflicts: stats.conflicts,
    oversubscribed,
  };
}

/** 24 to 32 deciders (each makes three appends): enough to race, few enough for a busy machine. */
const smallScenario: fc.Arbitrary<Scenario> = scenario.map(({ requests }) => {
  const few = requests.slice(0, 24 + (requests.length % 9));
  const total = few.reduce((a, b) => a + b, 0);
  // The envelope holds about half of the first decisions: some refused, some decided again.
  return { amountMinor: Math.max(1, Math.floor(total / 2)), requests: few };
});

/**
 * Every decider commits for its application, releases it (an award that could not be recorded),
 * then commits a second decision of another amount, all at once: released commitments block no
 * later decision, and the envelope is still never over-committed at any revision.
 */
async function raceWithReleases(writers: EventStore[], { amountMinor, requests }: Scenario): Promise<number> {
  const envelopeId = `env-${randomUUID()}`;
  const streamId = budgetEnvelopeStreamName(envelopeId);
  const stats: Stats = { conflicts: 0 };
  const stores = writers.map((w) => counting(w, stats));
  const money = (minor: number) => ({ amountMinor: minor, currency: 'USD' as const });
  await handleCommand(stores[0], budgetEnvelopeDecider, streamId, {
    type: 'OpenBudgetEnvelope',
    data: {
      envelopeId,
      programmeId: 'icmd-phase-2',
      name: { fr: 'Enveloppe disputée' },
      funderId: 'actor-iom',
      amount: money(amountMinor),
      period: { start: '2025-01-01', end: '2025-12-31' },
    },
    metadata: metadata(`open-${envelopeId}`),
  });
  const maxRetries = requests.length * 3;
  const run = (i: number, command: Omit<BudgetEnvelopeCommand, 'metadata'>, id: string) =>
    handleCommand(
      stores[i % stores.length],
      budgetEnvelopeDecider,
      streamId,
      { ...command, metadata: metadata(id) } as BudgetEnvelopeCommand,
      { maxRetries },
    );
  const refusedOrDone = (error: unknown) => {
    if (!(error instanceof BudgetEnvelopeExceeded)) throw error;
    return 'refused' as const;
  };
  const outcomes = await Promise.all(
    requests.map(async (request, i) => {
      const applicationId = `app-${i}`;
      const first = await run(
        i,
        {
          type: 'CommitFunds',
          data: { envelopeId, applicationId, amount: money(request), award: awardTerms(`a-${i}-1`) },
        },
        `c1-${envelopeId}-${i}`,
      ).catch(refusedOrDone);
      if (first === 'refused') return 'refused';
      await run(
        i,
        {
          type: 'ReleaseCommitment',
          data: { envelopeId, applicationId, reason: 'award not recorded: TEST' },
        },
        `r-${envelopeId}-${i}`,
      );
      const second = await run(
        i,
        {
          type: 'CommitFunds',
          data: {
            envelopeId,
            applicationId,
            amount: money(Math.max(1, request >> 1)),
            award: awardTerms(`a-${i}-2`),
          },
        },
        `c2-${envelopeId}-${i}`,
      ).catch(refusedOrDone);
      return second === 'refused' ? 'refused' : 'recommitted';
    }),
  );
  const stored = await writers[writers.length - 1].readStream(streamId);
  let state: BudgetEnvelopeState = budgetEnvelopeDecider.initialState();
  for (const event of stored as unknown as BudgetEnvelopeEvent[]) {
    state = foldEvents(budgetEnvelopeDecider, [event], state);
    expect(state.status === 'none' ? 0 : state.committedMinor).toBeLessThanOrEqual(amountMinor);
  }
  if (state.status === 'none') throw new Error('the envelope was not opened');
  const active = Object.values(state.commitments).filter((c) => c.status === 'active');
  expect(state.committedMinor).toBe(active.reduce((t, c) => t + c.committedMinor, 0));
  expect(active.map((c) => c.applicationId).sort()).toEqual(
    outcomes.flatMap((o, i) => (o === 'recommitted' ? [`app-${i}`] : [])).sort(),
  );
  // Every second decision of an application was its own commitment, after the first one's release.
  for (const c of active)
    expect(c.awardCommandIds).toEqual([`a-${c.applicationId.slice(4)}-1`, `a-${c.applicationId.slice(4)}-2`]);
  expect(stats.conflicts).toBeGreaterThan(0);
  return active.length;
}

/** Runs the property on the given writers; asserts the runs really raced and really refused. */
async function checkProperty(writers: () => EventStore[], numRuns: number): Promise<RunReport[]> {
  const reports: RunReport[] = [];
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      reports.push(await raceOnOneEnvelope(writers(), s));
    }),
    { numRuns, endOnFailure: true },
  );
  expect(reports.every((r) => r.deciders >= MIN_DECIDERS)).toBe(true);
  // The deciders did race (appends lost to a concurrent one) and the budget did bind somewhere.
  expect(reports.every((r) => r.conflicts > 0)).toBe(true);
  expect(reports.some((r) => r.refused > 0)).toBe(true);
  return reports;
}

const TIMEOUT_MS = 180_000;

describe('budget envelope under at least 100 concurrent award decisions', () => {
  describe('on SQLite (a temporary file, four store instances as four writers)', () => {
    let dir: string;
    let writers: SqliteEventStore[] = [];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tadamon-envelope-'));
      const filename = join(dir, 'events.db');
      writers = Array.from({ length: 4 }, () => SqliteEventStore.open({ filename }));
    });
    afterAll(async () => {
      await Promise.all(writers.map((w) => w.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'never commits more than the envelope, and refuses only what no longer fits',
      async () => {
        await checkProperty(() => writers, RUNS.sqlite);
      },
      TIMEOUT_MS,
    );

    it(
      'lets every released commitment be decided again, and still never over-commits',
      async () => {
        const recommitted: number[] = [];
        await fc.assert(
          fc.asyncProperty(smallScenario, async (s) => {
            recommitted.push(await raceWithReleases(writers, s));
          }),
          { numRuns: 3, endOnFailure: true },
        );
        expect(recommitted.some((n) => n > 0)).toBe(true);
      },
      TIMEOUT_MS,
    );
  });

  describe('on PostgreSQL (a fresh schema, two stores with their own pools as two instances)', () => {
    const schema = `es_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const writers: PostgresEventStore[] = [];
    const pools: Pool[] = [];
    beforeAll(async () => {
      // Throws when no PostgreSQL server could be had: the test fails, it is never skipped.
      const connectionString = requireServer('postgres');
      for (let i = 0; i < 2; i++) {
        const pool = new Pool({ connectionString, max: 10 });
        pools.push(pool);
        writers.push(await PostgresEventStore.connect({ pool, schema }));
      }
    });
    afterAll(async () => {
      await Promise.all(writers.map((w) => w.close()));
      if (pools.length > 0) await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    });

    it(
      'never commits more than the envelope, and refuses only what no longer fits',
      async () => {
        await checkProperty(() => writers, RUNS.postgres);
      },
      TIMEOUT_MS,
    );

    it(
      'lets every released commitment be decided again, and still never over-commits',
      async () => {
        const recommitted: number[] = [];
        await fc.assert(
          fc.asyncProperty(smallScenario, async (s) => {
            recommitted.push(await raceWithReleases(writers, s));
          }),
          { numRuns: 2, endOnFailure: true },
        );
        expect(recommitted.some((n) => n > 0)).toBe(true);
      },
      TIMEOUT_MS,
    );
  });
});
