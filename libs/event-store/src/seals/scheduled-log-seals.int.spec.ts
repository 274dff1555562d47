import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { generateSealKeyPair } from './seal-keys';
import { verifyLog } from './verify-log';
import { LOG_SEAL_STREAM, NO_STREAM } from '@tadamon/eventsourcing';
import { ScheduledLogSeals } from './scheduled-log-seals';

const event = (id: string) => ({
  id,
  type: 'AssociationVerified',
  schemaVersion: 1,
  data: { associationId: 'a1' },
  metadata: { correlationId: id, causationId: id, commandId: id, actor: { id: 'u', roles: ['officer'] } },
});

describe('a service seals its log on a schedule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scheduled-seals-'));
  let store: SqliteEventStore;
  const lines: string[] = [];
  const logger = {
    log: (line: string) => lines.push(`log: ${line}`),
    warn: (line: string) => lines.push(`warn: ${line}`),
    error: (line: string) => lines.push(`error: ${line}`),
  };
  beforeEach(() => {
    lines.length = 0;
    store = SqliteEventStore.open({ filename: join(dir, `${Date.now()}-${Math.random()}.db`) });
  });
  afterEach(async () => store.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says once at start that the log is not sealed when no key is given, and seals nothing', async () => {
    const seals = new ScheduledLogSeals(store, undefined, logger);
    seals.start();
    await store.appendToStream('association-a1', [event('6f1c2a3b-0000-5000-8000-000000000001')], {
      expectedRevision: NO_STREAM,
    });
    await seals.stop();
    expect(lines).toEqual([
      expect.stringMatching(/^warn: the log is not sealed: .*TADAMON_SEAL_PRIVATE_KEY/),
    ]);
    expect(await store.readAll({ categories: ['logSeal'] })).toEqual([]);
  });

  it('seals what was appended when it stops, verifiable with the public key', async () => {
    const pair = generateSealKeyPair();
    // An interval longer than the test: the seal comes from stop().
    const seals = new ScheduledLogSeals(
      store,
      { privateKey: pair.privateKey, intervalMs: 3_600_000 },
      logger,
    );
    seals.start();
    await store.appendToStream('association-a1', [event('6f1c2a3b-0000-5000-8000-000000000002')], {
      expectedRevision: NO_STREAM,
    });
    await seals.stop();
    expect(lines).toEqual([`log: sealing the log every 3600000 ms with key ${pair.keyId}`]);
    const sealed = await store.readStream(LOG_SEAL_STREAM);
    expect(sealed.at(-1)?.data).toMatchObject({ position: 1, count: 1, keyId: pair.keyId });
    expect(await verifyLog(store, { publicKey: pair.publicKey })).toMatchObject({
      ok: true,
      unsealed: { count: 0 },
    });
  });
});
