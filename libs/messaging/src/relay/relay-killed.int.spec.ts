import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { INestMicroservice } from '@nestjs/common';
import { requireServer } from '@tadamon/testing';
import { INTEGRATION_EVENT_HEADERS } from '@tadamon/contracts';
import { PoolClient } from 'pg';
import { KafkaEventConsumer } from '../consumer/kafka-event-consumer';
import { PostgresInbox } from '../consumer/postgres-inbox';
import {
  counterConsumerModule,
  CounterBehaviour,
  eventually,
  startConsumer,
} from '../testing/counter-consumer';
import { counterPublication, EventLogFixture, openEventLog } from '../testing/event-log-fixture';
import { effectsSchema, readTopic, uniqueName } from '../testing/kafka-fixture';

jest.setTimeout(90_000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHILD = join(__dirname, '..', 'testing', 'relay-child-process.ts');

/** Starts the relay process; resolves each awaited line of its stdout. */
function startRelayProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stdout
    .setEncoding('utf8')
    .on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const line = (prefix: string) =>
    eventually(
      () => {
        if (child.exitCode !== null) throw new Error(`relay process exited ${child.exitCode}: ${stderr}`);
        return lines.some((candidate) => candidate.startsWith(prefix));
      },
      30_000,
      `"${prefix}" from the relay process (stderr: ${stderr})`,
    );
  return { child, lines, exited, line };
}

describe('relay killed between publish and checkpoint', () => {
  let log: EventLogFixture;
  let pg: Awaited<ReturnType<typeof effectsSchema>>;
  let app: INestMicroservice | undefined;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    log = openEventLog();
    pg = await effectsSchema(requireServer('postgres'));
  });

  afterEach(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await app?.close();
    await pg.drop();
    await log.cleanup();
  });

  it('re-sends the batch after a restart: the consumer receives it twice, the effect happens once', async () => {
    const context = uniqueName('killed');
    const publication = counterPublication(context);
    const brokers = requireServer('kafka');
    for (let n = 1; n <= 5; n++) for (const stream of ['a', 'b']) await log.append(stream, n);
    const env = {
      KAFKA_BROKERS: brokers,
      RELAY_CONTEXT: context,
      EVENT_STORE_FILE: log.filename,
      CHECKPOINT_FILE: join(log.dir, 'relay-checkpoints.sqlite'),
    };

    const first = startRelayProcess({ ...env, HANG_AFTER_PUBLISH: '1' });
    children.push(first.child);
    await first.line('published');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(first.lines.some((line) => line.startsWith('checkpoint'))).toBe(false);

    const behaviour: CounterBehaviour<PoolClient> = { deliveries: [], effect: pg.effect };
    const consumer = new KafkaEventConsumer<PoolClient>({
      kafka: { brokers: brokers.split(',') },
      group: `tadamon.${context}-tallying`,
      inbox: await PostgresInbox.create(pg.pool, pg.schema),
    });
    app = await startConsumer(counterConsumerModule(publication.topic, behaviour), consumer);
    await eventually(async () => (await pg.effects()).length === 10, 20_000, 'the first delivery');

    const second = startRelayProcess(env);
    children.push(second.child);
    await second.line('checkpoint');
    await eventually(() => consumer.metrics().duplicates === 10, 20_000, 'the second delivery');
    second.child.kill('SIGTERM');

    const messages = await readTopic(brokers.split(','), publication.topic, (m) => m.length === 20);
    const copies = new Map<string, number>();
    for (const message of messages) {
      const id = message.headers[INTEGRATION_EVENT_HEADERS.eventId];
      copies.set(id, (copies.get(id) ?? 0) + 1);
    }
    expect([...copies.values()]).toEqual(Array(10).fill(2));
    const effects = await pg.effects();
    expect(effects).toHaveLength(10);
    expect(new Set(effects.map((row) => row.event_id)).size).toBe(10);
    expect(consumer.metrics()).toMatchObject({ processed: 10, duplicates: 10, deadLettered: 0 });
  });
});
