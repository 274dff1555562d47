import { INestMicroservice } from '@nestjs/common';
import { requireServer } from '@tadamon/testing';
import { deadLetterTopic, INTEGRATION_EVENT_HEADERS } from '@tadamon/contracts';
import { PoolClient } from 'pg';
import { InMemoryCheckpointStore } from '../checkpoints/checkpoint-store';
import { DEAD_LETTER_HEADERS } from '../kafka/integration-event-message';
import { KafkaRelay } from '../relay/kafka-relay';
import {
  counterConsumerModule,
  CounterBehaviour,
  eventually,
  startConsumer,
} from '../testing/counter-consumer';
import { counterPublication, EventLogFixture, openEventLog } from '../testing/event-log-fixture';
import { effectsSchema, readTopic, uniqueName } from '../testing/kafka-fixture';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { PostgresInbox } from './postgres-inbox';

jest.setTimeout(60_000);

describe('KafkaEventConsumer on a real broker', () => {
  const brokers = () => requireServer('kafka').split(',');
  let log: EventLogFixture;
  let pg: Awaited<ReturnType<typeof effectsSchema>>;
  let relay: KafkaRelay | undefined;
  let app: INestMicroservice | undefined;

  beforeEach(async () => {
    log = openEventLog();
    pg = await effectsSchema(requireServer('postgres'));
  });

  afterEach(async () => {
    await app?.close();
    await relay?.stop();
    app = undefined;
    relay = undefined;
    await pg.drop();
    await log.cleanup();
  });

  async function startPipeline(
    context: string,
    behaviour: CounterBehaviour<PoolClient>,
    partitions: number,
    stuckAfterMs?: number,
  ) {
    const publication = counterPublication(context);
    relay = new KafkaRelay({
      publication,
      log: log.store,
      checkpoints: new InMemoryCheckpointStore(),
      kafka: { brokers: brokers() },
      topics: { partitions },
    });
    await relay.start();
    const consumer = new KafkaEventConsumer<PoolClient>({
      kafka: { brokers: brokers() },
      group: `tadamon.${context}-tallying`,
      inbox: await PostgresInbox.create(pg.pool, pg.schema),
      retry: { maxAttempts: 3, initialBackoffMs: 100, maxBackoffMs: 400 },
      stuckAfterMs,
    });
    app = await startConsumer(counterConsumerModule(publication.topic, behaviour), consumer);
    await consumer.whenJoined();
    return { publication, consumer };
  }

  it('reports itself stuck (liveness) while one delivery hangs past stuckAfterMs, and not once it moves on', async () => {
    let release: () => void = () => undefined;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const behaviour: CounterBehaviour<PoolClient> = {
      deliveries: [],
      effect: async (tx, event) => {
        if (event.data.n === 2) await hanging;
        await pg.effect(tx, event);
      },
    };
    const { consumer } = await startPipeline(uniqueName('stuck'), behaviour, 1, 1_000);
    expect(consumer.stuck()).toBeUndefined();
    await log.append('a', 1);
    await log.append('a', 2);
    await eventually(
      () => behaviour.deliveries.some((d) => d.event.data.n === 2),
      20_000,
      'the hanging delivery',
    );
    await eventually(() => consumer.stuck() !== undefined, 10_000, 'the consumer to report itself stuck');
    expect(consumer.stuck()).toMatch(/a delivery of tadamon\..*-tallying has been running for \d+ ms/);
    release();
    await eventually(() => consumer.stuck() === undefined, 10_000, 'the consumer to move on');
    await log.append('a', 3);
    await eventually(
      () => behaviour.deliveries.some((d) => d.event.data.n === 3),
      20_000,
      'the next delivery',
    );
  });

  it('dead-letters a poison message within 5 s after its retries and processes the messages behind it', async () => {
    const behaviour: CounterBehaviour<PoolClient> = {
      deliveries: [],
      effect: pg.effect,
      fails: (event) => event.data.poison === true,
    };
    const { publication, consumer } = await startPipeline(uniqueName('poison'), behaviour, 1);
    const startedAt = Date.now();
    await log.append('a', 1);
    await log.append('a', 2, { poison: true });
    await log.append('a', 3);
    await log.append('a', 4);

    const [letter] = await readTopic(
      brokers(),
      deadLetterTopic(publication.topic),
      (m) => m.length === 1,
      5000,
    );
    const elapsed = Date.now() - startedAt;
    await eventually(async () => (await pg.effects()).length === 3, 5000, 'the messages behind the poison');
    expect(elapsed).toBeLessThan(5000);

    expect((await pg.effects()).map((row) => row.n)).toEqual([1, 3, 4]);
    expect(JSON.parse(letter.value)).toMatchObject({
      type: 'Counted',
      data: { stream: 'a', n: 2, poison: true },
    });
    expect(letter.key).toBe('counter-a');
    expect(letter.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.errorMessage]: 'cannot count a#2',
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.originalTopic]: publication.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: '0',
      [DEAD_LETTER_HEADERS.originalOffset]: '1',
      [DEAD_LETTER_HEADERS.consumerGroup]: expect.stringContaining('-tallying'),
      [INTEGRATION_EVENT_HEADERS.type]: 'Counted',
    });
    expect(behaviour.deliveries.filter((d) => d.event.data.n === 2).map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(consumer.metrics()).toEqual({ processed: 3, duplicates: 0, retries: 2, deadLettered: 1 });
  });

  it('relays with stream id keys and envelope headers, delivering each stream in order', async () => {
    const behaviour: CounterBehaviour<PoolClient> = { deliveries: [], effect: pg.effect };
    const { publication } = await startPipeline(uniqueName('order'), behaviour, 3);
    for (let n = 1; n <= 30; n++) for (const stream of ['a', 'b', 'c', 'd']) await log.append(stream, n);
    await eventually(async () => (await pg.effects()).length === 120, 20_000, '120 effects');
    const effects = await pg.effects();
    for (const stream of ['a', 'b', 'c', 'd']) {
      expect(effects.filter((row) => row.stream === stream).map((row) => row.n)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
    }
    const messages = await readTopic(brokers(), publication.topic, (m) => m.length === 120);
    const [first] = messages.filter((m) => m.key === 'counter-b');
    const envelope = JSON.parse(first.value);
    expect(first.headers).toEqual({
      [INTEGRATION_EVENT_HEADERS.eventId]: envelope.eventId,
      [INTEGRATION_EVENT_HEADERS.type]: 'Counted',
      [INTEGRATION_EVENT_HEADERS.schemaVersion]: '1',
      [INTEGRATION_EVENT_HEADERS.context]: publication.context,
      [INTEGRATION_EVENT_HEADERS.correlationId]: 'b:1',
      [INTEGRATION_EVENT_HEADERS.causationId]: 'b:1',
    });
    expect(relay?.metrics()).toMatchObject({ published: 120, sendFailures: 0 });
    expect(await relay?.lag()).toBe(0);
  });
});
