import { randomBytes } from 'node:crypto';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { requireServer } from '@tadamon/testing';
import { Pool } from 'pg';
import { ProblemException } from '../problems';
import { RateLimitGuard } from './rate-limit.guard';
import { PostgresRateLimitStore } from './postgres-rate-limit-store';
import { rateLimitStoreContract } from './rate-limit-store.contract';

const pool = new Pool({ connectionString: requireServer('postgres'), max: 8 });
const schemas: string[] = [];
const newSchema = () => {
  const schema = `rl_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  return schema;
};
afterAll(async () => {
  for (const schema of schemas) await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
});

rateLimitStoreContract('PostgreSQL', async () => ({
  store: await PostgresRateLimitStore.create(pool, { schema: newSchema() }),
  close: () => undefined,
}));

describe('PostgreSQL rate limit store, shared', () => {
  it('counts one client across two instances (two pools on one database)', async () => {
    const schema = newSchema();
    const other = new Pool({ connectionString: requireServer('postgres'), max: 2 });
    try {
      const a = await PostgresRateLimitStore.create(pool, { schema });
      const b = await PostgresRateLimitStore.create(other, { schema });
      await a.hit('192.0.2.4', 60_000, 1_000);
      await b.hit('192.0.2.4', 60_000, 2_000);
      expect(await a.hit('192.0.2.4', 60_000, 3_000)).toEqual({ count: 3, resetAtMs: 61_000 });
    } finally {
      await other.end();
    }
  });

  it('refuses a client with 429 once its requests to two instances together pass the limit', async () => {
    const schema = newSchema();
    const other = new Pool({ connectionString: requireServer('postgres'), max: 2 });
    const request = (ip: string) =>
      ({
        getType: () => 'http',
        getHandler: () => request,
        getClass: () => Object,
        switchToHttp: () => ({
          getRequest: () => ({ ip }),
          getResponse: () => ({ headers: () => undefined }),
        }),
      }) as unknown as ExecutionContext;
    const instance = async (own: Pool) =>
      new RateLimitGuard(
        new Reflector(),
        { limit: 5, windowMs: 60_000 },
        await PostgresRateLimitStore.create(own, { schema }),
      );
    try {
      const instances = [await instance(pool), await instance(other)];
      // Alternating instances, as a load balancer would: 3 + 2 requests, each instance under 5.
      for (let n = 0; n < 5; n++)
        await expect(instances[n % 2].canActivate(request('192.0.2.77'))).resolves.toBe(true);
      for (const guard of instances) {
        const refused = await guard.canActivate(request('192.0.2.77')).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(ProblemException);
        expect(refused).toMatchObject({ kind: 'rate-limited' });
      }
      // Another client is counted on its own.
      await expect(instances[1].canActivate(request('192.0.2.78'))).resolves.toBe(true);
    } finally {
      await other.end();
    }
  });

  it('drops ended windows, at most once a minute, when hit', async () => {
    const schema = newSchema();
    const store = await PostgresRateLimitStore.create(pool, { schema });
    const rows = async () =>
      Number((await pool.query(`SELECT count(*) AS n FROM "${schema}".rate_limit_windows`)).rows[0].n);
    await store.hit('old', 1_000, 0);
    await store.hit('soon', 600_000, 10_000);
    expect(await rows()).toBe(2); // within the minute: not purged yet
    await store.hit('later', 600_000, 61_000);
    expect(await rows()).toBe(2); // 'old' dropped, 'later' added
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(PostgresRateLimitStore.create(pool, { schema: 'bad"name' })).rejects.toThrow(
      'not a schema name',
    );
  });
});
