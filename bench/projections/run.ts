/**
 * npm run bench:projections — rebuild throughput of the projection runner (shared/BENCHMARKS.md).
 * - mingo (embedded profile): rebuild events/s (target >= 100,000).
 * - MongoDB protocol (FerretDB here): rebuild vs a raw bulkWrite of the same writes in the same
 *   run, same chunking, same database server (target ratio >= 0.5).
 * The log is the deterministic sample log (sampleAppends) in a SQLite event store.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { NO_STREAM } from '@tadamon/eventsourcing';
import { SqliteEventStore } from '@tadamon/event-store';
import {
  MAX_OPS_PER_BULK_WRITE,
  MingoDocumentStore,
  MongooseDocumentStore,
  ProjectionRunner,
} from '@tadamon/read-store';
import { sampleAppends, sampleDirectoryProjection } from '@tadamon/read-store/testing';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
const MINGO_STREAMS = 10_000;
const MONGO_STREAMS = 400;
const EVENTS_PER_STREAM = 10;
const ROUNDS = 2;

const log = (line: string) => process.stdout.write(`${line}\n`);
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function seededStore(dir: string, streams: number): Promise<SqliteEventStore> {
  const store = SqliteEventStore.open({ filename: join(dir, `events-${streams}.db`), synchronous: 'OFF' });
  for (const { streamId, events } of sampleAppends(streams, EVENTS_PER_STREAM)) {
    await store.appendToStream(streamId, events, { expectedRevision: NO_STREAM });
  }
  return store;
}

async function timed(body: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function mingoSection(store: SqliteEventStore) {
  const docs = new MingoDocumentStore();
  const runner = new ProjectionRunner(store, docs, sampleDirectoryProjection, { batchSize: 1000 });
  await runner.rebuild(); // warm-up
  let total = 0;
  for (let i = 0; i < ROUNDS; i++) total += await timed(() => runner.rebuild());
  const events = MINGO_STREAMS * EVENTS_PER_STREAM;
  return { eventsPerSec: (events * ROUNDS) / total, events };
}

/** The writes the projection asks for, as plain unguarded upserts: what a raw writer would send. */
async function rawOps(store: SqliteEventStore) {
  const byCollection = new Map<string, mongo.AnyBulkWriteOperation[]>();
  let events = 0;
  for (let after = 0; ; ) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) break;
    for (const event of batch) {
      events++;
      for (const write of sampleDirectoryProjection.project(event)) {
        if (!('upsert' in write)) continue;
        let ops = byCollection.get(write.collection);
        if (!ops) byCollection.set(write.collection, (ops = []));
        const update = write.upsert.update as mongo.UpdateFilter<mongo.Document>;
        ops.push({ updateOne: { filter: { _id: write.upsert.id } as mongo.Filter<mongo.Document>, update, upsert: true } });
      }
    }
    after = batch[batch.length - 1].globalPosition;
  }
  return { byCollection, events };
}

async function mongoSection(store: SqliteEventStore) {
  const raw = await rawOps(store);
  const client = new mongo.MongoClient(MONGO_URL);
  await client.connect();
  const rawDb = client.db(`bench_raw_${process.pid}`);
  const docs = await MongooseDocumentStore.connect(MONGO_URL, `bench_projection_${process.pid}`);
  const runner = new ProjectionRunner(store, docs, sampleDirectoryProjection, { batchSize: 1000 });
  const rawPass = async () => {
    await rawDb.dropDatabase();
    for (const [collection, ops] of raw.byCollection) {
      for (let i = 0; i < ops.length; i += MAX_OPS_PER_BULK_WRITE) {
        await rawDb.collection(collection).bulkWrite(ops.slice(i, i + MAX_OPS_PER_BULK_WRITE), { ordered: true });
      }
    }
  };
  let rawSeconds = 0;
  let projectSeconds = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // Alternating which goes first spreads the drift of a shared machine over both.
    if (i % 2 === 0) rawSeconds += await timed(rawPass);
    projectSeconds += await timed(() => runner.rebuild());
    if (i % 2 === 1) rawSeconds += await timed(rawPass);
  }
  const counts = await Promise.all(
    sampleDirectoryProjection.collections.map(async (c) => [
      await docs.collection(c).count(),
      await rawDb.collection(c).countDocuments(),
    ]),
  );
  if (counts.some(([a, b]) => a !== b)) throw new Error(`raw and projected document counts differ: ${counts}`);
  await rawDb.dropDatabase();
  await docs.dropDatabase();
  await docs.close();
  await client.close();
  const writes = [...raw.byCollection.values()].reduce((n, ops) => n + ops.length, 0);
  return {
    events: raw.events,
    writes,
    projectEventsPerSec: (raw.events * ROUNDS) / projectSeconds,
    rawEventsPerSec: (raw.events * ROUNDS) / rawSeconds,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-projections-'));
  try {
    log(`seeding ${MINGO_STREAMS * EVENTS_PER_STREAM} and ${MONGO_STREAMS * EVENTS_PER_STREAM} events (SQLite)...`);
    const big = await seededStore(dir, MINGO_STREAMS);
    const small = await seededStore(dir, MONGO_STREAMS);
    const mingoResult = await mingoSection(big);
    log(`mingo rebuild: ${Math.round(mingoResult.eventsPerSec).toLocaleString('en')} events/s (${mingoResult.events} events)`);
    const mongoResult = await mongoSection(small);
    const ratio = mongoResult.projectEventsPerSec / mongoResult.rawEventsPerSec;
    log(
      `mongo rebuild: ${Math.round(mongoResult.projectEventsPerSec)} events/s vs raw bulkWrite ` +
        `${Math.round(mongoResult.rawEventsPerSec)} events/s (${mongoResult.writes} writes): ratio ${round(ratio)}`,
    );
    await big.close();
    await small.close();
    const result = {
      name: 'projections',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      metrics: {
        'mingo.rebuild.eventsPerSec': Math.round(mingoResult.eventsPerSec),
        'mongo.rebuild.eventsPerSec': Math.round(mongoResult.projectEventsPerSec),
      },
      limits: { 'mongo.rawBulkWrite.eventsPerSec': Math.round(mongoResult.rawEventsPerSec) },
      ratios: { 'mongo.rebuild': round(ratio) },
      targets: { 'mongo.rebuild': 0.5, 'mingo.rebuild.eventsPerSec': 100_000 },
      params: {
        mongoUrl: MONGO_URL.replace(/\/\/[^@]*@/, '//'),
        mingoEvents: mingoResult.events,
        mongoEvents: mongoResult.events,
        mongoWrites: mongoResult.writes,
        opsPerBulkWrite: MAX_OPS_PER_BULK_WRITE,
        rounds: ROUNDS,
      },
      seconds: round((Date.now() - started) / 1000, 1),
    };
    const out = join(__dirname, '..', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'projections.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(`written bench/results/projections.json in ${result.seconds} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
