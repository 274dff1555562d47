/**
 * A relay in its own process, for the kill test: `node -r @swc-node/register <this file>`.
 * Env: KAFKA_BROKERS, RELAY_CONTEXT, EVENT_STORE_FILE, CHECKPOINT_FILE, and HANG_AFTER_PUBLISH=1 to
 * stop after the first batch is acknowledged by Kafka and before its checkpoint is saved (the test
 * then kills it with SIGKILL). Prints `published <last position>` and `checkpoint <position>`.
 */
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@tadamon/event-store';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store';
import { KafkaRelay } from '../relay/kafka-relay';
import { counterPublication } from './event-log-fixture';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main() {
  const store = SqliteEventStore.open({ filename: env('EVENT_STORE_FILE') });
  const checkpoints = new SqliteCheckpointStore(new Database(env('CHECKPOINT_FILE')));
  const hang = process.env.HANG_AFTER_PUBLISH === '1';
  let lastSaved = -1;
  const relay = new KafkaRelay({
    publication: counterPublication(env('RELAY_CONTEXT')),
    log: store,
    checkpoints: {
      load: (name) => checkpoints.load(name),
      save: async (name, position) => {
        await checkpoints.save(name, position);
        if (position !== lastSaved) process.stdout.write(`checkpoint ${position}\n`);
        lastSaved = position;
      },
    },
    kafka: { brokers: env('KAFKA_BROKERS').split(',') },
    topics: { partitions: 2 },
    afterPublish: async (events) => {
      process.stdout.write(`published ${events[events.length - 1].globalPosition}\n`);
      if (hang) await new Promise(() => undefined);
    },
  });
  await relay.start();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
