import { Logger } from '@nestjs/common';
import { KitNestLogger } from '@tadamon/nest-kit';
import { Kafka, logLevel } from 'kafkajs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store';
import { KafkaEventConsumer } from '../consumer/kafka-event-consumer';
import { SqliteInbox } from '../consumer/sqlite-inbox';
import { KafkaRelay } from '../relay/kafka-relay';
import { counterPublication, openEventLog } from '../testing/event-log-fixture';
import { until } from '@tadamon/testing';
import Database from 'better-sqlite3';
import { kafkaLogCreator } from './kafka-logging';

// Nothing listens on port 1: every connection is refused at once.
const UNREACHABLE = ['127.0.0.1:1'];

/** The app's pino logger as the kit sets it up (Nest's Logger routed to it), its lines parsed. */
function routeNestLogsToPino() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  Logger.overrideLogger(new KitNestLogger(pino({ name: 'funding', level: 'info' }, stream)));
  return { lines, raw };
}

describe('kafkajs logs through the app logger', () => {
  afterEach(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it("writes a kafkajs error as one pino line: level, kafkajs's namespace as context, its fields as fields", async () => {
    const { lines, raw } = routeNestLogsToPino();
    const kafka = new Kafka({
      clientId: 'logging-spec',
      brokers: UNREACHABLE,
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogCreator,
      retry: { retries: 0 },
    });
    const producer = kafka.producer();
    await expect(producer.connect()).rejects.toThrow();

    const refused = lines.find((line) => line.context === 'kafkajs.Connection');
    expect(refused).toMatchObject({
      level: 50,
      name: 'funding',
      msg: expect.stringContaining('ECONNREFUSED'),
      broker: '127.0.0.1:1',
      clientId: 'logging-spec',
    });
    expect(refused).not.toHaveProperty('timestamp');
    // One line per entry, none carrying kafkajs's JSON inside its message.
    expect(raw.every((text) => text.trim().split('\n').length === 1)).toBe(true);
    expect(lines.every((line) => !String(line.msg).includes('{"'))).toBe(true);
  });

  it('keeps the level the client is created with: nothing below it is written', () => {
    const { lines } = routeNestLogsToPino();
    const logger = new Kafka({
      brokers: UNREACHABLE,
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogCreator,
    }).logger();
    logger.warn('a warning', { broker: 'b' });
    logger.error('an error', { groupId: 'g', level: 'kept' });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        context: 'kafkajs',
        msg: 'an error',
        groupId: 'g',
        kafka_level: 'kept',
      }),
    ]);
  });

  it("is the relay's and the consumer's kafkajs logger", async () => {
    const { lines } = routeNestLogsToPino();
    const log = openEventLog();
    try {
      const relay = new KafkaRelay({
        publication: counterPublication('loggingspec'),
        log: log.store,
        checkpoints: new SqliteCheckpointStore(new Database(':memory:')),
        kafka: { brokers: UNREACHABLE, clientId: 'relay-logging-spec', retry: { retries: 0 } },
      });
      // The relay starts without Kafka; its first batch meets the refused connection.
      await log.append('logging', 1);
      await relay.start();
      try {
        await until(async () => relay.metrics().sendFailures > 0, 'the relay to fail a batch');
      } finally {
        await relay.stop();
      }
    } finally {
      await log.cleanup();
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, context: 'kafkajs.Connection', clientId: 'relay-logging-spec' }),
    );

    const consumer = new KafkaEventConsumer({
      kafka: { brokers: UNREACHABLE },
      group: 'consumer-logging-spec',
      inbox: new SqliteInbox(new Database(':memory:')),
    });
    consumer.createClient<Kafka>().logger().error('rebalancing failed', { groupId: 'consumer-logging-spec' });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        context: 'kafkajs',
        msg: 'rebalancing failed',
        groupId: 'consumer-logging-spec',
      }),
    );
  });
});
