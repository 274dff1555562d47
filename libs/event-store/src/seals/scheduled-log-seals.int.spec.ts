import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { generateSealKeyPair } from './seal-keys';
import { verifyLog } from './verify-log';
import { LOG_SEAL_STREAM, NO_STREAM } from '@tadamon/eventsourcing';
import { ScheduledLogSeals } from './scheduled-log-seals';
import { LogSealer } from './log-sealer';
import { parseKnownSeals, readWitnessFile, SealWitnessFile } from './seal-witness';
import { readFileSync } from 'node:fs';

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

  it('appends the latest seal to its witness file at stop and publishes it (GET /api/audit/witness)', async () => {
    const pair = generateSealKeyPair();
    const witnessFile = join(dir, `witness-${Math.random()}.jsonl`);
    const seals = new ScheduledLogSeals(
      store,
      { privateKey: pair.privateKey, intervalMs: 3_600_000, witnessFile },
      logger,
    );
    seals.start();
    await store.appendToStream('association-a1', [event('6f1c2a3b-0000-5000-8000-000000000003')], {
      expectedRevision: NO_STREAM,
    });
    await seals.stop();
    const [last] = (await store.readStream(LOG_SEAL_STREAM)).slice(-1);
    const lines = readWitnessFile(witnessFile);
    expect(lines).toEqual([
      expect.objectContaining({
        digest: (last.data as { digest: string }).digest,
        count: 1,
        keyId: pair.keyId,
      }),
    ]);
    expect(await seals.witnessView()).toMatchObject({ latest: { digest: lines[0].digest }, days: lines });
    expect(parseKnownSeals(readFileSync(witnessFile, 'utf8'))).toEqual([lines[0].digest]);
  });
});

describe('SealWitnessFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seal-witness-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes each day's latest seal when the day changes, appending to what is there", async () => {
    const store = SqliteEventStore.open({ filename: join(dir, 'events.db') });
    const pair = generateSealKeyPair();
    const file = join(dir, 'witness.jsonl');
    const days = ['2026-12-01T10:00:00.000Z', '2026-12-01T23:00:00.000Z', '2026-12-02T08:00:00.000Z'];
    let clock = 0;
    const witness = new SealWitnessFile(file);
    const sealer = new LogSealer({
      store,
      privateKey: pair.privateKey,
      now: () => new Date(days[clock]),
      onSeal: (seal) => witness.record(seal),
    });
    for (clock = 0; clock < days.length; clock++) {
      await store.appendToStream(
        `association-${clock}`,
        [event(`6f1c2a3b-0000-5000-8000-00000000001${clock}`)],
        {
          expectedRevision: NO_STREAM,
        },
      );
      await sealer.sealNow();
    }
    // The first day's latest (its second seal) went out when the second day's first seal came.
    expect(readWitnessFile(file).map((line) => [line.day, line.sealedAt])).toEqual([['2026-12-01', days[1]]]);
    witness.flush();
    witness.flush();
    const again = new SealWitnessFile(file);
    again.flush();
    expect(readWitnessFile(file).map((line) => line.sealedAt)).toEqual([days[1], days[2]]);
    await store.close();
  });

  it('reads known seals as witness lines or bare digests, and refuses a mangled line', () => {
    const digest = 'a'.repeat(64);
    expect(parseKnownSeals(`# mailed 2026-12-02\n${digest}\n{"digest":"${'b'.repeat(64)}"}\n\n`)).toEqual([
      digest,
      'b'.repeat(64),
    ]);
    expect(() => parseKnownSeals('# nothing\n')).toThrow(/holds no seal digest/);
    expect(() => parseKnownSeals(`${digest}\n{"digest":"short"}`)).toThrow(/line 2: neither a seal digest/);
  });
});
