import { randomBytes } from 'node:crypto';
import { IHeaders, Kafka, logLevel } from 'kafkajs';
import { Pool, PoolClient } from 'pg';
import type { CountedEvent } from './counter-consumer';

export const uniqueName = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

export interface ReadMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

const headerText = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));

/** Reads a topic from its beginning until `done` says so (or the timeout passes). */
export async function readTopic(
  brokers: string[],
  topic: string,
  done: (messages: ReadMessage[]) => boolean,
  timeoutMs = 15_000,
): Promise<ReadMessage[]> {
  const kafka = new Kafka({ clientId: 'topic-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: uniqueName('reader-'), allowAutoTopicCreation: false });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} messages of ${topic} before the timeout`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message, partition }) => {
            messages.push({
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              headers: headerText(message.headers),
              partition,
              offset: message.offset,
            });
            if (done(messages)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** A PostgreSQL schema for one test: the inbox and an `effects` table with no uniqueness. */
export async function effectsSchema(databaseUrl: string) {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const schema = uniqueName('msg_test_');
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(
    `CREATE TABLE "${schema}".effects (seq bigserial PRIMARY KEY, event_id text NOT NULL, stream text NOT NULL, n int NOT NULL)`,
  );
  return {
    pool,
    schema,
    effect: async (tx: PoolClient, event: CountedEvent) => {
      await tx.query(`INSERT INTO "${schema}".effects (event_id, stream, n) VALUES ($1, $2, $3)`, [
        event.eventId,
        event.data.stream,
        event.data.n,
      ]);
    },
    effects: async () =>
      (
        await pool.query<{ event_id: string; stream: string; n: number }>(
          `SELECT event_id, stream, n FROM "${schema}".effects ORDER BY seq`,
        )
      ).rows,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
