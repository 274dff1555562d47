import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { requireServer } from '@tadamon/testing';
import { OpenedEnvelope } from '../domain/budget-envelope/budget-envelope';
import { OutsideFundedSet } from '../domain/grant-application/grant-application-errors';
import { GrantAwarded } from '../domain/grant-application/grant-application-events';
import { raceForAwards } from './testing/award-race';
import { FundingHarness } from './testing/funding-harness';

/*
 * Item 2 of issue 12: 100 concurrent awards over one call went to whoever won the envelope's race
 * (46 of 100 inside the ranking's funded set). Here 100 recommended applications of varied scores
 * and amounts race for an award at once, on a real log; the call's budget funds about a third of
 * them, the envelope twice that, so money alone would let many more through. Only the funded set
 * (in ranking order, within the call's budget) and the few awards carrying a derogation may win.
 */
const APPLICATIONS = 100;
const DEROGATIONS = 5;
const TIMEOUT_MS = 600_000;

const race = async (funding: FundingHarness): Promise<void> => {
  const { envelopeId, ids, ranking, fundedSet, outside, derogated, outcomes } = await raceForAwards(funding, {
    applications: APPLICATIONS,
    derogations: DEROGATIONS,
  });
  expect(fundedSet.size).toBeGreaterThan(20);
  expect(outside.length).toBeGreaterThan(50);
  expect(derogated.size).toBe(DEROGATIONS);

  const awarded = new Set(ids.filter((_, i) => outcomes[i].status === 'fulfilled'));
  outcomes.forEach((outcome) => {
    if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(OutsideFundedSet);
  });
  // Every derogation is awarded; every other award is in the funded set. A derogated award holds
  // its money from its commitment on, like any award, so the members of the funded set it
  // overtook may find the call's budget spent: only they can lose. Amounts are indivisible, so they
  // can lose a little more than the derogations took, but less than the derogations plus the
  // largest of them: the last one refused was refused because the awards ranked before it plus its
  // own amount passed what the derogations left of the budget, and the whole funded set fits in the
  // budget. (A bound of "no more than the derogations took" failed in one CI run: 4,700,000
  // displaced for 4,600,000 derogated.)
  for (const applicationId of derogated) expect(awarded.has(applicationId)).toBe(true);
  for (const applicationId of awarded)
    expect(fundedSet.has(applicationId) || derogated.has(applicationId)).toBe(true);
  const amountOf = (applicationId: string) =>
    ranking.ranked.find((r) => r.applicationId === applicationId)?.amount.amountMinor ?? 0;
  const sum = (ids: Iterable<string>) => [...ids].reduce((total, id) => total + amountOf(id), 0);
  const displaced = [...fundedSet].filter((applicationId) => !awarded.has(applicationId));
  if (displaced.length > 0)
    expect(sum(displaced)).toBeLessThan(sum(derogated) + Math.max(...displaced.map(amountOf)));

  // What each award recorded: its place when its funds were committed, and the derogation where it
  // was outside the funded set (the auditor's replay recomputes that place: replay-ranking.int.spec.ts).
  for (const applicationId of awarded) {
    const loaded = await funding.commands.load('grantApplication', applicationId);
    const event = loaded?.events.find((e) => e.type === 'GrantAwarded') as GrantAwarded | undefined;
    expect(event?.data.ranking?.rank).toBe(
      ranking.ranked.find((r) => r.applicationId === applicationId)?.rank,
    );
    expect(event?.data.ranking?.fundedSet).toBe(!derogated.has(applicationId));
    expect(event?.data.derogation === null).toBe(!derogated.has(applicationId));
  }
  // A refused award committed nothing: the envelope holds exactly the awards.
  const envelope = await funding.commands.load('budgetEnvelope', envelopeId);
  const commitments = Object.entries((envelope?.state as OpenedEnvelope).commitments);
  expect(commitments.map(([id]) => id).sort()).toEqual([...awarded].sort());
  expect(commitments.every(([, c]) => c.status === 'active')).toBe(true);
};

describe('concurrent awards over one call keep to the ranking', () => {
  describe('on SQLite (a file in WAL mode)', () => {
    let dir: string | undefined;
    let funding: FundingHarness | undefined;
    afterEach(async () => {
      await funding?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it(
      'awards only the funded set and the derogations when 100 awards race',
      async () => {
        dir = mkdtempSync(join(tmpdir(), 'award-ranking-'));
        funding = new FundingHarness(SqliteEventStore.open({ filename: join(dir, 'events.db') }));
        await race(funding);
      },
      TIMEOUT_MS,
    );
  });

  describe('on PostgreSQL (a fresh schema)', () => {
    const schema = `es_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    let pool: Pool | undefined;
    let funding: FundingHarness | undefined;
    afterEach(async () => {
      await funding?.close();
      if (pool) {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      }
    }, 120_000);

    it(
      'awards only the funded set and the derogations when 100 awards race',
      async () => {
        pool = new Pool({ connectionString: requireServer('postgres'), max: 10 });
        const store: EventStore = await PostgresEventStore.connect({ pool, schema });
        funding = new FundingHarness(store);
        await race(funding);
      },
      TIMEOUT_MS,
    );
  });
});
