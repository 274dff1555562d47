import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store';
import { SqliteInbox } from '../consumer/sqlite-inbox';
import {
  counterConsumerModule,
  CounterBehaviour,
  eventually,
  startConsumer,
} from '../testing/counter-consumer';
import { counterPublication, EventLogFixture, openEventLog } from '../testing/event-log-fixture';
import { SqliteDeadLetterStore } from './dead-letter-store';
import { EmbeddedEventTransport } from './embedded-event-transport';

jest.setTimeout(30_000);

const publication = counterPublication('counting');

describe('EmbeddedEventTransport', () => {
  let log: EventLogFixture;
  let db: Database.Database;
  let app: INestMicroservice | undefined;
  let behaviour: CounterBehaviour<Database.Database>;

  beforeEach(() => {
    log = openEventLog();
    db = new Database(join(log.dir, 'consumer.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE effects (event_id TEXT PRIMARY KEY, stream TEXT NOT NULL, n INTEGER NOT NULL)');
    behaviour = {
      deliveries: [],
      effect: (tx, event) => {
        tx.prepare('INSERT INTO effects (event_id, stream, n) VALUES (?, ?, ?)').run(
          event.eventId,
          event.data.stream,
          event.data.n,
        );
      },
    };
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    db.close();
    await log.cleanup();
  });

  const transport = () =>
    new EmbeddedEventTransport({
      consumer: 'tallying',
      log: log.store,
      publications: [publication],
      checkpoints: new SqliteCheckpointStore(db),
      inbox: new SqliteInbox(db),
      deadLetters: new SqliteDeadLetterStore(db),
      retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 20 },
      pollIntervalMs: 5,
      batchSize: 7,
    });
  const start = async (strategy = transport()) => {
    app = await startConsumer(counterConsumerModule(publication.topic, behaviour), strategy);
    return strategy;
  };
  const effects = () =>
    db.prepare('SELECT stream, n FROM effects ORDER BY rowid').all() as { stream: string; n: number }[];

  it('delivers events in order per stream, caught up and live, each effect once', async () => {
    for (let n = 1; n <= 10; n++) for (const stream of ['a', 'b', 'c']) await log.append(stream, n);
    await start();
    for (let n = 11; n <= 20; n++) for (const stream of ['a', 'b', 'c']) await log.append(stream, n);
    await eventually(() => effects().length === 60, 5000, '60 effects');
    for (const stream of ['a', 'b', 'c']) {
      const ns = effects()
        .filter((row) => row.stream === stream)
        .map((row) => row.n);
      expect(ns).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
  });

  it('redelivers after a crash before its checkpoint, and the inbox keeps the effect single', async () => {
    for (let n = 1; n <= 15; n++) await log.append('a', n);
    await start();
    await eventually(() => effects().length === 15, 5000, '15 effects');
    await app?.close();
    app = undefined;
    // As if the process died after the effects committed and before the checkpoint was saved.
    await new SqliteCheckpointStore(db).save(`embedded:tallying:${publication.topic}`, 0);
    const restarted = await start();
    await eventually(() => restarted.metrics().duplicates === 15, 5000, 'the redelivery');
    expect(restarted.metrics().processed).toBe(0);
    expect(behaviour.deliveries).toHaveLength(15);
    expect(effects()).toHaveLength(15);
  });

  it('retries a failing handler with backoff, rolling back each failed attempt', async () => {
    behaviour.fails = (event, attempt) => event.data.n === 2 && attempt < 3;
    for (let n = 1; n <= 3; n++) await log.append('a', n);
    await start();
    await eventually(() => effects().length === 3, 5000, '3 effects');
    expect(effects().map((row) => row.n)).toEqual([1, 2, 3]);
    const attempts = behaviour.deliveries.filter((d) => d.event.data.n === 2);
    expect(attempts.map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(18);
  });

  it('keeps a poison event as a dead letter after the configured attempts and delivers those behind it', async () => {
    behaviour.fails = (event) => event.data.n === 2;
    for (let n = 1; n <= 4; n++) await log.append('a', n);
    const strategy = await start();
    await eventually(() => effects().length === 3, 5000, 'the events behind the poison');
    expect(effects().map((row) => row.n)).toEqual([1, 3, 4]);
    const letters = await new SqliteDeadLetterStore(db).list('tallying');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      topic: publication.topic,
      attempts: 3,
      errorMessage: 'cannot count a#2',
      event: { type: 'Counted', data: { stream: 'a', n: 2 } },
    });
    expect(await strategy.lag()).toEqual({ [publication.topic]: 0 });
    expect(strategy.metrics()).toEqual({ processed: 3, duplicates: 0, retries: 2, deadLettered: 1 });
  });

  it('leaves the handlers of topics not its own to their consumer’s transport', async () => {
    const other = counterPublication('elsewhere');
    const seen: string[] = [];
    @Controller()
    class OtherConsumer {
      @EventPattern(other.topic)
      onOther(@Payload() event: { eventId: string }) {
        seen.push(event.eventId);
      }
    }
    @Module({ imports: [counterConsumerModule(publication.topic, behaviour)], controllers: [OtherConsumer] })
    class TwoConsumersModule {}
    await expect(startConsumer(TwoConsumersModule, transport())).rejects.toThrow(
      `no publication for topic ${other.topic}`,
    );
    const strategy = new EmbeddedEventTransport({
      consumer: 'tallying',
      log: log.store,
      publications: [publication],
      topics: [publication.topic],
      checkpoints: new SqliteCheckpointStore(db),
      inbox: new SqliteInbox(db),
      deadLetters: new SqliteDeadLetterStore(db),
      pollIntervalMs: 5,
    });
    app = await startConsumer(TwoConsumersModule, strategy);
    await log.append('a', 1);
    await eventually(() => effects().length === 1, 5000, 'the effect of its own topic');
    expect(Object.keys(await strategy.lag())).toEqual([publication.topic]);
    expect(seen).toEqual([]);
  });
});
