import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadSealPublicKey, SqliteEventStore, verifyLog } from '@tadamon/event-store';
import { RegistryCommands } from '@tadamon/registry';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../create-app';

jest.setTimeout(60_000);

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
