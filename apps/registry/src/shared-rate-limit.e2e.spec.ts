import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MongooseDocumentStore } from '@tadamon/read-store';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  createTestDatabase,
  dropTestDatabase,
  requireServer,
  signTestToken,
} from '@tadamon/testing';
import { createRegistryApp } from './create-registry-app';

// Two instances of the Registry on one PostgreSQL with TADAMON_RATE_LIMIT_STORE=postgres, as behind
// a load balancer: a client's requests to either count against one limit.

const run = randomBytes(4).toString('hex');
const database = `registry_limit_${run}`;
const secret = randomBytes(32).toString('base64url');
const LIMIT = 6;

describe('the Registry service with TADAMON_RATE_LIMIT_STORE=postgres, two instances', () => {
  const postgresUrl = new URL(requireServer('postgres'));
  const mongoUrl = requireServer('mongo');
  const brokers = requireServer('kafka');
  const apps: NestFastifyApplication[] = [];
  let bases: string[] = [];
  let officer: string;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase(postgresUrl.href, database);
    const env = {
      TADAMON_EVENT_STORE: 'postgres',
      DATABASE_URL: databaseUrl,
      MONGODB_URL: mongoUrl,
      MONGODB_DB: database,
      KAFKA_BROKERS: brokers,
      TADAMON_MASTER_KEY: randomBytes(32).toString('base64'),
      TADAMON_JWT_SECRET: secret,
      TADAMON_RATE_LIMIT: String(LIMIT),
      TADAMON_RATE_LIMIT_STORE: 'postgres',
    };
    for (let i = 0; i < 2; i++) {
      const app = await createRegistryApp({ logger: false, env });
      apps.push(app);
      await app.listen(0, '127.0.0.1');
    }
    bases = await Promise.all(apps.map((app) => app.getUrl()));
    officer = await signTestToken(secret, ['officer']);
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    for (const app of apps) await app.close();
    const docs = await MongooseDocumentStore.connect(mongoUrl, database);
    await docs.dropDatabase();
    await docs.close();
    await dropTestDatabase(postgresUrl.href, database);
  }, APP_STOP_TIMEOUT_MS);

  const list = (base: string) =>
    fetch(`${base}/api/registry/networks`, { headers: { authorization: `Bearer ${officer}` } });

  it('answers 429 once the requests to both instances together pass the limit', async () => {
    const remaining: number[] = [];
    for (let n = 0; n < LIMIT; n++) {
      // Alternating, as a load balancer would: each instance sees only half of the limit.
      const response = await list(bases[n % 2]);
      expect(response.status).toBe(200);
      remaining.push(Number(response.headers.get('ratelimit-remaining')));
    }
    expect(remaining).toEqual([5, 4, 3, 2, 1, 0]);
    for (const base of bases) {
      const refused = await list(base);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});
