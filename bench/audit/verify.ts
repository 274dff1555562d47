import { hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, hashInput, NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import { generateSealKeyPair, LogSealer, SqliteEventStore, verifyLog } from '@tadamon/event-store';
import { benchEvent, round, seededRandom, seededUuid } from '../shared/measure';
import { AuditSection } from './section';

export interface VerifyParams {
  /** Events in the log, seals left out. */
  events: number;
  streams: number;
  /** Events per seal (LogSealer everyEvents). */
  sealEvery: number;
  passes: number;
}

const EVENT_TYPES = ['ApplicationSubmitted', 'ScoreRecorded', 'BudgetCommitted', 'GrantInstalmentPaid'];
/** Rows per untimed read of the hashing-only limit. */
const RAW_CHUNK = 10_000;
/** Appends issued together while the log is written (distinct streams). */
const WAVE = 32;
/** Rows per page, for verifyLog and the raw read alike (verifyLog's default). */
const PAGE = 500;

/**
 * `verify` over a SQLite log of `events` events in `streams` streams, sealed every `sealEvery`
 * events, against raw SHA-256 of the same bytes (the text each event's hash covers) in the same
 * run: read with a bare SELECT of the same pages and hashed (the target's limit), and hashed alone
 * once read and encoded (reported). The log is written through the adapter (synchronous=OFF: it is
 * a fixture, not a measure); verifyLog reads it through a read-only store, signatures checked, with
 * its default threads (what `auditor verify` runs: one worker per core) and, reported beside, with one.
 */
export async function verifySection(
  dir: string,
  params: VerifyParams,
  log: (line: string) => void,
): Promise<AuditSection> {
  const filename = join(dir, 'audit.db');
  const keys = generateSealKeyPair();
  const random = seededRandom(20261201);
  const writer = SqliteEventStore.open({ filename, synchronous: 'OFF' });
  const sealer = new LogSealer({ store: writer, privateKey: keys.privateKey, everyEvents: params.sealEvery });

  log(
    `audit: writing ${params.events.toLocaleString('en')} events in ${params.streams.toLocaleString('en')} streams, sealed every ${params.sealEvery}`,
  );
  const streams = Array.from(
    { length: params.streams },
    (_, i) => `grantApplication${i % 4 === 0 ? '' : 'Review'}-${seededUuid(random)}`,
  );
  const revisions = new Int32Array(params.streams).fill(-1);
  const started = Date.now();
  let written = 0;
  let sinceSeal = 0;
  let nextReport = 100_000;
  while (written < params.events) {
    // A wave of concurrent writers on distinct streams: the store commits each wave together.
    const wave = new Map<number, NewEvent[]>();
    while (wave.size < WAVE && written < params.events) {
      const s = Math.floor(random() * params.streams);
      if (wave.has(s)) continue;
      const size = Math.min(1 + Math.floor(random() * 6), params.events - written);
      const type = EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)];
      wave.set(
        s,
        Array.from({ length: size }, () => benchEvent(random, type)),
      );
      written += size;
      sinceSeal += size;
    }
    await Promise.all(
      [...wave].map(async ([s, events]) => {
        const result = await writer.appendToStream(streams[s], events, {
          expectedRevision: revisions[s] < 0 ? NO_STREAM : revisions[s],
        });
        revisions[s] = result.nextExpectedRevision;
      }),
    );
    if (sinceSeal >= 10 * params.sealEvery) {
      await sealer.sealNow();
      sinceSeal = 0;
    }
    if (written >= nextReport) {
      log(`audit:   ${written.toLocaleString('en')} events (${Math.round((Date.now() - started) / 1000)} s)`);
      nextReport += 100_000;
    }
  }
  await sealer.sealNow();
  await writer.close();
  const fileBytes = statSync(filename).size;

  // The auditor's view: the file opened read-only.
  const reader = SqliteEventStore.open({ filename, readOnly: true });
  let heapPeak = 0;
  let pages = 0;
  /**
   * `threads` undefined: verifyLog's default, what `auditor verify` runs (the machine's cores, the
   * closed log's pages read by the threads); `readFile` false: the rows read through SQLite.
   */
  const verifyPass = async (threads?: number, readFile = true) => {
    const result = await verifyLog(reader, {
      publicKey: keys.publicKey,
      pageSize: PAGE,
      threads,
      readFile,
      // Sampled, not every page: reading the heap's size is not free.
      onProgress: () => {
        if (threads === undefined && pages++ % 100 === 0)
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      },
    });
    if (!result.ok) throw new Error(`the bench log does not verify: ${JSON.stringify(result.broken)}`);
    if (result.unsealed.count !== 0) throw new Error(`${result.unsealed.count} events are not sealed`);
    return result;
  };

  // The raw limit: SHA-256 of each event's hashed bytes (hashInput text followed by prevHash),
  // encoded beforehand; only the hashing is timed. The reads and encoding happen between chunks.
  const raw = new Database(filename, { readonly: true });
  const select = raw
    .prepare(
      'SELECT position, stream_id, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash FROM events ' +
        'WHERE position > ? ORDER BY position LIMIT ?',
    )
    .raw(true);
  type Row = [number, string, number, string, string, number, string, string, string, string];
  const textOf = (r: Row) =>
    hashInput(
      {
        streamId: r[1],
        revision: r[2],
        id: r[3],
        type: r[4],
        schemaVersion: r[5],
        recordedAt: r[8],
        prevHash: r[9],
      },
      r[6],
      r[7],
    ) + r[9];
  let bytesHashed = 0;
  let sink = 0;
  /** Hashing only: returns the seconds spent in SHA-256 over the whole log. */
  const hashPass = () => {
    let after = 0;
    let ns = 0n;
    let bytes = 0;
    for (;;) {
      const rows = select.all(after, RAW_CHUNK) as Row[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1][0];
      const buffers = rows.map((r) => Buffer.from(textOf(r), 'utf8'));
      const start = process.hrtime.bigint();
      for (const buffer of buffers) sink += hash('sha256', buffer, 'hex').length;
      ns += process.hrtime.bigint() - start;
      for (const buffer of buffers) bytes += buffer.length;
    }
    bytesHashed = bytes;
    return Number(ns) / 1e9;
  };
  /** Raw read and hash: the same pages read with a bare SELECT, each row's bytes hashed. */
  const readAndHashPass = () => {
    const start = process.hrtime.bigint();
    let after = 0;
    for (;;) {
      const rows = select.all(after, PAGE) as Row[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1][0];
      for (const r of rows) sink += hash('sha256', textOf(r), 'hex').length;
    }
    return Number(process.hrtime.bigint() - start) / 1e9;
  };

  log('audit: warming up');
  const first = await verifyPass();
  if (first.threads > 1 && !first.fileRead)
    throw new Error('the closed bench log was not read from its pages');
  await verifyPass(1);
  await verifyPass(undefined, false);
  hashPass();
  const verifyTimes: number[] = [];
  const oneThreadTimes: number[] = [];
  const throughSqliteTimes: number[] = [];
  const hashTimes: number[] = [];
  const readAndHashTimes: number[] = [];
  const timed = async (run: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await run();
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  for (let pass = 0; pass < params.passes; pass++) {
    // Alternated, so drift on the shared machine hits all alike.
    hashTimes.push(hashPass());
    verifyTimes.push(await timed(() => verifyPass()));
    readAndHashTimes.push(readAndHashPass());
    oneThreadTimes.push(await timed(() => verifyPass(1)));
    throughSqliteTimes.push(await timed(() => verifyPass(undefined, false)));
    log(
      `audit: pass ${pass + 1}: verify ${verifyTimes[pass].toFixed(2)} s (${first.threads} threads), ` +
        `through SQLite ${throughSqliteTimes[pass].toFixed(2)} s, on one thread ${oneThreadTimes[pass].toFixed(2)} s, ` +
        `SHA-256 ${hashTimes[pass].toFixed(2)} s, raw read+SHA-256 ${readAndHashTimes[pass].toFixed(2)} s`,
    );
  }
  raw.close();
  await reader.close();
  if (sink === 0) throw new Error('nothing hashed');

  const total = first.events;
  const verifyPerSec = total / Math.min(...verifyTimes);
  const oneThreadPerSec = total / Math.min(...oneThreadTimes);
  const throughSqlitePerSec = total / Math.min(...throughSqliteTimes);
  const hashPerSec = total / Math.min(...hashTimes);
  const readAndHashPerSec = total / Math.min(...readAndHashTimes);
  const ratio = round(verifyPerSec / readAndHashPerSec);
  return {
    metrics: {
      'verify.eventsPerSec': Math.round(verifyPerSec),
      'verify.seconds': round(Math.min(...verifyTimes)),
      'verify.heapPeakMB': round(heapPeak / 1024 / 1024, 1),
      'verify.threads': first.threads,
      'verify.oneThread.eventsPerSec': Math.round(oneThreadPerSec),
      'verify.throughSqlite.eventsPerSec': Math.round(throughSqlitePerSec),
    },
    limits: {
      'rawReadAndSha256.eventsPerSec': Math.round(readAndHashPerSec),
      'sha256.eventsPerSec': Math.round(hashPerSec),
      'sha256.MBPerSec': round(bytesHashed / 1024 / 1024 / Math.min(...hashTimes), 1),
    },
    // The target is against raw SHA-256 of the same bytes (hashing only); the ratio against a
    // bare read + hash is kept beside it, since a verifier must also read the log.
    ratios: {
      verify: round(verifyPerSec / hashPerSec),
      'verify.vsRawReadAndSha256': ratio,
      'verify.oneThread': round(oneThreadPerSec / hashPerSec),
      'verify.throughSqlite': round(throughSqlitePerSec / hashPerSec),
    },
    targets: { verify: 0.5 },
    pass: { verify: verifyPerSec / hashPerSec >= 0.5 },
    params: {
      'verify.limit':
        'rawReadAndSha256: the same pages read with a bare better-sqlite3 SELECT, SHA-256 (crypto.hash) of the bytes each ' +
        'event hash covers (hashInput + prevHash); sha256: hashing those bytes only, encoded beforehand',
      'verify.threadsNote':
        `verify ran with ${first.threads} thread(s) (verifyLog's default on this machine: ${availableParallelism()} core(s)); ` +
        `the threads read the closed log's file pages (fileRead: ${first.fileRead}); verify.throughSqlite is the same ` +
        'threads reading through SQLite (readFile: false, what a live log gets); ' +
        'the raw SHA-256 limit is single-threaded; verify.oneThread is verifyLog with threads: 1 in the same passes; ' +
        "heapPeakMB is the coordinating thread's heap",
      'verify.logEvents': total,
      'verify.dataEvents': params.events,
      'verify.streams': first.streams,
      'verify.seals': first.seals.count,
      'verify.sealEvery': params.sealEvery,
      'verify.passes': params.passes,
      'verify.fileBytes': fileBytes,
      'verify.bytesHashed': bytesHashed,
      'event.dataBytes': Buffer.byteLength(canonicalJson(benchEvent(seededRandom(1)).data)),
    },
  };
}
