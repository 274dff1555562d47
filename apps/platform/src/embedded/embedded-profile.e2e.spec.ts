import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NO_STREAM } from '@tadamon/eventsourcing';
import { EventStore, SqliteEventStore } from '@tadamon/event-store';
import { DocumentStore } from '@tadamon/read-store';
import { sampleAppends, sampleDirectoryProjection } from '@tadamon/read-store/testing';
import { RegistryCommands } from '@tadamon/registry';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { createApp } from '../create-app';
import { DOCUMENT_STORE, EVENT_STORE } from './embedded.module';

describe('the embedded profile', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-platform-'));
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const seed = SqliteEventStore.open({ filename: join(dataDir, 'events.db') });
    for (const { streamId, events } of sampleAppends(20, 3)) {
      await seed.appendToStream(streamId, events, { expectedRevision: NO_STREAM });
    }
    await seed.close();
    app = await createApp({
      logger: false,
      dataDir,
      projections: [sampleDirectoryProjection],
      logSeals: false,
    });
    await app.listen(0, '127.0.0.1');
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, APP_STOP_TIMEOUT_MS);

  const get = async (path: string) => {
    const response = await fetch(`${await app.getUrl()}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as { checks?: unknown[]; paths?: Record<string, unknown> },
    };
  };
  const status = async () => (await get('/api/platform/status')).body as Record<string, unknown>;

  it('rebuilds its in-memory read models from the SQLite log under DATA_DIR at start', async () => {
    const docs = app.get<DocumentStore>(DOCUMENT_STORE);
    expect(await docs.collection('sample_associations').count()).toBe(20);
    expect(await status()).toMatchObject({
      profile: 'embedded',
      eventStore: { kind: 'sqlite', head: 60 },
      readModels: [{ projection: 'sample-directory', position: 60, lag: 0 }],
    });
  });

  it('keeps following the log after start', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const [late] = sampleAppends(21, 1).slice(20);
    await store.appendToStream(late.streamId, late.events, { expectedRevision: NO_STREAM });
    const docs = app.get<DocumentStore>(DOCUMENT_STORE);
    const deadline = Date.now() + 3000;
    while ((await docs.collection('sample_associations').count()) < 21) {
      if (Date.now() > deadline) throw new Error('the read model did not follow the new event');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await status()).toMatchObject({
      eventStore: { head: 61 },
      readModels: [{ position: 61, lag: 0 }],
    });
  });

  it('answers liveness, and readiness per dependency', async () => {
    expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual(
      expect.arrayContaining([
        { name: 'eventStore', status: 'up' },
        { name: 'readModels', status: 'up' },
      ]),
    );
  });

  it('reports command outcomes and projection lag at /metrics', async () => {
    const commands = app.get(RegistryCommands, { strict: false });
    const officer = { id: 'user-officer', roles: ['officer'] };
    const profile = { names: { fr: 'Metrics' }, hostCountries: ['BE'] };
    await commands.execute(
      'association',
      'assoc-metrics',
      { type: 'RegisterAssociation', data: { associationId: 'assoc-metrics', profile } },
      officer,
    );
    await expect(
      commands.execute(
        'association',
        'assoc-none',
        { type: 'VerifyAssociation', data: { associationId: 'assoc-none' } },
        officer,
      ),
    ).rejects.toThrow();
    const text = await (await fetch(`${await app.getUrl()}/metrics`)).text();
    expect(text).toMatch(
      /commands_total\{[^}]*context="registry",command="RegisterAssociation",outcome="accepted"[^}]*\} 1/,
    );
    expect(text).toMatch(/commands_total\{[^}]*command="VerifyAssociation",outcome="rejected"[^}]*\} 1/);
    expect(text).toMatch(/projection_lag_events\{[^}]*projection="sample-directory"[^}]*\} \d+/);
    // The embedded transport's counters, and the process series (event-loop lag, heap).
    expect(text).toMatch(/^consumer_messages_total\{consumer="funding",outcome="processed"[^}]*\} \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{[^}]*\} [\d.e-]+$/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{[^}]*\} \d+$/m);
  });

  it('documents its API at /api/docs and answers unknown routes with problem+json', async () => {
    const docs = await get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths ?? {})).toContain('/api/platform/status');
    const missing = await get('/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/application\/problem\+json/);
  });
});

describe('the embedded profile configuration', () => {
  it('names DATA_DIR when it is not a writable folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tadamon-platform-')), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(createApp({ logger: false, dataDir: file, projections: [] })).rejects.toThrow(
      /DATA_DIR .*is not a writable folder/,
    );
  });
});
