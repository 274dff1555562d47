import { INestMicroservice, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fundingPublication } from '@tadamon/contracts';
import { SqliteEventStore } from '@tadamon/event-store';
import {
  EmbeddedEventTransport,
  HandlerErrorsPassThrough,
  SqliteCheckpointStore,
  SqliteDeadLetterStore,
  SqliteInbox,
} from '@tadamon/messaging';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { AwardNotYetReceived, FUNDING_POLICY_ACTOR, OnFundingEvents } from './on-funding-events';

jest.setTimeout(30_000);

const usd = (major: number) => ({ amountMinor: major * 100, currency: 'USD' });
const awarded = (applicationId: string) => ({
  applicationId,
  callId: 'call-2026-1',
  associationId: 'md-0042',
  envelopeId: 'icmd2-ma',
  criteriaVersion: 1,
  scoringRulesVersion: 'v1',
  decidedAt: '2026-03-02T10:00:00.000Z',
  amount: usd(250_000),
  project: {
    title: { fr: 'Eau potable', ar: 'الماء الصالح للشرب' },
    summary: { fr: 'Raccordement de douars.' },
    sectors: ['14030', '31140'],
    region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
    coFinancing: usd(50_000),
  },
});
const released = (applicationId: string, trancheId: string) => ({
  applicationId,
  envelopeId: 'icmd2-ma',
  trancheId,
  amount: usd(100_000),
  releasedAt: '2026-04-01T09:30:00.000Z',
});

/** The policy on the embedded transport, as the platform runs it, over a log Funding writes to. */
describe('the Funding policy of Partnerships', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let commands: PartnershipsCommands;
  let consumer: INestMicroservice | undefined;
  let transport: EmbeddedEventTransport<Database.Database>;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerships-policy-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.db') });
    db = new Database(join(dir, 'partnerships.db'));
    commands = new PartnershipsCommands(store);
  });
  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts (or restarts, from its saved checkpoint) Partnerships' consumer. */
  const start = async () => {
    await consumer?.close();
    transport = new EmbeddedEventTransport({
      consumer: 'partnerships',
      log: store,
      publications: [fundingPublication],
      topics: [fundingPublication.topic],
      checkpoints: new SqliteCheckpointStore(db),
      inbox: new SqliteInbox(db),
      deadLetters: new SqliteDeadLetterStore(db),
      retry: { maxAttempts: 2, initialBackoffMs: 5, maxBackoffMs: 10 },
      pollIntervalMs: 5,
    });
    @Module({
      controllers: [OnFundingEvents],
      providers: [{ provide: PartnershipsCommands, useValue: commands }],
    })
    class PolicyModule {}
    consumer = await NestFactory.createMicroservice(PolicyModule, { strategy: transport, logger: false });
    consumer.useGlobalFilters(new HandlerErrorsPassThrough());
    await consumer.listen();
  };
  const caughtUp = async () => {
    const deadline = Date.now() + 10_000;
    while ((await transport.lag())[fundingPublication.topic] !== 0) {
      if (Date.now() > deadline) throw new Error('the policy did not catch up with the log');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** Appends what Funding's grant application stream records (its domain events). */
  const funding = async (applicationId: string, type: string, data: object) => {
    const eventId = randomUUID();
    await store.appendToStream(
      `grantApplication-${applicationId}`,
      [
        {
          id: eventId,
          type,
          schemaVersion: 1,
          data,
          metadata: {
            correlationId: `corr-${applicationId}`,
            causationId: randomUUID(),
            commandId: randomUUID(),
            actor: { id: 'user-committee', roles: ['committee'] },
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    return eventId;
  };
  const projectEvents = async (applicationId: string) =>
    (await commands.load('project', `award-${applicationId}`))?.events ?? [];
  const deadLetters = () => new SqliteDeadLetterStore(db).list('partnerships');

  it('opens the award’s project once, with its title, sectors, region and budget, however often GrantAwarded comes', async () => {
    const awardId = await funding('app-1', 'GrantAwarded', awarded('app-1'));
    await start();
    await caughtUp();
    // Redelivered from the start of the log (a lost checkpoint): the inbox skips it.
    db.exec('DELETE FROM messaging_checkpoints');
    await start();
    await caughtUp();

    const events = await projectEvents('app-1');
    expect(events.map((event) => event.type)).toEqual(['ProjectOpened']);
    expect(events[0].metadata).toMatchObject({
      causationId: awardId,
      correlationId: 'corr-app-1',
      actor: { id: FUNDING_POLICY_ACTOR.id },
    });
    expect((await commands.load('project', 'award-app-1'))?.state).toMatchObject({
      status: '1',
      carrierId: 'md-0042',
      origin: { kind: 'award', applicationId: 'app-1', grant: usd(250_000) },
      details: {
        title: { fr: 'Eau potable', ar: 'الماء الصالح للشرب' },
        description: { fr: 'Raccordement de douars.' },
        sectors: [
          { code: '14030', percentageHundredths: 5000 },
          { code: '31140', percentageHundredths: 5000 },
        ],
        locations: [expect.objectContaining({ region: 'MA-09' })],
        budgetLines: [
          expect.objectContaining({ lineId: 'grant', amount: usd(250_000) }),
          expect.objectContaining({ lineId: 'cofinancing', amount: usd(50_000) }),
        ],
      },
    });
    expect(transport.metrics()).toMatchObject({ processed: 0, duplicates: 1, deadLettered: 0 });
  });

  it('records each released tranche once as a disbursement of the award’s project', async () => {
    await funding('app-2', 'GrantAwarded', awarded('app-2'));
    const releaseId = await funding('app-2', 'TrancheReleased', released('app-2', 't-1'));
    await start();
    await caughtUp();
    // The inbox lost too (the effect committed, the delivery's row not): the decider is idempotent.
    db.exec('DELETE FROM messaging_checkpoints; DELETE FROM messaging_inbox');
    await start();
    await caughtUp();

    const events = await projectEvents('app-2');
    expect(events.map((event) => event.type)).toEqual(['ProjectOpened', 'ProjectDisbursementRecorded']);
    expect(events[1].data).toMatchObject({
      projectId: 'award-app-2',
      trancheId: 't-1',
      amount: usd(100_000),
      on: '2026-04-01',
      source: 'funding-tranche',
    });
    expect(events[1].metadata).toMatchObject({ causationId: releaseId });
    expect(transport.metrics()).toMatchObject({ processed: 2, deadLettered: 0 });
    expect(await deadLetters()).toEqual([]);
  });

  it('dead-letters a tranche released before its award reached Partnerships, and goes on', async () => {
    // Funding never does this in one log; a lost or refused GrantAwarded would.
    await funding('app-3', 'TrancheReleased', released('app-3', 't-9'));
    await funding('app-4', 'GrantAwarded', awarded('app-4'));
    await start();
    await caughtUp();

    const letters = await deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      topic: fundingPublication.topic,
      errorName: 'AwardNotYetReceived',
      attempts: 2,
      event: { type: 'TrancheReleased', data: { applicationId: 'app-3', trancheId: 't-9' } },
    });
    expect(letters[0].errorMessage).toContain('award-app-3 is not open');
    expect(await projectEvents('app-3')).toEqual([]);
    expect((await projectEvents('app-4')).map((event) => event.type)).toEqual(['ProjectOpened']);

    // Once the award is in, replaying the dead letter records the tranche.
    await funding('app-3', 'GrantAwarded', awarded('app-3'));
    await caughtUp();
    await new OnFundingEvents(commands).handle(letters[0].event);
    expect((await projectEvents('app-3')).map((event) => event.type)).toEqual([
      'ProjectOpened',
      'ProjectDisbursementRecorded',
    ]);
  });

  it('leaves Funding’s other events alone, and names the missing award when called directly', async () => {
    await funding('app-5', 'AppealLodged', { applicationId: 'app-5', lodgedAt: '2026-02-01T00:00:00.000Z' });
    await start();
    await caughtUp();
    expect(await deadLetters()).toEqual([]);
    expect(await store.readAll({ categories: ['project'] })).toEqual([]);

    const policy = new OnFundingEvents(commands);
    const event = {
      eventId: randomUUID(),
      type: 'TrancheReleased',
      schemaVersion: 1,
      context: 'funding',
      streamId: 'grantApplication-app-6',
      globalPosition: 1,
      occurredAt: '2026-04-01T09:30:00.000Z',
      correlationId: 'c',
      causationId: 'c',
      data: {
        applicationId: 'app-6',
        envelopeId: 'e',
        trancheId: 't',
        amount: usd(1),
        at: '2026-04-01T00:00:00Z',
      },
    };
    await expect(policy.handle(event)).rejects.toBeInstanceOf(AwardNotYetReceived);
  });
});
