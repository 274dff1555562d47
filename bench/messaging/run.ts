/**
 * npm run bench:messaging — relay throughput against a raw kafkajs producer (same broker, same
 * messages, same batch size, same producer settings), and append-to-consumer latency at 500
 * events/s through relay, Kafka and the NestJS consumer with its inbox. Writes
 * bench/results/messaging.json (shared/BENCHMARKS.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { definePublication, IntegrationEvent, toIntegrationEvent } from '@tadamon/contracts';
import { SqliteEventStore } from '@tadamon/event-store';
import { ANY, eventIdFor, NewEvent } from '@tadamon/eventsourcing';
import {
  DeliveryContext,
  ensureTopics,
  HandlerErrorsPassThrough,
  InMemoryCheckpointStore,
  KafkaEventConsumer,
  KafkaRelay,
  SqliteInbox,
  toKafkaMessage,
} from '@tadamon/messaging';
import { Kafka, logLevel, Message } from 'kafkajs';
import { seededRandom } from '../shared/measure';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const THROUGHPUT_EVENTS = 20_000;
const BATCH = 500;
const STREAMS = 200;
const PARTITIONS = 3;
const RATE = 500;
const WARMUP_EVENTS = 500;
const LATENCY_EVENTS = 3_000;
const RUN = Date.now().toString(36);

const WORDS = ['association', 'projet', 'جمعية', 'مشروع', 'Agadir', 'Oujda', 'budget', 'formation', 'تضامن'];
let sequence = 0;

/** ~300 bytes of data (French and Arabic words, amounts), like the event-store bench. */
function benchEvent(random: () => number, extra: Record<string, unknown> = {}): NewEvent {
  const commandId = `bench-${RUN}-${sequence++}`;
  return {
    id: eventIdFor(commandId, 0),
    type: 'GrantInstalmentPaid',
    schemaVersion: 1,
    data: {
      amount: Math.round(random() * 1_000_000) / 100,
      currency: 'MAD',
      note: Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
      region: 'MA-09',
      ...extra,
    },
    metadata: {
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { id: 'bench', roles: [] },
    },
  };
}

const publication = (context: string, category = 'grant') =>
  definePublication({
    context,
    categories: [category],
    events: {
      GrantInstalmentPaid: { type: 'GrantInstalmentPaid', schemaVersion: 1, toData: (data: unknown) => data },
    },
  });

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

async function rawProducerThroughput(kafka: Kafka, topic: string, messages: Message[]): Promise<number> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += BATCH) {
    await producer.send({ topic, acks: -1, messages: messages.slice(i, i + BATCH) });
  }
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  return messages.length / seconds;
}

async function relayThroughput(store: SqliteEventStore, context: string, head: number): Promise<number> {
  const relay = new KafkaRelay({
    publication: publication(context),
    log: store,
    checkpoints: new InMemoryCheckpointStore(),
    kafka: { brokers: BROKERS },
    topics: { partitions: PARTITIONS },
    batchSize: BATCH,
  });
  const admin = new Kafka({ brokers: BROKERS, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  await ensureTopics(admin, [publication(context).topic], { partitions: PARTITIONS });
  await admin.disconnect();
  const started = performance.now();
  await relay.start();
  await waitFor(() => relay.metrics().checkpoint >= head, 120_000, 'the relay to catch up');
  const seconds = (performance.now() - started) / 1000;
  const { published } = relay.metrics();
  await relay.stop();
  return published / seconds;
}

async function appendToConsumerLatency(store: SqliteEventStore, dir: string) {
  const context = `benchlat${RUN}`;
  // Its own category: the relay starts at the head of the log, not behind the throughput events.
  const pub = publication(context, 'payment');
  const relay = new KafkaRelay({
    publication: pub,
    log: store,
    checkpoints: new InMemoryCheckpointStore(),
    kafka: { brokers: BROKERS },
    topics: { partitions: PARTITIONS },
    batchSize: BATCH,
  });
  await relay.start();
  const received = new Map<string, number>();
  @Controller()
  class LatencyConsumer {
    @EventPattern(pub.topic)
    onEvent(@Payload() event: IntegrationEvent<string, { sentAt: number }>, @Ctx() context: DeliveryContext) {
      void context;
      received.set(event.eventId, performance.timeOrigin + performance.now() - event.data.sentAt);
    }
  }
  @Module({ controllers: [LatencyConsumer] })
  class LatencyModule {}
  const inboxDb = new Database(join(dir, 'inbox.sqlite'));
  inboxDb.pragma('journal_mode = WAL');
  inboxDb.pragma('synchronous = NORMAL');
  const consumer = new KafkaEventConsumer({
    kafka: { brokers: BROKERS },
    group: `tadamon.${context}`,
    inbox: new SqliteInbox(inboxDb),
  });
  const app = await NestFactory.createMicroservice(LatencyModule, { strategy: consumer, logger: ['error'] });
  app.useGlobalFilters(new HandlerErrorsPassThrough());
  await app.listen();
  await consumer.whenJoined();

  const random = seededRandom(7);
  const ids: string[] = [];
  const interval = 1000 / RATE;
  const started = performance.now();
  for (let i = 0; i < WARMUP_EVENTS + LATENCY_EVENTS; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const event = benchEvent(random, { sentAt: performance.timeOrigin + performance.now() });
    ids.push(event.id);
    await store.appendToStream(`payment-${i % STREAMS}`, [event], { expectedRevision: ANY });
  }
  const achievedRate = ((WARMUP_EVENTS + LATENCY_EVENTS) / (performance.now() - started)) * 1000;
  await waitFor(() => ids.every((id) => received.has(id)), 60_000, 'every event at the consumer');
  await app.close();
  await relay.stop();
  inboxDb.close();
  const samples = ids.slice(WARMUP_EVENTS).map((id) => received.get(id) ?? Number.NaN);
  return { ...percentiles(samples), achievedRate: Math.round(achievedRate), samples: samples.length };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-messaging-'));
  const store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: BROKERS, logLevel: logLevel.ERROR });
  try {
    const random = seededRandom(42);
    process.stdout.write(`appending ${THROUGHPUT_EVENTS} events to SQLite... `);
    for (let i = 0; i < THROUGHPUT_EVENTS; i += 10) {
      const events = Array.from({ length: 10 }, () => benchEvent(random));
      await store.appendToStream(`grant-s${(i / 10) % STREAMS}`, events, { expectedRevision: ANY });
    }
    const recorded = await store.readAll({ categories: ['grant'] });
    const head = recorded[recorded.length - 1].globalPosition;
    console.log('done');

    const rawContext = `benchraw${RUN}`;
    const rawMessages = recorded.map((event) =>
      toKafkaMessage(toIntegrationEvent(publication(rawContext), event) as IntegrationEvent),
    );
    const messageBytes = Math.round(
      rawMessages.reduce((sum, m) => sum + String(m.value).length, 0) / rawMessages.length,
    );
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [publication(rawContext).topic], { partitions: PARTITIONS });
    await admin.disconnect();
    await rawProducerThroughput(kafka, publication(rawContext).topic, rawMessages.slice(0, 2000)); // warm-up
    const raw = await rawProducerThroughput(kafka, publication(rawContext).topic, rawMessages);
    const relayed = await relayThroughput(store, `benchrelay${RUN}`, head);
    console.log('measuring latency at 500 events/s...');
    const latency = await appendToConsumerLatency(store, dir);

    const round = (n: number) => Math.round(n);
    const ratio = Math.round((relayed / raw) * 100) / 100;
    const result = {
      name: 'messaging',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      setup: {
        brokers: BROKERS,
        events: THROUGHPUT_EVENTS,
        batchSize: BATCH,
        partitions: PARTITIONS,
        streams: STREAMS,
        avgMessageBytes: messageBytes,
        producer: 'idempotent, acks=all, maxInFlightRequests=1',
        latency: {
          rate: RATE,
          warmup: WARMUP_EVENTS,
          samples: latency.samples,
          achievedRate: latency.achievedRate,
          path: 'SQLite append -> relay (20 ms poll) -> Kafka -> NestJS KafkaEventConsumer + SQLite inbox',
        },
      },
      metrics: {
        'relay.eventsPerSec': round(relayed),
        'appendToConsumer.p50Ms': latency.p50,
        'appendToConsumer.p95Ms': latency.p95,
        'appendToConsumer.p99Ms': latency.p99,
        'appendToConsumer.maxMs': latency.max,
      },
      limits: { 'kafkajs.rawProducer.messagesPerSec': round(raw) },
      ratios: { 'relay.throughput': ratio },
      targets: { 'relay.throughput': 0.5, 'appendToConsumer.p99Ms': 250 },
    };
    console.table({
      'raw kafkajs producer': { value: round(raw), unit: 'msg/s' },
      relay: { value: round(relayed), unit: 'events/s' },
      'relay / raw': { value: ratio, unit: 'target >= 0.5' },
      'append->consumer p50': { value: latency.p50, unit: 'ms' },
      'append->consumer p95': { value: latency.p95, unit: 'ms' },
      'append->consumer p99': { value: latency.p99, unit: 'ms (target <= 250)' },
      'append->consumer max': { value: latency.max, unit: 'ms' },
    });
    console.log(
      `${THROUGHPUT_EVENTS} events of ~${messageBytes} bytes, batches of ${BATCH}, ${PARTITIONS} partitions; ` +
        `latency over ${latency.samples} events at ${latency.achievedRate}/s after ${WARMUP_EVENTS} warm-up`,
    );
    const out = join(__dirname, '..', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'messaging.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote ${join(out, 'messaging.json')}`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
