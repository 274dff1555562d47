import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { LogTamper, postgresLogTamper, rechained, rehashed, sqliteLogTamper } from '../testing';
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
  data: { n, amount: 250_000 + n, currency: 'USD', note: 'Figuig — coopérative agricole تعاونية' },
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

    // A schema version SQLite holds as a REAL: the workers hash that row the JavaScript way.
    const early = rows[Math.floor(rows.length / 10)];
    const db = new Database((f.reader as SqliteEventStore).filename);
    db.prepare('UPDATE events SET schema_version = 1.5 WHERE id = ?').run(early.id);
    db.close();
    const real = await verdict(1);
    expect(real).toMatchObject({ ok: false, broken: { eventId: early.id, reason: 'hash-mismatch' } });
    expect(await verdict(2)).toEqual(real);
    // The file reader leaves that row to SQLite, and gives the same verdict.
    expect(await verdict(2, true)).toEqual(real);
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
