import { ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '@tadamon/testing';

// A kafkajs consumer in its own process: it joins the group, says so, and waits to be killed.
const MEMBER = `
const { Kafka, logLevel } = require('kafkajs');
const [brokers, group, topic, sessionTimeout] = process.argv.slice(1);
const consumer = new Kafka({ brokers: [brokers], clientId: 'dead-member', logLevel: logLevel.NOTHING })
  .consumer({ groupId: group, sessionTimeout: Number(sessionTimeout), heartbeatInterval: 1000 });
consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write('joined\\n'));
(async () => {
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: false });
  await consumer.run({ eachMessage: () => new Promise(() => undefined) });
})().catch((error) => { process.stderr.write(String(error)); process.exit(1); });
`;

/**
 * A member of a consumer group that dies as `kill -9` kills a service: it holds its partitions
 * and the broker lists it until its session times out, since it never leaves the group.
 */
export async function joinThenKill(
  brokers: string,
  group: string,
  topic: string,
  sessionTimeoutMs: number,
): Promise<void> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-e', MEMBER, brokers, group, topic, String(sessionTimeoutMs)],
    { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the member did not join within 60 s')), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('joined')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the member exited with ${code}`));
      });
    });
  } finally {
    child.kill('SIGKILL');
  }
}
