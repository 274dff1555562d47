import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  loadSealPublicKey,
  readWitnessFile,
  SEAL_ACKNOWLEDGEMENT_STREAM,
  SqliteEventStore,
  verifyLog,
} from '@tadamon/event-store';
import { NO_STREAM } from '@tadamon/eventsourcing';
import { RegistryCommands } from '@tadamon/registry';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../create-app';

jest.setTimeout(120_000);

describe('the embedded platform seals its log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-seals-'));
  let app: NestFastifyApplication | undefined;

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const verify = async () => {
    const store = SqliteEventStore.open({ filename: join(dataDir, 'events.db'), readOnly: true });
    try {
      return await verifyLog(store, { publicKey: loadSealPublicKey(join(dataDir, 'seal-key.pub')) });
    } finally {
      await store.close();
    }
  };

  it('keeps its key pair in DATA_DIR and leaves the whole log sealed when it stops', async () => {
    app = await createApp({ logger: false, dataDir });
    expect(existsSync(join(dataDir, 'seal-key.pem'))).toBe(true);
    await app.get(RegistryCommands, { strict: false }).execute(
      'association',
      'assoc-sealed',
      {
        type: 'RegisterAssociation',
        data: { associationId: 'assoc-sealed', profile: { names: { fr: 'Scellée' }, hostCountries: ['ES'] } },
      },
      { id: 'user-officer', roles: ['officer'] },
    );
    await app.close();
    app = undefined;
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, unsealed: { count: 0 } });
    expect(verdict.seals.count).toBeGreaterThan(0);
  });

  it('lets the auditor notice that the newest event was removed', async () => {
    const db = new Database(join(dataDir, 'events.db'));
    db.prepare(
      "DELETE FROM events WHERE position = (SELECT MAX(position) FROM events WHERE category <> 'logSeal')",
    ).run();
    db.close();
    const verdict = await verify();
    expect(verdict.ok).toBe(false);
  });
});

describe('the embedded platform never seals events it did not write', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-foreign-'));
  let app: NestFastifyApplication | undefined;
  const file = join(dataDir, 'events.db');

  afterAll(async () => {
    await app?.close();
    delete process.env.TADAMON_SEAL_ACKNOWLEDGE;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const verify = async () => {
    const store = SqliteEventStore.open({ filename: file, readOnly: true });
    try {
      return await verifyLog(store, { publicKey: loadSealPublicKey(join(dataDir, 'seal-key.pub')) });
    } finally {
      await store.close();
    }
  };
  const register = (id: string) =>
    app?.get(RegistryCommands, { strict: false }).execute(
      'association',
      id,
      {
        type: 'RegisterAssociation',
        data: { associationId: id, profile: { names: { fr: id }, hostCountries: ['ES'] } },
      },
      { id: 'user-officer', roles: ['officer'] },
    );
  const start = async () => (app = await createApp({ logger: false, dataDir, demoData: false }));
  const stop = async () => {
    await app?.close();
    app = undefined;
  };

  it('reports an event appended while it was stopped, keeps it unsealed and says so on its status', async () => {
    await start();
    await register('assoc-before');
    await stop();
    expect(await verify()).toMatchObject({ ok: true, unsealed: { count: 0 } });

    // A forger with the file appends a well-chained event while the platform is stopped.
    const forger = SqliteEventStore.open({ filename: file });
    const forgedAppend = await forger.appendToStream(
      'forgery-1',
      [
        {
          id: randomUUID(),
          type: 'FundsCommitted',
          schemaVersion: 1,
          data: { amount: 90_000 },
          metadata: {
            correlationId: 'x',
            causationId: 'x',
            commandId: 'x',
            actor: { id: 'nobody', roles: [] },
          },
        },
      ],
      { expectedRevision: NO_STREAM },
    );
    await forger.close();
    const forged = forgedAppend.lastPosition;

    await start();
    await register('assoc-after');
    // The platform keeps serving (readiness stays up); its status and its log name the events.
    expect((await app?.inject({ method: 'GET', url: '/health/ready' }))?.statusCode).toBe(200);
    const status = (await app?.inject({ method: 'GET', url: '/api/platform/status' }))?.json();
    expect(status.logSeals).toMatchObject({
      sealedUpTo: forged - 2,
      unaccounted: { count: 1, firstPosition: forged, streams: { 'forgery-1': 1 } },
    });
    const message = status.logSeals.message as string;
    expect(message).toContain(
      `UNACCOUNTED EVENTS IN THE LOG: 1 event(s) this platform did not write, at position(s) ${forged}`,
    );
    expect(message).toContain('appeared while the platform was stopped');
    expect(message).toContain(`TADAMON_SEAL_ACKNOWLEDGE=${forged}`);
    const witness = await app?.inject({ method: 'GET', url: '/api/audit/witness' });
    expect(witness?.statusCode).toBe(200);
    expect(witness?.json()).toMatchObject({ latest: { position: forged - 2 } });
    await stop();

    // Before the fix the restart sealed the forged event; now it is the first unsealed one.
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, unsealed: { firstPosition: forged } });
    expect(verdict.seals.last?.position).toBe(forged - 2);
    // Each stop wrote the day's latest seal to the witness file, outside the log.
    const witnessed = readWitnessFile(join(dataDir, 'seal-witness.jsonl'));
    expect(witnessed.at(-1)).toMatchObject({ position: forged - 2, digest: verdict.seals.last?.digest });
  });

  it('seals it once an operator acknowledges it, recording the acknowledgement', async () => {
    const store = SqliteEventStore.open({ filename: file, readOnly: true });
    const head = await store.headPosition();
    await store.close();
    // Everything after the last seal is unaccounted for the new run: the forged event and the
    // last run's own unsealed appends. The acknowledgement names the last of them.
    process.env.TADAMON_SEAL_ACKNOWLEDGE = String(head);
    try {
      await start();
    } finally {
      delete process.env.TADAMON_SEAL_ACKNOWLEDGE;
    }
    // The first sealing round reads the log, records the acknowledgement, then seals.
    const deadline = Date.now() + 30_000;
    const sealStatus = async () =>
      (await app?.inject({ method: 'GET', url: '/api/platform/status' }))?.json().logSeals;
    let status = await sealStatus();
    while (status.sealedUpTo < head && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await sealStatus();
    }
    expect(status.unaccounted).toBeUndefined();
    expect(status.sealedUpTo).toBeGreaterThanOrEqual(head);
    await stop();
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, unsealed: { count: 0 } });
    const reader = SqliteEventStore.open({ filename: file, readOnly: true });
    const [ack] = await reader.readStream(SEAL_ACKNOWLEDGEMENT_STREAM);
    await reader.close();
    expect(ack.data).toMatchObject({ upToPosition: head });
  });
});
