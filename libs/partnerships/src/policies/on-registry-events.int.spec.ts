import { INestMicroservice, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { registryPublication } from '@tadamon/contracts';
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
import { OnRegistryEvents } from './on-registry-events';
import { PARTNERSHIPS_REGISTRY_DIRECTORY } from './registry-directory';
import { SqliteRegistryDirectory } from './registry-directory-stores';

jest.setTimeout(30_000);

/** The policy on the embedded transport, as the platform runs it, over a log the Registry writes to. */
describe('the Registry policy of Partnerships', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let directory: SqliteRegistryDirectory;
  let consumer: INestMicroservice | undefined;
  let transport: EmbeddedEventTransport<Database.Database>;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partnerships-registry-policy-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.db') });
    db = new Database(join(dir, 'partnerships.db'));
    directory = new SqliteRegistryDirectory(db);
  });
  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts (or restarts, from its saved checkpoint) the consumer named `name`, bound handlers only. */
  const start = async (name = 'partnerships') => {
    await consumer?.close();
    transport = new EmbeddedEventTransport({
      consumer: name,
      log: store,
      publications: [registryPublication],
      topics: [registryPublication.topic],
      boundHandlers: true,
      checkpoints: new SqliteCheckpointStore(db),
      inbox: new SqliteInbox(db),
      deadLetters: new SqliteDeadLetterStore(db),
      retry: { maxAttempts: 2, initialBackoffMs: 5, maxBackoffMs: 10 },
      pollIntervalMs: 5,
    });
    @Module({
      controllers: [OnRegistryEvents],
      providers: [{ provide: PARTNERSHIPS_REGISTRY_DIRECTORY, useValue: directory }],
    })
    class PolicyModule {}
    consumer = await NestFactory.createMicroservice(PolicyModule, { strategy: transport, logger: false });
    consumer.useGlobalFilters(new HandlerErrorsPassThrough());
    await consumer.listen();
  };
  const caughtUp = async () => {
    const deadline = Date.now() + 10_000;
    while ((await transport.lag())[registryPublication.topic] !== 0) {
      if (Date.now() > deadline) throw new Error('the policy did not catch up with the log');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** Appends what the Registry's streams record (its domain events). */
  const registry = async (stream: string, type: string, data: object) => {
    const id = randomUUID();
    await store.appendToStream(
      stream,
      [
        {
          id,
          type,
          schemaVersion: 1,
          data,
          metadata: {
            correlationId: randomUUID(),
            causationId: randomUUID(),
            commandId: randomUUID(),
            actor: { id: 'user-registrar', roles: ['registrar'] },
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    return id;
  };
  const association = (id: string, type: string, data: object = {}) =>
    registry(`association-${id}`, type, { associationId: id, ...data });
  const registered = (id: string, fr: string) =>
    association(id, 'AssociationRegistered', {
      profile: {
        names: { fr, ar: 'تويزة' },
        hostCountries: ['FR'],
        originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
        sectors: ['14030'],
        contactPerson: { name: 'Never copied', email: 'person@example.org' },
      },
      registeredAt: '2026-01-10T09:00:00.000Z',
    });
  const rows = () =>
    db
      .prepare<[], { names: string }>(
        'SELECT id, kind, names, status, merged_into, actor_kind FROM partnerships_registry_organisations ORDER BY id',
      )
      .all()
      .map((row) => ({ ...row, names: JSON.parse(row.names) as unknown }));

  it('keeps one entry per organisation however often its events come, names and all, nothing personal', async () => {
    await registered('a1', 'Tiwizi');
    await association('a1', 'AssociationVerified', { verifiedAt: '2026-01-11T09:00:00.000Z' });
    await registry('actor-council', 'ActorRegistered', {
      actorId: 'council',
      kind: 'elected-council',
      names: { fr: 'Commune de Tafraout' },
      regions: [],
      sectors: [],
    });
    await start();
    await caughtUp();
    // Redelivered from the start of the log (a lost checkpoint): the inbox skips every event.
    db.exec('DELETE FROM messaging_checkpoints');
    await start();
    await caughtUp();
    expect(transport.metrics()).toMatchObject({ processed: 0, duplicates: 3, deadLettered: 0 });
    // The inbox lost too (the entries committed, the rows not): the positions keep them as they are.
    db.exec('DELETE FROM messaging_checkpoints; DELETE FROM messaging_inbox');
    await start();
    await caughtUp();
    expect(transport.metrics()).toMatchObject({ processed: 3, deadLettered: 0 });

    expect(rows()).toEqual([
      {
        id: 'a1',
        kind: 'association',
        names: { fr: 'Tiwizi', ar: 'تويزة' },
        status: 'verified',
        merged_into: null,
        actor_kind: null,
      },
      {
        id: 'council',
        kind: 'actor',
        names: { fr: 'Commune de Tafraout' },
        status: null,
        merged_into: null,
        actor_kind: 'elected-council',
      },
    ]);
    expect(JSON.stringify(rows())).not.toContain('person@example.org');
  });

  it('follows a merger and a dissolution, and ignores an event older than the entry', async () => {
    await registered('a2', 'Absorbée');
    await association('a2', 'AssociationVerified', { verifiedAt: '2026-02-01T00:00:00.000Z' });
    await association('a2', 'AssociationMerged', { mergedAt: '2026-03-01T00:00:00.000Z', survivorId: 'a3' });
    await registered('a4', 'Dissoute');
    await association('a4', 'AssociationDissolved', { dissolvedAt: '2026-03-02T00:00:00.000Z' });
    await start();
    await caughtUp();
    expect(await directory.organisations(['a2', 'a4'])).toEqual([
      expect.objectContaining({
        id: 'a2',
        status: 'merged',
        mergedInto: 'a3',
        names: { fr: 'Absorbée', ar: 'تويزة' },
      }),
      expect.objectContaining({ id: 'a4', status: 'dissolved', mergedInto: null }),
    ]);

    // An event at a position before the entry's (a replay of an older one): it changes nothing.
    await directory.record(db, { kind: 'association', id: 'a2', status: 'verified', position: 2 });
    expect(await directory.organisations(['a2'])).toEqual([expect.objectContaining({ status: 'merged' })]);
  });

  it('is bound to the partnerships consumer: another consumer of the topic in the same app does not run it', async () => {
    await registered('a5', 'Ailleurs');
    await start('funding');
    expect(await transport.lag()).toEqual({});
    expect(rows()).toEqual([]);
  });
});
