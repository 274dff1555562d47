import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { canonicalJson, NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
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

const SCHEMA = 'bench_event_store';
const SINGLE_ROUNDS = 8;
const SINGLE_PER_ROUND = 250;
const BATCH_ROUNDS = 4;
const BATCHES_PER_ROUND = 25;
const BATCH_SIZE = 10;
const FILL_STREAMS = 200;
const FILL_PER_STREAM = 100;
const READ_PAGE = 1000;
const STREAMS = 100;

/**
 * PostgreSQL: the adapter's appends against raw one-row INSERT transactions (a named prepared
 * statement through the same kind of pool) into a copy of its events table, in one schema that
 * is dropped before and after.
 */
export async function postgresSection(
  connectionString: string,
  log: (line: string) => void,
): Promise<SectionResult> {
  const random = seededRandom(20260302);
  const admin = new Pool({ connectionString, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  const store = await PostgresEventStore.connect({ connectionString, schema: SCHEMA });
  const raw = new Pool({ connectionString, max: 1 });
  try {
    await admin.query(`CREATE TABLE ${SCHEMA}.raw_events (LIKE ${SCHEMA}.events INCLUDING ALL)`);
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]
      .server_version;
    const syncCommit = (await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]
      .synchronous_commit;

    let rawPosition = 0;
    const rawRevisions = new Map<string, number>();
    const rawRowOf = (streamId: string, event: NewEvent): unknown[] => {
      const revision = (rawRevisions.get(streamId) ?? -1) + 1;
      rawRevisions.set(streamId, revision);
      return [
        ++rawPosition,
        event.id,
        streamId,
        'grantApplication',
        revision,
        event.type,
        event.schemaVersion,
        canonicalJson(event.data),
        canonicalJson(event.metadata),
        new Date().toISOString(),
        createHash('sha256').update(event.id).digest('hex'),
        createHash('sha256')
          .update(event.type + event.id)
          .digest('hex'),
      ];
    };
    const insertText =
      `INSERT INTO ${SCHEMA}.raw_events (global_position, event_id, stream_id, category, revision, type, ` +
      'schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)';
    const rawInsert = (values: unknown[]) =>
      raw.query({ name: 'bench-raw-insert', text: insertText, values });
    // The raw batch: one multi-row INSERT, one round trip, one transaction.
    const batchText =
      `INSERT INTO ${SCHEMA}.raw_events (global_position, event_id, stream_id, category, revision, type, ` +
      'schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES ' +
      Array.from(
        { length: BATCH_SIZE },
        (_, r) => `(${Array.from({ length: 12 }, (_, c) => `$${r * 12 + c + 1}`).join(', ')})`,
      ).join(', ');
    const rawBatch = (rows: unknown[][]) =>
      raw.query({ name: 'bench-raw-insert-batch', text: batchText, values: rows.flat() });

    const streams = Array.from({ length: STREAMS }, () => `grantApplication-${seededUuid(random)}`);
    const revisions = new Map<string, number>();
    const appendOne = async (streamId: string, events: NewEvent[]) => {
      const current = revisions.get(streamId);
      const result = await store.appendToStream(streamId, events, { expectedRevision: current ?? NO_STREAM });
      revisions.set(streamId, result.nextExpectedRevision);
    };

    for (let i = 0; i < 200; i++) {
      await appendOne(streams[i % STREAMS], [benchEvent(random)]);
      await rawInsert(rawRowOf(streams[i % STREAMS], benchEvent(random)));
    }

    const singleCount = SINGLE_ROUNDS * SINGLE_PER_ROUND;
    const singles = Array.from({ length: singleCount }, () => benchEvent(random));
    const rawSingles = Array.from({ length: singleCount }, (_, i) =>
      rawRowOf(streams[i % STREAMS], benchEvent(random)),
    );
    log(`postgres ${version}: ${singleCount} single-event appends and as many raw one-row INSERTs`);
    const single = await alternate(
      SINGLE_ROUNDS,
      SINGLE_PER_ROUND,
      (i) => appendOne(streams[i % STREAMS], [singles[i]]),
      (i) => rawInsert(rawSingles[i]),
    );

    const batchCount = BATCH_ROUNDS * BATCHES_PER_ROUND;
    const batches = Array.from({ length: batchCount }, () =>
      Array.from({ length: BATCH_SIZE }, () => benchEvent(random)),
    );
    const rawBatches = Array.from({ length: batchCount }, (_, i) =>
      Array.from({ length: BATCH_SIZE }, () => rawRowOf(streams[i % STREAMS], benchEvent(random))),
    );
    log(
      `postgres: ${batchCount} appends of ${BATCH_SIZE} events and as many raw ${BATCH_SIZE}-row transactions`,
    );
    const batch = await alternate(
      BATCH_ROUNDS,
      BATCHES_PER_ROUND,
      (i) => appendOne(streams[i % STREAMS], batches[i]),
      (i) => rawBatch(rawBatches[i]),
    );

    log(`postgres: filling ${FILL_STREAMS} streams x ${FILL_PER_STREAM} events for readAll`);
    for (let s = 0; s < FILL_STREAMS; s++) {
      const events = Array.from({ length: FILL_PER_STREAM }, () => benchEvent(random, 'BudgetCommitted'));
      await appendOne(`budgetEnvelope-${seededUuid(random)}`, events);
    }
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
    const rawReadPass = async () => {
      let after = 0;
      for (;;) {
        const { rows } = await raw.query({
          name: 'bench-raw-select',
          text:
            'SELECT global_position, event_id, stream_id, revision, type, schema_version, data, metadata, ' +
            `recorded_at, prev_hash, hash FROM ${SCHEMA}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
          values: [after, READ_PAGE],
          rowMode: 'array',
        });
        if (rows.length < READ_PAGE) return;
        after = Number(rows[rows.length - 1][0]);
      }
    };
    let logSize = await readPass();
    const readTimes: number[] = [];
    const rawReadTimes: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      readTimes.push(await seconds(async () => (logSize = await readPass())));
      rawReadTimes.push(await seconds(rawReadPass));
    }
    const readAllPerSec = logSize / Math.min(...readTimes);
    const rawReadPerSec = logSize / Math.min(...rawReadTimes);
    log(`postgres: readAll of ${logSize} events in pages of ${READ_PAGE}`);

    const singleLatency = latencies(single.project.samplesNs);
    const rawLatency = latencies(single.raw.samplesNs);
    const batchEventsPerSec = batch.project.perSec * BATCH_SIZE;
    const rawBatchRowsPerSec = batch.raw.perSec * BATCH_SIZE;
    return {
      metrics: {
        'postgres.append.eventsPerSec': round(single.project.perSec, 1),
        'postgres.append.p50Ms': round(singleLatency.p50),
        'postgres.append.p95Ms': round(singleLatency.p95),
        'postgres.append.p99Ms': round(singleLatency.p99),
        'postgres.append.maxMs': round(singleLatency.max),
        'postgres.appendBatch10.eventsPerSec': round(batchEventsPerSec, 1),
        'postgres.readAll.eventsPerSec': Math.round(readAllPerSec),
      },
      limits: {
        'postgres.rawInsert.rowsPerSec': round(single.raw.perSec, 1),
        'postgres.rawInsert.p50Ms': round(rawLatency.p50),
        'postgres.rawInsert.p95Ms': round(rawLatency.p95),
        'postgres.rawInsert.p99Ms': round(rawLatency.p99),
        'postgres.rawInsert.maxMs': round(rawLatency.max),
        'postgres.rawInsertBatch10.rowsPerSec': round(rawBatchRowsPerSec, 1),
        'postgres.rawSelect.rowsPerSec': Math.round(rawReadPerSec),
      },
      ratios: {
        'postgres.append': round(single.project.perSec / single.raw.perSec),
        'postgres.appendBatch10': round(batchEventsPerSec / rawBatchRowsPerSec),
        'postgres.readAll': round(readAllPerSec / rawReadPerSec),
      },
      params: {
        'postgres.version': version,
        'postgres.synchronous_commit': syncCommit,
        'postgres.appendSamples': singleCount,
        'postgres.batchSamples': `${batchCount} x ${BATCH_SIZE}`,
        'postgres.streams': STREAMS,
        'postgres.readAll.logSize': logSize,
        'postgres.readAll.page': READ_PAGE,
      },
    };
  } finally {
    await store.close();
    await raw.end();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}
