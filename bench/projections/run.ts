/**
 * npm run bench:projections — rebuild throughput of the projection runner (shared/BENCHMARKS.md).
 * - mingo (embedded profile): rebuild events/s (target >= 100,000).
 * - MongoDB protocol (FerretDB here): rebuild vs a raw bulkWrite of the same document writes (recorded
 *   from a rebuild: same documents, same chunks) into an empty database, same run, same server
 *   (target ratio >= 0.5). The difference is the runner's own work: reading the log, projecting,
 *   guarding, checkpoints.
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
const MONGO_STREAMS = 1000;
const EVENTS_PER_STREAM = 10;
const ROUNDS = 2;
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);

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

/**
 * Runs one rebuild while recording every bulkWrite the adapter sends (collection and ops): the raw
 * writer then sends exactly those writes, the same documents in the same chunks, and nothing else.
 */
async function recordWrites(runner: ProjectionRunner) {
  const recorded: Array<{ collection: string; ops: mongo.AnyBulkWriteOperation[] }> = [];
  const original = mongo.Collection.prototype.bulkWrite;
  mongo.Collection.prototype.bulkWrite = function (this: mongo.Collection, ops, options) {
    if (!this.collectionName.startsWith('_'))
      recorded.push({ collection: this.collectionName, ops: structuredClone([...ops]) });
    return original.call(this, ops, options);
  } as typeof original;
  try {
    await runner.rebuild();
  } finally {
    mongo.Collection.prototype.bulkWrite = original;
  }
  return recorded;
}

async function mongoSection(store: SqliteEventStore, events: number) {
  const client = new mongo.MongoClient(MONGO_URL);
  await client.connect();
  const rawDb = client.db(`bench_raw_${process.pid}`);
  const docs = await MongooseDocumentStore.connect(MONGO_URL, `bench_projection_${process.pid}`);
  const runner = new ProjectionRunner(store, docs, sampleDirectoryProjection, { batchSize: BATCH });
  const writes = await recordWrites(runner);
  const documentWrites = writes.reduce((n, w) => n + w.ops.length, 0);
  const rawPass = async () => {
    await rawDb.dropDatabase();
    for (const { collection, ops } of writes)
      await rawDb.collection(collection).bulkWrite(ops, { ordered: false });
  };
  let rawSeconds = 0;
  let projectSeconds = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // Alternating which goes first spreads the drift of a shared machine over both.
    if (i % 2 === 0) rawSeconds += await timed(rawPass);
    projectSeconds += await timed(() => runner.rebuild());
    if (i % 2 === 1) rawSeconds += await timed(rawPass);
  }
  for (const collection of sampleDirectoryProjection.collections) {
    const [projected, raw] = [
      await docs.collection(collection).count(),
      await rawDb.collection(collection).countDocuments(),
    ];
    if (projected !== raw) throw new Error(`${collection}: ${projected} projected documents, ${raw} raw`);
  }
  await rawDb.dropDatabase();
  await docs.dropDatabase();
  await docs.close();
  await client.close();
  return {
    events,
    documentWrites,
    projectEventsPerSec: (events * ROUNDS) / projectSeconds,
    // The raw writer sends the same document writes; its rate is stated per event of the log.
    rawEventsPerSec: (events * ROUNDS) / rawSeconds,
    rawWritesPerSec: (documentWrites * ROUNDS) / rawSeconds,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-projections-'));
  try {
    log(
      `seeding ${MINGO_STREAMS * EVENTS_PER_STREAM} and ${MONGO_STREAMS * EVENTS_PER_STREAM} events (SQLite)...`,
    );
    const big = await seededStore(dir, MINGO_STREAMS);
    const small = await seededStore(dir, MONGO_STREAMS);
    const mingoResult = await mingoSection(big);
    log(
      `mingo rebuild: ${Math.round(mingoResult.eventsPerSec).toLocaleString('en')} events/s (${mingoResult.events} events)`,
    );
    const mongoResult = await mongoSection(small, MONGO_STREAMS * EVENTS_PER_STREAM);
    const ratio = mongoResult.projectEventsPerSec / mongoResult.rawEventsPerSec;
    log(
      `mongo rebuild: ${Math.round(mongoResult.projectEventsPerSec)} events/s; raw bulkWrite of the same ` +
        `${mongoResult.documentWrites} document writes: ${Math.round(mongoResult.rawWritesPerSec)} writes/s ` +
        `(${Math.round(mongoResult.rawEventsPerSec)} log events/s): ratio ${round(ratio)}`,
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
      limits: {
        'mongo.rawBulkWrite.eventsPerSec': Math.round(mongoResult.rawEventsPerSec),
        'mongo.rawBulkWrite.writesPerSec': Math.round(mongoResult.rawWritesPerSec),
      },
      ratios: { 'mongo.rebuild': round(ratio) },
      targets: { 'mongo.rebuild': 0.5, 'mingo.rebuild.eventsPerSec': 100_000 },
      params: {
        mongoUrl: MONGO_URL.replace(/\/\/[^@]*@/, '//'),
        mingoEvents: mingoResult.events,
        mongoEvents: mongoResult.events,
        mongoDocumentWrites: mongoResult.documentWrites,
        batchSize: BATCH,
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
