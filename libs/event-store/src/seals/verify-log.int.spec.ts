import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import {
  ANY,
  canonicalJson,
  GENESIS_HASH,
  LOG_SEAL_STREAM,
  LogSeal,
  NewEvent,
  NO_STREAM,
  sealDigestOf,
} from '@tadamon/eventsourcing';
import { requireServer } from '@tadamon/testing';
import { EventStore, StoredEvent } from '../event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import {
  LogTamper,
  postgresLogTamper,
  rechained,
  rehashed,
  sqliteLogTamper,
  sqliteStorageTamper,
  STORAGE_TAMPER_CASES,
} from '../testing';
import { LogSealer } from './log-sealer';
import { generateSealKeyPair } from './seal-keys';
import { LogBreak, LogVerification, verifyLog, VerifyLogOptions } from './verify-log';

const keys = generateSealKeyPair();
const otherKeys = generateSealKeyPair();

interface LogFixture {
  /** The writer. */
  store: EventStore;
  /** The same storage opened read-only, as the auditor opens it. */
  reader: EventStore;
  tamper: LogTamper;
  /** How this fixture's verifications run (threads). */
  options?: VerifyLogOptions;
  /** Before each verification: the file fixture checkpoints the write-ahead log into the file. */
  settle?(): void;
  /** The worker threads read the file's pages directly (a log at rest). */
  readsFile?: boolean;
  cleanup(): Promise<void>;
}

const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function sqliteFixture(): Promise<LogFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-verify-'));
  directories.push(dir);
  const filename = join(dir, 'events.db');
  const store = SqliteEventStore.open({ filename, synchronous: 'OFF' });
  const reader = SqliteEventStore.open({ filename, readOnly: true });
  const tamper = sqliteLogTamper(filename);
  return {
    store,
    reader,
    tamper,
    async cleanup() {
      await tamper.close();
      await reader.close();
      await store.close();
    },
  };
}

/** The same SQLite log verified by two worker threads (live: through SQLite). */
async function sqliteTwoThreadsFixture(): Promise<LogFixture> {
  return { ...(await sqliteFixture()), options: { threads: 2 } };
}

/**
 * Two threads reading the file's pages: before each verification the write-ahead log is
 * checkpointed into the file and truncated, so the log is at rest as a stopped platform leaves it.
 */
async function sqliteFileFixture(): Promise<LogFixture> {
  const fixture = await sqliteFixture();
  return {
    ...fixture,
    options: { threads: 2 },
    readsFile: true,
    settle() {
      checkpoint(fixture);
    },
  };
}

/** Checkpoints the write-ahead log into the file and empties it: the log is then at rest. */
function checkpoint(f: LogFixture): void {
  const db = new Database((f.reader as SqliteEventStore).filename);
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  db.close();
  if (result.busy !== 0) throw new Error('the write-ahead log could not be checkpointed');
}

/** verifyLog as the fixture runs it (settled first), checking how the rows were read. */
async function verifyOn(f: LogFixture, options: VerifyLogOptions): Promise<LogVerification> {
  f.settle?.();
  const result = await verifyLog(f.reader, { ...f.options, ...options });
  if (options.stream === undefined) expect(result.fileRead).toBe(f.readsFile ?? false);
  return result;
}

async function postgresFixture(): Promise<LogFixture> {
  const connectionString = requireServer('postgres');
  const schema = `verify_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const pool = new Pool({ connectionString, max: 4 });
  const store = await PostgresEventStore.connect({ pool, schema });
  const reader = await PostgresEventStore.connect({ connectionString, schema, readOnly: true });
  return {
    store,
    reader,
    tamper: postgresLogTamper(pool, schema),
    async cleanup() {
      await reader.close();
      await store.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  actor: { id: 'officer-1', roles: ['officer'] },
};
const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'BudgetCommitted',
  schemaVersion: 1,
  // U+FFFD is valid text: its bytes are what the storage cases swap for bytes that are not UTF-8.
  data: { n, amount: 250_000 + n, currency: 'USD', note: 'Figuig — coopérative agricole تعاونية \uFFFD' },
  metadata,
});

/**
 * Six streams written in four interleaved rounds, sealed after the second and the third: seals[0]
 * covers rounds 1-2, seals[1] covers seals[0]'s own row and round 3, round 4 is not yet sealed.
 */
async function writeLog(store: EventStore): Promise<{ streams: string[]; seals: LogSeal[] }> {
  const sealer = new LogSealer({ store, privateKey: keys.privateKey });
  const streams = Array.from(
    { length: 6 },
    (_, i) => `${i % 2 ? 'budgetEnvelope' : 'grantApplication'}-${randomUUID()}`,
  );
  const revisions = new Map<string, number>();
  let n = 0;
  const round = async (r: number) => {
    for (const [i, streamId] of streams.entries()) {
      const events = Array.from({ length: 1 + ((r + i) % 2) }, () => event(n++));
      const result = await store.appendToStream(streamId, events, {
        expectedRevision: revisions.get(streamId) ?? NO_STREAM,
      });
      revisions.set(streamId, result.nextExpectedRevision);
    }
  };
  await round(0);
  await round(1);
  const first = await sealer.sealNow();
  await round(2);
  const second = await sealer.sealNow();
  await round(3);
  return { streams, seals: [...first, ...second] };
}

function expectBroken(result: LogVerification): LogBreak {
  if (result.ok) throw new Error(`expected a broken log, got ${JSON.stringify(result)}`);
  return result.broken;
}

const isSeal = (row: StoredEvent) => row.streamId === LOG_SEAL_STREAM;

describe.each([
  ['SQLite', sqliteFixture],
  ['SQLite, two threads', sqliteTwoThreadsFixture],
  ['SQLite, two threads reading the file at rest', sqliteFileFixture],
  ['PostgreSQL', postgresFixture],
])('verifyLog on %s', (_name, open) => {
  let f: LogFixture;
  let streams: string[];
  let seals: LogSeal[];
  let rows: StoredEvent[];
  const verify = (options: VerifyLogOptions = {}) => verifyOn(f, { publicKey: keys.publicKey, ...options });
  /** The seal event (its own row) of seals[i]. */
  const sealRow = (i: number) => rows.filter(isSeal)[i];
  const streamRows = (streamId: string) => rows.filter((row) => row.streamId === streamId);

  beforeEach(async () => {
    f = await open();
    ({ streams, seals } = await writeLog(f.store));
    rows = await f.tamper.rows();
  });
  afterEach(async () => {
    await f?.cleanup();
  });

  it('passes a clean log: every chain, both seals, and counts what is not yet sealed', async () => {
    expect(seals).toHaveLength(2);
    const result = await verify();
    const unsealed = rows.filter((row) => row.globalPosition > seals[1].position && !isSeal(row));
    expect(result).toMatchObject({
      ok: true,
      scope: 'log',
      events: rows.length,
      streams: 7,
      head: rows[rows.length - 1].globalPosition,
      seals: {
        checked: true,
        signaturesChecked: true,
        count: 2,
        last: {
          position: seals[1].position,
          count: seals[1].count,
          digest: seals[1].digest,
          sealPosition: sealRow(1).globalPosition,
          keyId: keys.keyId,
        },
      },
      unsealed: {
        count: unsealed.length,
        firstPosition: unsealed[0].globalPosition,
        firstRecordedAt: unsealed[0].recordedAt,
      },
    });
    expect(seals[0].count).toBe(rows.filter((row) => row.globalPosition <= seals[0].position).length);
    expect(seals[1].previousSealDigest).toBe(seals[0].digest);
    expect(seals[0].previousSealDigest).toBe(GENESIS_HASH);
  });

  it('reports progress page by page up to the head', async () => {
    const progress: number[] = [];
    const result = await verify({ pageSize: 7, onProgress: (p) => progress.push(p.position) });
    expect(result.ok).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(rows.length / 7));
    expect(progress[progress.length - 1]).toBe(rows[rows.length - 1].globalPosition);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('catches a flipped byte in an event’s data (raw SQL UPDATE)', async () => {
    const target = streamRows(streams[2])[1];
    await f.tamper.flipByte(target.id);
    expect(expectBroken(await verify())).toMatchObject({
      streamId: streams[2],
      revision: 1,
      position: target.globalPosition,
      eventId: target.id,
      reason: 'hash-mismatch',
    });
  });

  it('catches a deleted middle event, naming the next event of its stream', async () => {
    const [, deleted, next] = streamRows(streams[1]);
    await f.tamper.deleteEvents([deleted.id]);
    expect(expectBroken(await verify())).toMatchObject({
      streamId: streams[1],
      revision: next.revision,
      position: next.globalPosition,
      eventId: next.id,
      reason: 'revision-gap',
    });
  });

  it('catches a deleted event that was the last of its stream (no chain sees it): the seal does', async () => {
    // The stream's last sealed event goes, with every later event of the stream: its chain still holds.
    const victim = streamRows(streams[0]);
    const lastSealed = victim.filter((row) => row.globalPosition <= seals[0].position).pop() as StoredEvent;
    const removed = victim.filter((row) => row.revision >= lastSealed.revision);
    expect(removed.length).toBeGreaterThan(1);
    await f.tamper.deleteEvents(removed.map((row) => row.id));
    expect(expectBroken(await verify())).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 0,
      position: sealRow(0).globalPosition,
      reason: 'seal-count-mismatch',
    });
  });

  it('catches the newest events deleted across streams after they were sealed (the seal stays)', async () => {
    const k = 5;
    const newestSealed = rows
      .filter((row) => row.globalPosition <= seals[1].position && !isSeal(row))
      .slice(-k);
    expect(new Set(newestSealed.map((row) => row.streamId)).size).toBeGreaterThan(1);
    await f.tamper.deleteEvents(newestSealed.map((row) => row.id));
    const broken = expectBroken(await verify());
    expect(broken).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 1,
      position: sealRow(1).globalPosition,
      reason: 'seal-count-mismatch',
    });
    expect(broken.detail).toContain(`${k} sealed event(s) were removed`);
  });

  it('cannot see the newest events deleted with the newest seal, unless the auditor holds that seal', async () => {
    // The documented limit: the log ends at seals[0]'s segment plus events nothing sealed any more.
    const newest = rows.filter((row) => row.globalPosition > seals[1].position - 3);
    expect(newest.some((row) => row.id === sealRow(1).id)).toBe(true);
    await f.tamper.deleteEvents(newest.map((row) => row.id));
    expect((await verifyOn(f, { chainsOnly: true })).ok).toBe(true);
    const blind = await verify();
    expect(blind.ok).toBe(true);
    expect(blind.seals.count).toBe(1);
    expect(blind.unsealed.count).toBeGreaterThan(0);
    expect(expectBroken(await verify({ knownSealDigest: seals[1].digest }))).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      reason: 'known-seal-missing',
    });
    expect((await verify({ knownSealDigest: seals[0].digest })).ok).toBe(true);
    // A witnessed list: every digest must be there; the message says how many are not.
    const witnessed = expectBroken(await verify({ knownSealDigests: [seals[0].digest, seals[1].digest] }));
    expect(witnessed).toMatchObject({ reason: 'known-seal-missing' });
    expect(witnessed.detail).toMatch(
      new RegExp(
        `^1 of the 2 seal digest\\(s\\) witnessed outside the log is not in it \\(the first: ${seals[1].digest}\\)`,
      ),
    );
    expect((await verify({ knownSealDigests: [seals[0].digest] })).ok).toBe(true);
  });

  it('catches a reorder of two events of one stream (positions swapped)', async () => {
    const [first, , third] = streamRows(streams[3]);
    await f.tamper.swapPositions(first.id, third.id);
    expect(expectBroken(await verify())).toMatchObject({
      streamId: streams[3],
      revision: third.revision,
      position: first.globalPosition,
      eventId: third.id,
      reason: 'out-of-order',
    });
  });

  it('catches a reorder of two sealed events of different streams (every chain still holds) by the seal digest', async () => {
    const i = rows.findIndex(
      (row, j) =>
        j + 1 < rows.length && row.streamId !== rows[j + 1].streamId && !isSeal(row) && !isSeal(rows[j + 1]),
    );
    expect(rows[i + 1].globalPosition).toBeLessThanOrEqual(seals[0].position);
    await f.tamper.swapPositions(rows[i].id, rows[i + 1].id);
    expect(expectBroken(await verify())).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 0,
      reason: 'seal-digest-mismatch',
    });
  });

  it('catches an inserted row whose own hash is recomputed but whose link is wrong', async () => {
    const tail = streamRows(streams[4]);
    const last = tail[tail.length - 1];
    const forged = rehashed({
      ...last,
      id: randomUUID(),
      revision: last.revision + 1,
      globalPosition: rows[rows.length - 1].globalPosition + 1,
      dataJson: canonicalJson({ n: 999, amount: 1_000_000, currency: 'USD', note: 'forged' }),
      prevHash: rehashed({ ...last, prevHash: GENESIS_HASH }).hash,
    });
    await f.tamper.insertAt(forged);
    expect(expectBroken(await verify())).toMatchObject({
      streamId: streams[4],
      revision: last.revision + 1,
      position: forged.globalPosition,
      eventId: forged.id,
      reason: 'broken-link',
    });
  });

  it('catches an insertion with a fully recomputed chain (every chain holds) by the seal', async () => {
    const [first, second, ...rest] = streamRows(streams[5]);
    expect(second.globalPosition).toBeLessThan(seals[0].position);
    const forged = rehashed({
      ...second,
      id: randomUUID(),
      dataJson: canonicalJson({ n: 999, amount: 1_000_000, currency: 'USD', note: 'forged' }),
      prevHash: first.hash,
    });
    const moved = rechained(
      [second, ...rest].map((row) => ({ ...row, revision: row.revision + 1 })),
      forged.hash,
    );
    await f.tamper.rewrite(moved);
    await f.tamper.insertAt(forged);
    // Every stream's chain verifies on its own:
    expect((await verifyOn(f, { chainsOnly: true })).ok).toBe(true);
    const broken = expectBroken(await verify());
    expect(broken).toMatchObject({ streamId: LOG_SEAL_STREAM, revision: 0 });
    expect(['seal-count-mismatch', 'seal-digest-mismatch']).toContain(broken.reason);
  });

  it('catches an event rewritten with a fully recomputed chain by the seal digest', async () => {
    const [first, second, ...rest] = streamRows(streams[1]);
    const altered = { ...second, dataJson: second.dataJson.replace('250', '950') };
    expect(altered.dataJson).not.toBe(second.dataJson);
    await f.tamper.rewrite(rechained([altered, ...rest], first.hash));
    expect((await verifyOn(f, { chainsOnly: true })).ok).toBe(true);
    expect(expectBroken(await verify())).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 0,
      position: sealRow(0).globalPosition,
      reason: 'seal-digest-mismatch',
    });
  });

  it('catches seals rewritten to match a tampered log: they cannot be signed again', async () => {
    // Remove a stream's sealed tail, then restate both seals (count, digest) and re-chain their stream.
    const victim = streamRows(streams[0]);
    const removed = victim.filter((row) => row.globalPosition > victim[0].globalPosition);
    await f.tamper.deleteEvents(removed.map((row) => row.id));
    const kept = (await f.tamper.rows()).filter((row) => !isSeal(row) || row.id === sealRow(0).id);
    const upTo = (p: number) => kept.filter((row) => row.globalPosition <= p);
    const first = { ...seals[0], count: upTo(seals[0].position).length };
    first.digest = sealDigestOf(
      GENESIS_HASH,
      upTo(seals[0].position).map((row) => row.hash),
    );
    await f.tamper.rewrite(rechained([{ ...sealRow(0), dataJson: canonicalJson(first) }], GENESIS_HASH));
    expect(expectBroken(await verify())).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 0,
      reason: 'seal-bad-signature',
    });
  });

  it('refuses seals checked with another public key, and a seal signed with another key', async () => {
    expect(expectBroken(await verifyOn(f, { publicKey: otherKeys.publicKey }))).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 0,
      position: sealRow(0).globalPosition,
      reason: 'seal-bad-signature',
    });
    // With several keys given, a seal is checked with the key it names.
    expect(
      expectBroken(
        await verifyOn(f, {
          publicKey: [otherKeys.publicKey, generateSealKeyPair().publicKey],
        }),
      ),
    ).toMatchObject({ revision: 0, reason: 'seal-unknown-key' });
    expect((await verifyOn(f, { publicKey: [otherKeys.publicKeyPem, keys.publicKeyPem] })).ok).toBe(true);

    // An intruder with write access appends a seal of their own.
    await f.store.appendToStream(streams[0], [event(1000)], {
      expectedRevision: streamRows(streams[0]).length - 1,
    });
    const [forged] = await new LogSealer({ store: f.store, privateKey: otherKeys.privateKey }).sealNow();
    expect(forged).toBeDefined();
    expect(expectBroken(await verify())).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 2,
      reason: 'seal-bad-signature',
    });
  });

  it('reports a malformed seal where it stands', async () => {
    await f.store.appendToStream(
      LOG_SEAL_STREAM,
      [{ ...event(0), type: 'LogSealed', data: { position: 1 } }],
      {
        expectedRevision: 1,
      },
    );
    const after = await f.tamper.rows();
    expect(expectBroken(await verify())).toMatchObject({
      streamId: LOG_SEAL_STREAM,
      revision: 2,
      position: after[after.length - 1].globalPosition,
      reason: 'seal-malformed',
    });
  });

  it('checks signatures only when given a key, and no seal at all with chainsOnly', async () => {
    const unsigned = await verifyOn(f, {});
    expect(unsigned).toMatchObject({
      ok: true,
      seals: { checked: true, signaturesChecked: false, count: 2 },
    });
    const chains = await verifyOn(f, { chainsOnly: true });
    expect(chains).toMatchObject({ ok: true, seals: { checked: false, count: 0 }, events: rows.length });
  });

  it('verifies one stream with --stream semantics, blind to the other streams', async () => {
    await f.tamper.flipByte(streamRows(streams[0])[0].id);
    const target = streamRows(streams[2]);
    expect(await verifyOn(f, { stream: streams[2] })).toMatchObject({
      ok: true,
      scope: 'stream',
      events: target.length,
      seals: { checked: false },
    });
    await f.tamper.flipByte(target[2].id);
    expect(expectBroken(await verifyOn(f, { stream: streams[2] }))).toMatchObject({
      streamId: streams[2],
      revision: 2,
      position: target[2].globalPosition,
      reason: 'hash-mismatch',
    });
  });

  it('passes a log written by concurrent writers while the sealer runs', async () => {
    const sealer = new LogSealer({
      store: f.store,
      privateKey: keys.privateKey,
      intervalMs: 5,
      everyEvents: 17,
    });
    sealer.start();
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        const streamId = `grantApplication-${randomUUID()}`;
        for (let i = 0; i < 25; i++) {
          await f.store.appendToStream(streamId, [event(w * 100 + i)], {
            expectedRevision: i === 0 ? NO_STREAM : i - 1,
          });
          if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }),
    );
    await sealer.stop();
    const result = await verify();
    expect(result).toMatchObject({ ok: true, unsealed: { count: 0 } });
    expect(result.seals.count).toBeGreaterThanOrEqual(2 + Math.ceil(100 / 17));
  });
});

describe('verifyLog on several threads, over many pages per shard', () => {
  let f: LogFixture;
  let rows: StoredEvent[];
  /**
   * The verdict without the thread count and the way rows were read, for comparing one thread with
   * several; `atRest` first checkpoints the write-ahead log into the file, whose pages the threads
   * then read themselves (and must: fileRead).
   */
  const verdict = async (threads: number, atRest = false) => {
    if (atRest) checkpoint(f);
    const {
      threads: used,
      fileRead,
      ...rest
    } = await verifyLog(f.reader, { publicKey: keys.publicKey, threads });
    expect(used).toBe(threads);
    expect(fileRead).toBe(atRest);
    return rest;
  };

  beforeAll(async () => {
    f = await sqliteFixture();
    // 40 streams, 6,000 events, a seal every 500: each of three workers reads several pages and
    // waits for the merge (it may read only a few pages ahead).
    const sealer = new LogSealer({ store: f.store, privateKey: keys.privateKey, everyEvents: 500 });
    const streams = Array.from({ length: 40 }, (_, i) => `grantApplication-${i}-${randomUUID()}`);
    for (let round = 0; round < 50; round++) {
      await Promise.all(
        streams.map((streamId, i) =>
          f.store.appendToStream(
            streamId,
            Array.from({ length: 1 + ((round + i) % 5) }, () => event(round)),
            { expectedRevision: round === 0 ? NO_STREAM : ANY },
          ),
        ),
      );
      if (round % 10 === 9) await sealer.sealNow();
    }
    rows = await f.tamper.rows();
  }, 60000);
  afterAll(async () => {
    await f?.cleanup();
  });

  it('gives the verdict of the single-threaded pass, clean and after each tampering', async () => {
    const clean = await verdict(1);
    expect(clean).toMatchObject({ ok: true, events: rows.length, streams: 41, unsealed: { count: 0 } });
    expect(clean.seals.count).toBeGreaterThanOrEqual(10);
    expect(await verdict(3)).toEqual(clean);
    expect(await verdict(2)).toEqual(clean);
    expect(await verdict(2, true)).toEqual(clean);
    expect(await verdict(3, true)).toEqual(clean);

    const late = rows[rows.length - 200];
    await f.tamper.flipByte(late.id);
    const flipped = await verdict(1);
    expect(flipped).toMatchObject({ ok: false, broken: { eventId: late.id, reason: 'hash-mismatch' } });
    expect(await verdict(3)).toEqual(flipped);
    expect(await verdict(2, true)).toEqual(flipped);

    const middle = rows[Math.floor(rows.length / 3)];
    await f.tamper.deleteEvents([middle.id]);
    const deleted = await verdict(1);
    expect(deleted).toMatchObject({
      ok: false,
      broken: { streamId: middle.streamId, reason: 'revision-gap' },
    });
    expect(await verdict(2)).toEqual(deleted);
    expect(await verdict(3, true)).toEqual(deleted);

    // A schema version SQLite holds as a REAL: a stored value fault on every path.
    const early = rows[Math.floor(rows.length / 10)];
    const db = new Database((f.reader as SqliteEventStore).filename);
    db.prepare('UPDATE events SET schema_version = 1.5 WHERE id = ?').run(early.id);
    db.close();
    const real = await verdict(1);
    expect(real).toMatchObject({
      ok: false,
      broken: { eventId: early.id, reason: 'unexpected-storage', column: 'schema_version', found: 'REAL' },
    });
    expect(await verdict(2)).toEqual(real);
    // The file reader leaves that row to SQLite, and gives the same verdict.
    expect(await verdict(2, true)).toEqual(real);
    expect(await verdict(1, true)).toEqual(real);
  }, 60000);

  it('verifies through SQLite a file whose pages the reader does not expect, with SQLite’s verdict', async () => {
    // A row at a negative position: SQLite keeps it first; the reader stops at positions it cannot order.
    const db = new Database((f.reader as SqliteEventStore).filename);
    db.prepare(
      `INSERT INTO events (position, stream_id, category, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       SELECT -5, 'grantApplication-${randomUUID()}', category, 0, '${randomUUID()}', type, schema_version, data, metadata, recorded_at, prev_hash, hash
       FROM events WHERE position = (SELECT max(position) FROM events)`,
    ).run();
    db.close();
    checkpoint(f);
    const { threads, fileRead, ...rest } = await verifyLog(f.reader, {
      publicKey: keys.publicKey,
      threads: 2,
    });
    expect({ threads, fileRead }).toEqual({ threads: 2, fileRead: false });
    expect(rest).toEqual(await verdict(1));
  }, 60000);
});

describe('verifyLog gives one verdict on every read path for a value stored as no adapter writes it', () => {
  let dir: string;
  let pristine: string;
  let rows: StoredEvent[];
  /** The row tampered with: an event inside the first sealed segment, its data holding U+FFFD. */
  let target: StoredEvent;
  let seal: StoredEvent;
  const MODES = [
    { threads: 1, readFile: false },
    { threads: 2, readFile: false },
    { threads: 1, readFile: true },
    { threads: 2, readFile: true },
  ];

  beforeAll(async () => {
    const f = await sqliteFixture();
    await writeLog(f.store);
    rows = await f.tamper.rows();
    checkpoint(f);
    await f.cleanup();
    pristine = (f.reader as SqliteEventStore).filename;
    dir = mkdtempSync(join(tmpdir(), 'tadamon-storage-'));
    directories.push(dir);
    seal = rows.filter(isSeal)[0];
    target = rows.filter((row) => !isSeal(row) && row.globalPosition < seal.globalPosition)[5];
    expect(target.dataJson).toContain('\uFFFD');
  }, 60000);

  /**
   * A copy of the clean log, tampered with, at rest; the verdicts of every mode (which must agree).
   * With `stream`, that stream is verified alone too (--stream), over the same stored bytes: its
   * break must be the same row's.
   */
  const verdicts = async (act: (file: string) => void, stream?: string) => {
    const file = join(dir, `events-${randomUUID()}.db`);
    copyFileSync(pristine, file);
    act(file);
    const reader = SqliteEventStore.open({ filename: file, readOnly: true });
    try {
      const results = [];
      for (const mode of MODES) {
        const { threads, fileRead, ...verdict } = await verifyLog(reader, {
          publicKey: keys.publicKey,
          ...mode,
        });
        expect({ threads, fileRead }).toEqual({ threads: mode.threads, fileRead: mode.readFile });
        results.push(verdict);
      }
      for (const result of results.slice(1)) expect(result).toEqual(results[0]);
      if (stream !== undefined) {
        const alone = await verifyLog(reader, { stream });
        const broken = results[0].ok ? undefined : results[0].broken;
        expect(alone.ok ? undefined : alone.broken).toEqual(broken);
      }
      return results[0];
    } finally {
      await reader.close();
    }
  };

  it('passes the clean log, U+FFFD and all, on every path', async () => {
    expect(await verdicts(() => undefined, target.streamId)).toMatchObject({ ok: true, events: rows.length });
  }, 60000);

  for (const { name, act, column, written = column, found } of STORAGE_TAMPER_CASES) {
    it(`names ${name}`, async () => {
      const result = await verdicts(
        (file) => {
          const tamper = sqliteStorageTamper(file);
          try {
            act(tamper, target.globalPosition);
          } finally {
            tamper.close();
          }
          // A stream read by its id and ordered by revision still holds the row when neither is touched.
        },
        ['stream_id', 'revision'].includes(written) ? undefined : target.streamId,
      );
      expect(result).toMatchObject({
        ok: false,
        broken: { position: target.globalPosition, reason: 'unexpected-storage', column, found },
      });
      const broken = expectBroken(result as LogVerification);
      if (written !== 'stream_id') expect(broken.streamId).toBe(target.streamId);
      if (written !== 'id') expect(broken.eventId).toBe(target.id);
      if (written !== 'revision') expect(broken.revision).toBe(target.revision);
      expect(broken.detail).toMatch(new RegExp(`^column ${column} `));
    }, 60000);
  }

  it('steps over the empty blocks before a row inserted at a distant position, on every path', async () => {
    const far = 1_000_000_000_000;
    const result = await verdicts((file) => {
      const db = new Database(file);
      db.prepare(
        `INSERT INTO events (position, stream_id, category, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         SELECT ?, stream_id, category, revision + 100, ?, type, schema_version, data, metadata, recorded_at, prev_hash, hash
         FROM events WHERE position = ?`,
      ).run(far, randomUUID(), target.globalPosition);
      db.close();
    });
    expect(result).toMatchObject({
      ok: false,
      head: far,
      broken: { position: far, streamId: target.streamId, reason: 'revision-gap' },
    });
  }, 60000);

  it('names a row at a position beyond 2^53 (no number names it exactly) after verifying the rest, on every path', async () => {
    const file = join(dir, `events-${randomUUID()}.db`);
    copyFileSync(pristine, file);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO events (position, stream_id, category, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       SELECT ?, stream_id, category, revision + 100, ?, type, schema_version, data, metadata, recorded_at, prev_hash, hash
       FROM events WHERE position = ?`,
    ).run(2n ** 60n + 1n, randomUUID(), target.globalPosition);
    db.close();
    const reader = SqliteEventStore.open({ filename: file, readOnly: true });
    try {
      const verdicts = [];
      for (const mode of MODES) {
        // The file reader leaves such a tree to SQLite (fileRead false).
        const { threads, fileRead, ...verdict } = await verifyLog(reader, {
          publicKey: keys.publicKey,
          ...mode,
        });
        expect({ threads, fileRead }).toEqual({ threads: mode.threads, fileRead: false });
        verdicts.push(verdict);
      }
      for (const verdict of verdicts.slice(1)) expect(verdict).toEqual(verdicts[0]);
      expect(verdicts[0]).toMatchObject({
        ok: false,
        events: rows.length,
        broken: {
          streamId: target.streamId,
          reason: 'unexpected-storage',
          column: 'position',
          found: 'an integer beyond ±(2^53 − 1)',
        },
      });
    } finally {
      await reader.close();
    }
  }, 60000);

  it.each([['stream_id'], ['data'], ['hash']] as const)(
    'names a seal whose %s is stored as a BLOB, where it stands',
    async (column) => {
      const result = await verdicts((file) => {
        const tamper = sqliteStorageTamper(file);
        tamper.asBlob(seal.globalPosition, column);
        tamper.close();
      });
      expect(result).toMatchObject({
        ok: false,
        broken: { position: seal.globalPosition, reason: 'unexpected-storage', column, found: 'BLOB' },
      });
    },
    60000,
  );
});

describe('verifyLog on a SQLite log stored in another encoding than UTF-8', () => {
  it('refuses it with a clear error on every path (SQLite would transcode every value it reads)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-utf16-'));
    directories.push(dir);
    const filename = join(dir, 'events.db');
    const db = new Database(filename);
    db.pragma("encoding = 'UTF-16le'");
    // The encoding is fixed when the first table is made.
    db.exec('CREATE TABLE placeholder (x)');
    db.close();
    const writer = SqliteEventStore.open({ filename, synchronous: 'OFF' });
    await writer.appendToStream(`ledger-${randomUUID()}`, [event(0)], { expectedRevision: NO_STREAM });
    await writer.close();
    const reader = SqliteEventStore.open({ filename, readOnly: true });
    try {
      for (const threads of [1, 2]) {
        for (const readFile of [true, false]) {
          await expect(verifyLog(reader, { chainsOnly: true, threads, readFile })).rejects.toThrow(
            /the log is stored as UTF-16le, not UTF-8: it is not a log this platform writes/,
          );
        }
      }
    } finally {
      await reader.close();
    }
  });
});

describe('verifyLog over the port (one thread: PostgreSQL, an in-memory SQLite store)', () => {
  it('names a value of another class as a break, not a crash, in the log and in --stream mode', async () => {
    const store = SqliteEventStore.open({ filename: ':memory:' });
    try {
      const { streams } = await writeLog(store);
      const all = await store.readAllStored();
      const victim = all.find((row) => row.streamId === streams[1] && row.revision === 1) as StoredEvent;
      // What better-sqlite3 hands over for a BLOB: a Buffer where the port promises a string.
      const readAllStored = store.readAllStored.bind(store);
      const readStoredStream = store.readStoredStream.bind(store);
      const spoiled = (row: StoredEvent) =>
        row.id === victim.id ? { ...row, dataJson: Buffer.from(row.dataJson) as unknown as string } : row;
      store.readAllStored = async (options) => (await readAllStored(options)).map(spoiled);
      store.readStoredStream = async (streamId) => (await readStoredStream(streamId)).map(spoiled);
      const expected = {
        streamId: streams[1],
        revision: 1,
        position: victim.globalPosition,
        eventId: victim.id,
        reason: 'unexpected-storage',
        column: 'data',
        found: 'BLOB',
      };
      const log = await verifyLog(store, { publicKey: keys.publicKey });
      expect(log).toMatchObject({ ok: false, threads: 1, broken: expected });
      expect(await verifyLog(store, { stream: streams[1] })).toMatchObject({
        ok: false,
        events: 1,
        broken: expected,
      });
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL keeps every value in its class and text in UTF-8 by its schema', () => {
  it('keeps a bytea as text and refuses bytes that are not UTF-8: verify meets neither; another category is named', async () => {
    const schema = `storage_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const pool = new Pool({ connectionString: requireServer('postgres'), max: 2 });
    try {
      const store = await PostgresEventStore.connect({ pool, schema });
      await store.appendToStream(`ledger-${randomUUID()}`, [event(0)], { expectedRevision: NO_STREAM });
      const [row] = await postgresLogTamper(pool, schema).rows();
      const update = (set: string, values: unknown[] = []) =>
        pool.query(`UPDATE "${schema}".events SET ${set} WHERE event_id = $1`, [row.id, ...values]);
      // A bytea assigned to a text column is stored as its text form (\x...): text, and other bytes.
      await update('data = $2::bytea', [Buffer.from(row.dataJson)]);
      const stored = await pool.query(
        `SELECT pg_typeof(data)::text AS class, left(data, 2) AS start FROM "${schema}".events`,
      );
      expect(stored.rows).toEqual([{ class: 'text', start: '\\x' }]);
      expect(await verifyLog(store, { chainsOnly: true })).toMatchObject({
        ok: false,
        broken: { eventId: row.id, reason: 'hash-mismatch' },
      });
      await expect(update("data = convert_from('\\xff'::bytea, 'UTF8')")).rejects.toThrow(
        /invalid byte sequence for encoding "UTF8"/,
      );
      await expect(update('revision = NULL')).rejects.toThrow(/null value in column "revision"/);
      // What PostgreSQL does keep: another category, which is not hashed but filters reads.
      await update('data = $2', [row.dataJson]);
      await update("category = 'evaluation'");
      expect(await verifyLog(store, { chainsOnly: true })).toMatchObject({
        ok: false,
        broken: {
          eventId: row.id,
          reason: 'unexpected-storage',
          column: 'category',
          found: "a category other than its stream id's",
        },
      });
      await store.close();
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });
});
