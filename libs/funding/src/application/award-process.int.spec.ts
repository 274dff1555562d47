import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { requireServer } from '@tadamon/testing';
import { budgetEnvelopeStreamName } from '../domain/budget-envelope/budget-envelope';
import { MingoDocumentStore } from '@tadamon/read-store';
import { AWARD_PROCESS_ACTOR, AwardProcess, AwardProcessSettings } from './award-process';
import { CallRanking } from './call-ranking';
import { FundingCommands } from './funding-commands';
import { GrantDecisions, RELEASE_REASONS } from './grant-decisions';
import { COMMITTEE, FundingHarness, usd } from './testing/funding-harness';

/*
 * The award as a process that always finishes (issue 12, item 1), on real stores. A "crash" is an
 * award whose second append never comes: its GrantDecisions stalls there for good, as a killed
 * process would, and another instance (its own store connection) runs the award process.
 */

const award = {
  conditions: ['Rapport semestriel'],
  rationale: 'Dans le budget.',
  committeeMembers: [COMMITTEE.id],
};
const ASSOCIATION = { id: 'user-md', roles: ['association'] };
const SETTINGS: AwardProcessSettings = { intervalMs: 0, graceMs: 0 };

/** FundingCommands that never finish a command of this type: the process stopped there. */
const stalledAt = (commands: FundingCommands, type: string): FundingCommands => {
  const stalled = Object.create(commands) as FundingCommands;
  stalled.execute = ((aggregate, id, command, actor, options) =>
    command.type === type
      ? new Promise(() => undefined)
      : commands.execute(aggregate, id, command as never, actor, options)) as FundingCommands['execute'];
  return stalled;
};

interface Instance {
  store: EventStore;
  commands: FundingCommands;
  decisions: GrantDecisions;
  process: (settings?: Partial<AwardProcessSettings>) => AwardProcess;
}

const instanceOn = (store: EventStore): Instance => {
  const commands = new FundingCommands(store);
  // Another instance: its own read models (empty here; settling an award reads the log only).
  const decisions = new GrantDecisions(commands, new CallRanking(commands, new MingoDocumentStore()));
  return {
    store,
    commands,
    decisions,
    process: (settings = SETTINGS) => new AwardProcess(store, commands, decisions, settings),
  };
};

const eventsOf = async (store: EventStore, streamId: string): Promise<RecordedEvent[]> =>
  store.readStream(streamId).catch(() => []);

const until = async (condition: () => Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Starts an award that stops between its commitment and its award, as a killed process does. */
const interruptedAward = async (funding: FundingHarness, envelopeId: string, applicationId: string) => {
  const stalled = stalledAt(funding.commands, 'AwardGrant');
  void new GrantDecisions(stalled, new CallRanking(stalled, funding.docs)).award(
    applicationId,
    award,
    COMMITTEE,
  );
  await until(
    async () =>
      (await eventsOf(funding.store, budgetEnvelopeStreamName(envelopeId))).some(
        (e) =>
          e.type === 'FundsCommitted' &&
          (e.data as { applicationId: string }).applicationId === applicationId,
      ),
    'the commitment',
  );
};

const types = (events: RecordedEvent[]) => events.map((e) => e.type);

function awardProcessSuite(
  name: string,
  open: () => Promise<{ first: EventStore; second: EventStore; close: () => Promise<void> }>,
): void {
  describe(`the award process on ${name}`, () => {
    let funding: FundingHarness;
    let other: Instance;
    let close: () => Promise<void> = async () => undefined;

    beforeEach(async () => {
      const stores = await open();
      close = stores.close;
      funding = new FundingHarness(stores.first, `${randomUUID().slice(0, 8)}-`);
      funding.verified('assoc-md');
      funding.verified('assoc-figuig');
      other = instanceOn(stores.second);
    }, 60_000);
    afterEach(async () => close(), 60_000);

    const application = (applicationId: string) => funding.commands.load('grantApplication', applicationId);
    const envelopeEvents = (envelopeId: string) =>
      eventsOf(funding.store, budgetEnvelopeStreamName(envelopeId));

    it('records the award a crash left between its commitment and its decision, from the commitment alone', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      await interruptedAward(funding, envelopeId, applicationId);
      const committed = (await envelopeEvents(envelopeId)).at(-1) as RecordedEvent;

      const report = await other.process().settle();

      expect(report).toMatchObject({ checked: 1, completed: 1, released: 0, failed: 0 });
      const loaded = await application(applicationId);
      expect(loaded?.state.status).toBe('awarded');
      const awarded = loaded?.events.at(-1) as RecordedEvent;
      const terms = (committed.data as { award: Record<string, unknown> }).award;
      // The event the crashed award would have appended: its command id, time, actor and terms.
      expect(awarded.type).toBe('GrantAwarded');
      expect(awarded.metadata.commandId).toBe(terms['commandId']);
      expect(awarded.metadata.actor).toEqual({ id: COMMITTEE.id, roles: COMMITTEE.roles });
      expect(awarded.data).toMatchObject({
        amount: usd(250_000),
        rationale: award.rationale,
        conditions: award.conditions,
        committeeMembers: award.committeeMembers,
        decidedAt: terms['decidedAt'],
        envelopeId,
        envelopeRemaining: usd(500_000),
      });
      // A second pass finds it matched and appends nothing.
      expect(await other.process().settle()).toMatchObject({ checked: 1, matched: 1, completed: 0 });
      expect(types(await envelopeEvents(envelopeId))).toEqual(['BudgetEnvelopeOpened', 'FundsCommitted']);
    });

    it('appends the award once when two instances complete it at the same time', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const ids = [
        await funding.recommended(callId, 'assoc-md'),
        await funding.recommended(callId, 'assoc-figuig'),
      ];
      for (const id of ids) await interruptedAward(funding, envelopeId, id);
      const mine = instanceOn(funding.store);

      const reports = await Promise.all([mine.process().settle(), other.process().settle()]);

      expect(reports.map((r) => r.failed + r.released)).toEqual([0, 0]);
      for (const id of ids) {
        const events = (await application(id))?.events ?? [];
        expect(types(events).filter((t) => t === 'GrantAwarded')).toHaveLength(1);
      }
      expect(types(await envelopeEvents(envelopeId))).toEqual([
        'BudgetEnvelopeOpened',
        'FundsCommitted',
        'FundsCommitted',
      ]);
    });

    it('releases the commitment of an award that can no longer be recorded, and a later award commits afresh', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      await interruptedAward(funding, envelopeId, applicationId);
      const system = { id: 'system', roles: [] };
      await funding.commands.execute(
        'grantApplication',
        applicationId,
        {
          type: 'FlagForAssociationSuspension',
          data: { applicationId, associationId: 'assoc-md', reason: 'suspendue' },
        },
        system,
      );

      expect(await other.process().settle()).toMatchObject({ completed: 0, released: 1 });
      const released = (await envelopeEvents(envelopeId)).at(-1) as RecordedEvent;
      expect(released.type).toBe('CommitmentReleased');
      expect(released.data).toMatchObject({
        reason: RELEASE_REASONS.awardNotCompleted('APPLICATION_FLAGGED'),
        remainingAfter: usd(500_000),
        by: AWARD_PROCESS_ACTOR.id,
      });

      await funding.commands.execute(
        'grantApplication',
        applicationId,
        { type: 'ClearSuspensionFlag', data: { applicationId, associationId: 'assoc-md' } },
        system,
      );
      const again = await funding.decisions.award(applicationId, award, COMMITTEE);
      expect(again.events).toEqual(['FundsCommitted', 'GrantAwarded']);
    });

    it('releases what a crash left after a withdrawal, with the withdrawal reason', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      await funding.decisions.award(applicationId, award, COMMITTEE);
      // The withdrawal was recorded, then the process stopped before the release.
      await funding.commands.execute(
        'grantApplication',
        applicationId,
        { type: 'WithdrawGrantApplication', data: { applicationId, reason: 'Projet abandonné' } },
        ASSOCIATION,
      );

      expect(await other.process().settle()).toMatchObject({ checked: 1, released: 1 });
      expect((await envelopeEvents(envelopeId)).at(-1)?.data).toMatchObject({
        reason: RELEASE_REASONS.withdrawn('Projet abandonné'),
      });
    });

    it('releases a commitment recorded before awards were kept with commitments', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      const streamId = budgetEnvelopeStreamName(envelopeId);
      const opened = await funding.store.readStream(streamId);
      await funding.store.appendToStream(
        streamId,
        [
          {
            id: randomUUID(),
            type: 'FundsCommitted',
            schemaVersion: 1,
            data: {
              envelopeId,
              applicationId,
              amount: usd(250_000),
              remainingBefore: usd(500_000),
              remainingAfter: usd(250_000),
              committedAt: '2025-07-01T10:00:00.000Z',
              by: COMMITTEE.id,
            },
            metadata: {
              correlationId: 'legacy',
              causationId: 'legacy',
              commandId: 'legacy',
              actor: { id: COMMITTEE.id, roles: [...COMMITTEE.roles] },
            },
          },
        ],
        { expectedRevision: opened.length - 1 },
      );

      expect(await other.process().settle()).toMatchObject({ released: 1, completed: 0 });
      expect((await envelopeEvents(envelopeId)).at(-1)?.data).toMatchObject({
        reason: RELEASE_REASONS.noAwardRecorded,
        released: usd(250_000),
      });
      expect((await application(applicationId))?.state.status).toBe('recommended');
    });

    it('leaves a commitment younger than the grace period to the award that made it', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      await interruptedAward(funding, envelopeId, applicationId);

      const report = await other.process({ intervalMs: 0, graceMs: 60_000 }).settle();

      expect(report).toMatchObject({ checked: 1, recent: 1, completed: 0, released: 0 });
      expect((await application(applicationId))?.state.status).toBe('recommended');
      // Past the grace period, the next pass finishes it.
      const later = await other.process({ intervalMs: 0, graceMs: 60_000 }).settle(Date.now() + 61_000);
      expect(later).toMatchObject({ completed: 1 });
    });

    it('a rejection releases a commitment an interrupted award left', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      await interruptedAward(funding, envelopeId, applicationId);

      const rejected = await other.decisions.reject(
        applicationId,
        { reasons: ['Hors priorités.'], committeeMembers: [COMMITTEE.id] },
        COMMITTEE,
      );

      expect(rejected.events).toEqual(['GrantApplicationRejected', 'CommitmentReleased']);
      expect(rejected.envelope).toEqual({
        envelopeId,
        remainingBefore: usd(250_000),
        remainingAfter: usd(500_000),
      });
      expect((await envelopeEvents(envelopeId)).at(-1)?.data).toMatchObject({
        reason: RELEASE_REASONS.rejected,
      });
      expect(await other.process().settle()).toMatchObject({ checked: 0 });
    });

    it("an appeal's outcome releases what a crash after the rejection left, and an upheld appeal can be awarded", async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const applicationId = await funding.recommended(callId, 'assoc-md');
      await interruptedAward(funding, envelopeId, applicationId);
      // Rejected, then the process stopped before the release.
      const envelope = { envelopeId, remaining: usd(250_000) };
      await funding.commands.execute(
        'grantApplication',
        applicationId,
        {
          type: 'RejectGrantApplication',
          data: { applicationId, reasons: ['Hors priorités.'], committeeMembers: [COMMITTEE.id], envelope },
        },
        COMMITTEE,
      );
      await funding.commands.execute(
        'grantApplication',
        applicationId,
        { type: 'LodgeAppeal', data: { applicationId, grounds: 'Priorité régionale.' } },
        ASSOCIATION,
      );

      const upheld = await other.decisions.decideAppeal(
        applicationId,
        { upheld: true, rationale: 'Fondé.', committeeMembers: [COMMITTEE.id] },
        COMMITTEE,
      );

      expect(upheld.events).toEqual(['AppealUpheld', 'CommitmentReleased']);
      expect((await envelopeEvents(envelopeId)).at(-1)?.data).toMatchObject({
        reason: RELEASE_REASONS.appealUpheld,
      });
      await funding.commands.execute(
        'grantApplication',
        applicationId,
        {
          type: 'RecordCommitteeRecommendation',
          data: {
            applicationId,
            recommended: true,
            rank: null,
            rationale: 'Revu.',
            committeeMembers: [COMMITTEE.id],
          },
        },
        COMMITTEE,
      );
      const awarded = await other.decisions.award(applicationId, award, COMMITTEE);
      expect(awarded.events).toEqual(['FundsCommitted', 'GrantAwarded']);
      expect(await other.process().settle()).toMatchObject({ checked: 1, matched: 1 });
    });

    it('runs at start and then periodically until the host shuts down', async () => {
      const { envelopeId, callId } = await funding.publishedCall();
      const first = await funding.recommended(callId, 'assoc-md');
      const second = await funding.recommended(callId, 'assoc-figuig');
      await interruptedAward(funding, envelopeId, first);
      const process = other.process({ intervalMs: 50, graceMs: 0 });

      await process.onApplicationBootstrap();
      expect((await application(first))?.state.status).toBe('awarded');

      await interruptedAward(funding, envelopeId, second);
      await until(async () => (await application(second))?.state.status === 'awarded', 'the periodic pass');
      await process.onApplicationShutdown();
    }, 60_000);
  });
}

awardProcessSuite('SQLite (a file, two store instances as two instances of the service)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-award-process-'));
  const filename = join(dir, 'events.db');
  const first = SqliteEventStore.open({ filename });
  const second = SqliteEventStore.open({ filename });
  return {
    first,
    second,
    close: async () => {
      await Promise.all([first.close(), second.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

awardProcessSuite('PostgreSQL (a fresh schema, two stores with their own pools)', async () => {
  // Throws when no PostgreSQL server could be had: the test fails, it is never skipped.
  const connectionString = requireServer('postgres');
  const schema = `ap_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const pools = [new Pool({ connectionString, max: 4 }), new Pool({ connectionString, max: 4 })];
  const stores: PostgresEventStore[] = [];
  try {
    for (const pool of pools) stores.push(await PostgresEventStore.connect({ pool, schema }));
  } catch (error) {
    await Promise.all(pools.map((p) => p.end()));
    throw error;
  }
  return {
    first: stores[0],
    second: stores[1],
    close: async () => {
      await Promise.all(stores.map((s) => s.close()));
      await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    },
  };
});
