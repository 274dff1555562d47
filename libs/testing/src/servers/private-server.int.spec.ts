import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '../services/hook-timeouts';
import { PrivateServer } from './private-server';
import { present } from '../services/until';

async function pgAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function kafkaAnswers(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 2000,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

describe.each([
  ['postgres', pgAnswers],
  ['kafka', kafkaAnswers],
] as const)('a private %s server', (kind, answers) => {
  let server: PrivateServer | undefined;
  const serverNow = () => present(server, 'server');

  beforeAll(async () => {
    server = await PrivateServer.start(kind);
  }, APP_START_TIMEOUT_MS);

  afterAll(() => server?.dispose(), APP_STOP_TIMEOUT_MS);

  it(
    'answers on its own port, stops when killed, and starts again on the same url',
    async () => {
      const url = serverNow().url;
      expect(url).not.toMatch(/:(5432|9092)\b/);
      expect(await answers(url)).toBe(true);
      serverNow().kill();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await answers(url)).toBe(false);
      await serverNow().up();
      expect(await answers(url)).toBe(true);
    },
    APP_START_TIMEOUT_MS,
  );
});
