import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, hashInput, NewEvent, NO_STREAM, verifyStreamChain } from '@tadamon/eventsourcing';
import { SqliteEventStore, SqliteSynchronous, StoredEvent } from '@tadamon/event-store';
import { SQLITE_SCHEMA } from '../../libs/event-store/src/sqlite/sqlite-schema';
import {
  alternate,
  benchEvent,
  latencies,
  round,
  seconds,
  SectionResult,
  seededRandom,
  seededUuid,
} from '../shared/measure';

const SINGLE_ROUNDS = 8;
const SINGLE_PER_ROUND = 250;
const BATCH_ROUNDS = 4;
const BATCHES_PER_ROUND = 50;
const BATCH_SIZE = 10;
const FILL_STREAMS = 1000;
const FILL_PER_STREAM = 100;
const READ_PAGE = 1000;
const STREAMS = 100;

/** The row the adapter writes for an event, precomputed so the raw insert pays only SQLite. */
interface RawRow {
  streamId: string;
  category: string;
  revision: number;
  id: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export async function sqliteSection(
  synchronous: SqliteSynchronous,
  log: (line: string) => void,
): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-'));
  const filename = join(dir, 'events.db');
  const random = seededRandom(20260301);
  const store = SqliteEventStore.open({ filename, synchronous });
  // The raw limit: a plain connection on the same file, same pragmas, a table with the same DDL.
  const raw = new Database(filename);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.exec(SQLITE_SCHEMA.replace(/\bevents\b/g, 'raw_events').replace(/events_by_/g, 'raw_events_by_'));
  const insert = raw.prepare(
    'INSERT INTO raw_events (stream_id, category, revision, id, type, schema_version, data, metadata, ' +
      'recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRows = raw.transaction((rows: RawRow[]) => {
    for (const r of rows) {
      insert.run(
        r.streamId,
        r.category,
        r.revision,
        r.id,
        r.type,
        r.schemaVersion,
        r.data,
        r.metadata,
        r.recordedAt,
        r.prevHash,
        r.hash,
      );
    }
  });

  const streams = Array.from({ length: STREAMS }, () => `grantApplication-${seededUuid(random)}`);
  const revisions = new Map<string, number>();
  const rawRevisions = new Map<string, number>();
  const rawRowOf = (streamId: string, event: NewEvent): RawRow => {
    const revision = (rawRevisions.get(streamId) ?? -1) + 1;
    rawRevisions.set(streamId, revision);
    return {
      streamId,
      category: 'grantApplication',
      revision,
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: canonicalJson(event.data),
      metadata: canonicalJson(event.metadata),
      recordedAt: new Date().toISOString(),
      prevHash: createHash('sha256').update(event.id).digest('hex'),
      hash: createHash('sha256')
        .update(event.type + event.id)
        .digest('hex'),
    };
  };
  const appendOne = async (streamId: string, events: NewEvent[]) => {
    const current = revisions.get(streamId);
    const result = await store.appendToStream(streamId, events, { expectedRevision: current ?? NO_STREAM });
    revisions.set(streamId, result.nextExpectedRevision);
  };

  // Warm-up: statements, page cache, JIT.
  for (let i = 0; i < 200; i++) {
    const streamId = streams[i % STREAMS];
    await appendOne(streamId, [benchEvent(random)]);
    insertRows.immediate([rawRowOf(streamId, benchEvent(random))]);
  }

  const singleCount = SINGLE_ROUNDS * SINGLE_PER_ROUND;
  const singles = Array.from({ length: singleCount }, () => benchEvent(random));
  const rawSingles = Array.from({ length: singleCount }, (_, i) =>
    rawRowOf(streams[i % STREAMS], benchEvent(random)),
  );
  log(
    `sqlite: ${singleCount} single-event appends and as many raw one-row transactions (synchronous=${synchronous})`,
  );
  const single = await alternate(
    SINGLE_ROUNDS,
    SINGLE_PER_ROUND,
    (i) => appendOne(streams[i % STREAMS], [singles[i]]),
    (i) => insertRows.immediate([rawSingles[i]]),
  );

  const batchCount = BATCH_ROUNDS * BATCHES_PER_ROUND;
  const batches = Array.from({ length: batchCount }, () =>
    Array.from({ length: BATCH_SIZE }, () => benchEvent(random)),
  );
  const rawBatches = Array.from({ length: batchCount }, (_, i) =>
    Array.from({ length: BATCH_SIZE }, () => rawRowOf(streams[i % STREAMS], benchEvent(random))),
  );
  log(`sqlite: ${batchCount} appends of ${BATCH_SIZE} events and as many raw ${BATCH_SIZE}-row transactions`);
  const batch = await alternate(
    BATCH_ROUNDS,
    BATCHES_PER_ROUND,
    (i) => appendOne(streams[i % STREAMS], batches[i]),
    (i) => insertRows.immediate(rawBatches[i]),
  );

  log(`sqlite: filling ${FILL_STREAMS} streams x ${FILL_PER_STREAM} events for readAll and verification`);
  for (let s = 0; s < FILL_STREAMS; s++) {
    const streamId = `budgetEnvelope-${seededUuid(random)}`;
    await appendOne(
      streamId,
      Array.from({ length: FILL_PER_STREAM }, () => benchEvent(random, 'BudgetCommitted')),
    );
  }

  // readAll: the whole log in pages, parsed into RecordedEvents; best of 3 passes.
  const readPass = async () => {
    let after = 0;
    let count = 0;
    for (;;) {
      const page = await store.readAll({ after, maxCount: READ_PAGE });
      count += page.length;
      if (page.length < READ_PAGE) return count;
      after = page[page.length - 1].globalPosition;
    }
  };
  const rawSelect = raw
    .prepare(
      'SELECT position, stream_id, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash ' +
        'FROM events WHERE position > ? ORDER BY position LIMIT ?',
    )
    .raw(true);
  const rawReadPass = () => {
    let after = 0;
    let count = 0;
    for (;;) {
      const page = rawSelect.all(after, READ_PAGE) as unknown[][];
      count += page.length;
      if (page.length < READ_PAGE) return count;
      after = page[page.length - 1][0] as number;
    }
  };
  await readPass();
  let logSize = 0;
  const readTimes: number[] = [];
  const rawReadTimes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    readTimes.push(await seconds(async () => (logSize = await readPass())));
    rawReadTimes.push(await seconds(rawReadPass));
  }
  const readAllPerSec = logSize / Math.min(...readTimes);
  const rawReadPerSec = logSize / Math.min(...rawReadTimes);
  log(`sqlite: readAll of ${logSize} events in pages of ${READ_PAGE}`);

  // Verification: every stream's stored rows through verifyStreamChain, against raw SHA-256 of
  // the same bytes (the hashInput text and prevHash of each row, built before timing).
  const stored: StoredEvent[] = [];
  for (let after = 0; ;) {
    const page = await store.readAllStored({ after, maxCount: READ_PAGE });
    stored.push(...page);
    if (page.length < READ_PAGE) break;
    after = page[page.length - 1].globalPosition;
  }
  const byStream = new Map<string, StoredEvent[]>();
  for (const row of stored) {
    const links = byStream.get(row.streamId);
    if (links) links.push(row);
    else byStream.set(row.streamId, [row]);
  }
  const inputs = stored.map((row) => [hashInput(row, row.dataJson, row.metadataJson), row.prevHash]);
  const verifyPass = () => {
    for (const links of byStream.values()) {
      const result = verifyStreamChain(links);
      if (!result.ok) throw new Error(`bench chain broken: ${JSON.stringify(result.broken)}`);
    }
  };
  let sink = 0;
  const hashPass = () => {
    for (const [input, prevHash] of inputs) {
      sink += createHash('sha256').update(input).update(prevHash).digest('hex').length;
    }
  };
  verifyPass();
  hashPass();
  const verifyTimes: number[] = [];
  const hashTimes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    verifyTimes.push(await seconds(verifyPass));
    hashTimes.push(await seconds(hashPass));
  }
  const verifyPerSec = stored.length / Math.min(...verifyTimes);
  const hashPerSec = stored.length / Math.min(...hashTimes);
  log(
    `sqlite: verified ${stored.length} events in ${byStream.size} streams (${sink > 0 ? 'hashes checked' : ''})`,
  );

  const fileBytes = statSync(filename).size;
  const rawRows = countRows(raw);
  await store.close();
  raw.close();
  rmSync(dir, { recursive: true, force: true });

  const singleLatency = latencies(single.project.samplesNs);
  const rawLatency = latencies(single.raw.samplesNs);
  const batchEventsPerSec = batch.project.perSec * BATCH_SIZE;
  const rawBatchRowsPerSec = batch.raw.perSec * BATCH_SIZE;
  return {
    metrics: {
      'sqlite.append.eventsPerSec': round(single.project.perSec, 1),
      'sqlite.append.p50Ms': round(singleLatency.p50),
      'sqlite.append.p95Ms': round(singleLatency.p95),
      'sqlite.append.p99Ms': round(singleLatency.p99),
      'sqlite.append.maxMs': round(singleLatency.max),
      'sqlite.appendBatch10.eventsPerSec': round(batchEventsPerSec, 1),
      'sqlite.readAll.eventsPerSec': Math.round(readAllPerSec),
      'verification.eventsPerSec': Math.round(verifyPerSec),
    },
    limits: {
      'sqlite.rawInsert.rowsPerSec': round(single.raw.perSec, 1),
      'sqlite.rawInsert.p50Ms': round(rawLatency.p50),
      'sqlite.rawInsert.p95Ms': round(rawLatency.p95),
      'sqlite.rawInsert.p99Ms': round(rawLatency.p99),
      'sqlite.rawInsert.maxMs': round(rawLatency.max),
      'sqlite.rawInsertBatch10.rowsPerSec': round(rawBatchRowsPerSec, 1),
      'sqlite.rawSelect.rowsPerSec': Math.round(rawReadPerSec),
      'sha256.eventsPerSec': Math.round(hashPerSec),
    },
    ratios: {
      'sqlite.append': round(single.project.perSec / single.raw.perSec),
      'sqlite.appendBatch10': round(batchEventsPerSec / rawBatchRowsPerSec),
      'sqlite.readAll': round(readAllPerSec / rawReadPerSec),
      verification: round(verifyPerSec / hashPerSec),
    },
    params: {
      'sqlite.synchronous': synchronous,
      'sqlite.appendSamples': singleCount,
      'sqlite.batchSamples': `${batchCount} x ${BATCH_SIZE}`,
      'sqlite.streams': STREAMS,
      'sqlite.readAll.logSize': logSize,
      'sqlite.readAll.page': READ_PAGE,
      'sqlite.fileBytes': fileBytes,
      'sqlite.rawRows': rawRows,
      'verification.events': stored.length,
      'verification.streams': byStream.size,
      'event.dataBytes': Buffer.byteLength(canonicalJson(singles[0].data)),
    },
  };
}

function countRows(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM raw_events').get() as { n: number }).n;
}
