import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GENESIS_HASH,
  LOG_SEAL_STREAM,
  NewEvent,
  NO_STREAM,
  sealDigestOf,
  sealKeyId,
  verifyLogSealSignature,
} from '@tadamon/eventsourcing';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { LogSealer } from './log-sealer';
import {
  ensureSealKeyPair,
  generateSealKeyPair,
  SEAL_PRIVATE_KEY_FILE,
  SEAL_PUBLIC_KEY_FILE,
} from './seal-keys';
import { SEAL_ACKNOWLEDGEMENT_STREAM } from './unaccounted-events';
import { verifyLog } from './verify-log';

const keys = generateSealKeyPair();
const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-sealer-'));
  directories.push(dir);
  return dir;
}

const stores: SqliteEventStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
function openStore(filename = join(tempDir(), 'events.db')): SqliteEventStore {
  const store = SqliteEventStore.open({ filename, synchronous: 'OFF' });
  stores.push(store);
  return store;
}

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'ScoreRecorded',
  schemaVersion: 1,
  data: { n },
  metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'evaluator-1', roles: [] } },
});

async function append(store: SqliteEventStore, streamId: string, count: number): Promise<void> {
  let revision: number;
  try {
    revision = (await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0].revision;
  } catch {
    revision = -1;
  }
  const events = Array.from({ length: count }, (_, i) => event(i));
  await store.appendToStream(streamId, events, { expectedRevision: revision < 0 ? NO_STREAM : revision });
}

const eventually = async (condition: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('LogSealer', () => {
  it('seals nothing on an empty log, then seals new events once: its own seal needs no seal', async () => {
    const store = openStore();
    const sealer = new LogSealer({ store, privateKey: keys.privateKey });
    expect(await sealer.sealNow()).toEqual([]);
    await append(store, 'evaluation-1', 1);
    const [seal, ...more] = await sealer.sealNow();
    expect(more).toEqual([]);
    const [row] = await store.readAllStored({ maxCount: 1 });
    expect(seal).toMatchObject({
      version: 1,
      position: row.globalPosition,
      count: 1,
      digest: sealDigestOf(GENESIS_HASH, [row.hash]),
      previousSealDigest: GENESIS_HASH,
      keyId: keys.keyId,
    });
    expect(verifyLogSealSignature(seal, keys.publicKey)).toBe(true);
    expect(await sealer.sealNow()).toEqual([]);
    const stored = await store.readStream(LOG_SEAL_STREAM);
    expect(stored.map((e) => [e.type, e.data])).toEqual([['LogSealed', seal]]);
  });

  it('seals a backlog in seals of at most everyEvents events, each chained to the one before', async () => {
    const store = openStore();
    for (let s = 0; s < 5; s++) await append(store, `evaluation-${s}`, 5);
    const seals = await new LogSealer({
      store,
      privateKey: keys.privateKey,
      everyEvents: 10,
      pageSize: 3,
    }).sealNow();
    expect(seals.length).toBeGreaterThanOrEqual(3);
    seals.forEach((seal, i) => {
      const before = i === 0 ? { count: 0, digest: GENESIS_HASH } : seals[i - 1];
      expect(seal.count - before.count).toBeLessThanOrEqual(10);
      expect(seal.previousSealDigest).toBe(before.digest);
    });
    expect(await verifyLog(store, { publicKey: keys.publicKey })).toMatchObject({
      ok: true,
      seals: { count: seals.length },
      unsealed: { count: 0 },
    });
  });

  it('lets two sealers on one log race: the loser continues from the winner’s seal', async () => {
    const filename = join(tempDir(), 'events.db');
    const [a, b] = [openStore(filename), openStore(filename)];
    const sealers = [a, b].map((store) => new LogSealer({ store, privateKey: keys.privateKey }));
    let sealed = 0;
    for (let round = 0; round < 10; round++) {
      await append(round % 2 ? a : b, `evaluation-${round % 3}`, 1 + (round % 4));
      const results = await Promise.all(sealers.map((sealer) => sealer.sealNow()));
      sealed += results.flat().length;
    }
    await sealers[0].sealNow();
    await sealers[1].sealNow();
    const result = await verifyLog(a, { publicKey: keys.publicKey });
    expect(result).toMatchObject({ ok: true, unsealed: { count: 0 } });
    expect(result.seals.count).toBeGreaterThanOrEqual(10);
    expect(sealed).toBeGreaterThanOrEqual(10);
  });

  it('resumes from the last seal after a restart, with another instance', async () => {
    const store = openStore();
    await append(store, 'evaluation-1', 3);
    const [first] = await new LogSealer({ store, privateKey: keys.privateKey }).sealNow();
    await append(store, 'evaluation-1', 2);
    const [second] = await new LogSealer({ store, privateKey: keys.privateKeyPem }).sealNow();
    expect(second.previousSealDigest).toBe(first.digest);
    expect(second.count).toBe(first.count + 1 + 2);
    expect((await verifyLog(store, { publicKey: keys.publicKey })).ok).toBe(true);
  });

  it('seals every intervalMs once started, and what is pending when stopped', async () => {
    const store = openStore();
    const seen: number[] = [];
    const sealer = new LogSealer({
      store,
      privateKey: keys.privateKey,
      intervalMs: 20,
      onSeal: (seal) => seen.push(seal.position),
    });
    sealer.start();
    sealer.start();
    await append(store, 'evaluation-1', 2);
    await eventually(async () => seen.length > 0, 'a first seal');
    await append(store, 'evaluation-2', 3);
    await sealer.stop();
    expect(await verifyLog(store, { publicKey: keys.publicKey })).toMatchObject({
      ok: true,
      unsealed: { count: 0 },
    });
    const count = seen.length;
    await append(store, 'evaluation-2', 1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen).toHaveLength(count);
  });

  it('reports a failed round to onError and keeps the timer going', async () => {
    const store = openStore();
    const errors: Error[] = [];
    const sealer = new LogSealer({
      store,
      privateKey: keys.privateKey,
      intervalMs: 10,
      onError: (e) => errors.push(e),
    });
    await store.close();
    sealer.start();
    await eventually(async () => errors.length >= 2, 'two failed rounds');
    await sealer.stop();
    expect(errors[0].message).toMatch(/closed/);
  });

  it('refuses bad options', () => {
    const store = openStore();
    expect(() => new LogSealer({ store, privateKey: keys.privateKey, everyEvents: 0 })).toThrow(
      /everyEvents/,
    );
    expect(() => new LogSealer({ store, privateKey: keys.privateKey, intervalMs: 1.5 })).toThrow(
      /intervalMs/,
    );
    expect(() => new LogSealer({ store, privateKey: keys.publicKeyPem })).toThrow(/private key/);
  });
});

describe('LogSealer with onlyOwnWrites (the embedded profile: one writer)', () => {
  /** One run of the platform: a store object of its own and a sealer that seals only what it wrote. */
  const run = (filename: string, extra: Partial<ConstructorParameters<typeof LogSealer>[0]> = {}) => {
    const store = openStore(filename);
    const reports: string[] = [];
    const acknowledgements: string[] = [];
    const sealer = new LogSealer({
      store,
      privateKey: keys.privateKey,
      onlyOwnWrites: true,
      stopMarkerFile: `${filename}.stopped`,
      intervalMs: 3_600_000,
      onUnaccounted: (_report, message) => reports.push(message),
      onAcknowledgement: (message) => acknowledgements.push(message),
      ...extra,
    });
    return { store, sealer, reports, acknowledgements };
  };

  it('does not seal an event appended while it was stopped: reported, then sealed once acknowledged', async () => {
    const filename = join(tempDir(), 'events.db');
    const first = run(filename);
    first.sealer.start();
    await append(first.store, 'evaluation-1', 3);
    await first.sealer.stop();
    expect(first.reports).toEqual([]);
    expect((await verifyLog(first.store, { publicKey: keys.publicKey })).unsealed.count).toBe(0);

    // Someone with the file appends a well-chained event while the platform is stopped.
    const forger = openStore(filename);
    await append(forger, 'evaluation-1', 1);
    const forged = await forger.headPosition();

    const second = run(filename);
    second.sealer.start();
    await second.sealer.sealNow();
    expect(second.reports).toHaveLength(1);
    expect(second.reports[0]).toMatch(
      new RegExp(
        `UNACCOUNTED EVENTS IN THE LOG: 1 event\\(s\\) this platform did not write, at position\\(s\\) ${forged} \\(streams evaluation-1 \\(1\\);.*appeared while the platform was stopped.*TADAMON_SEAL_ACKNOWLEDGE=${forged}`,
      ),
    );
    // Its own appends after the forged event are not sealed either: a seal covers every event before it.
    await append(second.store, 'evaluation-2', 2);
    expect(await second.sealer.sealNow()).toEqual([]);
    const status = second.sealer.status();
    expect(status.unaccounted).toMatchObject({ count: 1, firstPosition: forged, positions: [forged] });
    expect(status.sealedUpTo).toBe(forged - 2);
    const verdict = await verifyLog(second.store, { publicKey: keys.publicKey });
    expect(verdict).toMatchObject({ ok: true, unsealed: { count: 3, firstPosition: forged } });
    await second.sealer.stop();
    expect(second.reports).toHaveLength(1);

    // An acknowledgement that names another position is refused; nothing is sealed.
    const wrong = run(filename, { acknowledge: { upToPosition: forged + 1, by: 'ops' } });
    expect(await wrong.sealer.sealNow()).toEqual([]);
    expect(wrong.acknowledgements[0]).toMatch(/refused: it must name the last unaccounted event/);
    // The two appends of the second run are now as foreign as the forged one to a new process.
    const last = wrong.sealer.status().unaccounted?.lastPosition as number;
    expect(wrong.sealer.status().unaccounted).toMatchObject({ count: 3 });

    const acknowledged = run(filename, { acknowledge: { upToPosition: last, by: 'ops: checked ticket 42' } });
    const seals = await acknowledged.sealer.sealNow();
    expect(seals.length).toBeGreaterThan(0);
    expect(acknowledged.acknowledgements[0]).toMatch(
      /3 unaccounted event\(s\) up to position \d+ acknowledged/,
    );
    const [ack] = await acknowledged.store.readStream(SEAL_ACKNOWLEDGEMENT_STREAM);
    expect(ack.data).toMatchObject({
      upToPosition: last,
      count: 3,
      acknowledgedBy: 'ops: checked ticket 42',
    });
    expect(acknowledged.sealer.status().unaccounted).toBeUndefined();
    expect(await verifyLog(acknowledged.store, { publicKey: keys.publicKey })).toMatchObject({
      ok: true,
      unsealed: { count: 0 },
    });
  });

  it('after a crash, reports the unsealed tail as a window it cannot tell from forgery', async () => {
    const filename = join(tempDir(), 'events.db');
    const crashed = run(filename);
    await append(crashed.store, 'evaluation-1', 2);
    await crashed.sealer.sealNow();
    await append(crashed.store, 'evaluation-1', 1);
    // No stop(): no marker, the last append unsealed.
    const next = run(filename);
    await next.sealer.sealNow();
    expect(next.reports[0]).toMatch(/did not stop cleanly.*cannot be told apart/);
    expect(next.sealer.status().unaccounted).toMatchObject({ count: 1 });
  });

  it('seals its own appends and its own last seal; a seal signed with another key is unaccounted', async () => {
    const filename = join(tempDir(), 'events.db');
    const own = run(filename);
    await append(own.store, 'evaluation-1', 2);
    expect(await own.sealer.sealNow()).toHaveLength(1);
    await append(own.store, 'evaluation-1', 2);
    expect(await own.sealer.sealNow()).toHaveLength(1);
    expect(own.reports).toEqual([]);
    await own.sealer.stop();

    const other = generateSealKeyPair();
    const intruder = openStore(filename);
    await append(intruder, 'evaluation-3', 1);
    await new LogSealer({ store: intruder, privateKey: other.privateKey }).sealNow();
    const next = run(filename);
    await next.sealer.sealNow();
    expect(next.sealer.status().unaccounted).toMatchObject({
      count: 2,
      streams: { 'evaluation-3': 1, [LOG_SEAL_STREAM]: 1 },
    });
  });

  it('notes a clean stop only when its last round sealed everything', async () => {
    const filename = join(tempDir(), 'events.db');
    const clean = run(filename);
    clean.sealer.start();
    await append(clean.store, 'evaluation-1', 1);
    await clean.sealer.stop();
    expect(JSON.parse(readFileSync(`${filename}.stopped`, 'utf8'))).toMatchObject({ headPosition: 2 });

    // A run whose seals cannot be stored (the disk, a lock): its own events stay unsealed.
    const store = openStore(filename);
    const refusingSeals = Object.assign(Object.create(store) as SqliteEventStore, {
      appendToStream: (streamId: string, events: NewEvent[], options: { expectedRevision: never }) =>
        streamId === LOG_SEAL_STREAM
          ? Promise.reject(new Error('disk full'))
          : store.appendToStream(streamId, events, options),
    });
    const errors: Error[] = [];
    const failing = new LogSealer({
      store: refusingSeals,
      privateKey: keys.privateKey,
      onlyOwnWrites: true,
      stopMarkerFile: `${filename}.stopped`,
      intervalMs: 3_600_000,
      onError: (error) => errors.push(error),
    });
    failing.start();
    await append(store, 'evaluation-1', 1);
    await failing.stop();
    expect(errors.map((error) => error.message)).toContain('disk full');
    // The marker of the previous run was taken at start, and this stop wrote none.
    expect(existsSync(`${filename}.stopped`)).toBe(false);
  });

  it('says there is nothing to acknowledge when the log holds no unaccounted event', async () => {
    const filename = join(tempDir(), 'events.db');
    const quiet = run(filename, { acknowledge: { upToPosition: 3, by: 'ops' } });
    await append(quiet.store, 'evaluation-1', 1);
    await quiet.sealer.sealNow();
    expect(quiet.acknowledgements[0]).toMatch(/nothing to acknowledge/);
  });

  it('refuses onlyOwnWrites on a store that does not report its commits', () => {
    const store = openStore();
    const blind = Object.assign(Object.create(store) as SqliteEventStore, { onCommitted: undefined });
    expect(() => new LogSealer({ store: blind, privateKey: keys.privateKey, onlyOwnWrites: true })).toThrow(
      /onCommitted/,
    );
  });
});

describe('ensureSealKeyPair', () => {
  it('generates the pair in the data folder once (private key mode 600), then reads it', () => {
    const dir = join(tempDir(), 'data');
    const first = ensureSealKeyPair(dir);
    expect(first.generated).toBe(true);
    expect(statSync(join(dir, SEAL_PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, SEAL_PUBLIC_KEY_FILE), 'utf8')).toBe(first.publicKeyPem);
    unlinkSync(join(dir, SEAL_PUBLIC_KEY_FILE));
    const again = ensureSealKeyPair(dir);
    expect(again.generated).toBe(false);
    expect(again.keyId).toBe(first.keyId);
    expect(sealKeyId(again.privateKey)).toBe(first.keyId);
    expect(readFileSync(join(dir, SEAL_PUBLIC_KEY_FILE), 'utf8')).toBe(first.publicKeyPem);
  });
});
