import { randomBytes } from 'node:crypto';
import { requireServer } from '@tadamon/testing';
import { Pool } from 'pg';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';

const pool = new Pool({ connectionString: requireServer('postgres'), max: 4 });
const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
});

idempotencyStoreContract('PostgreSQL', async (now) => {
  const schema = `idem_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  return { store: await PostgresIdempotencyStore.create(pool, { schema, now }), close: () => undefined };
});

describe('PostgreSQL idempotency store, shared', () => {
  it('shows one instance the claim and the answer of another (two pools on one database)', async () => {
    const schema = `idem_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const other = new Pool({ connectionString: requireServer('postgres'), max: 2 });
    try {
      const a = await PostgresIdempotencyStore.create(pool, { schema });
      const b = await PostgresIdempotencyStore.create(other, { schema });
      expect(await a.reserve('k', 'fp', 60_000)).toBeUndefined();
      expect(await b.reserve('k', 'fp', 60_000)).toEqual({ state: 'in-flight', fingerprint: 'fp' });
      const answer = { status: 201, headers: { etag: '"0"' }, body: { ok: true } };
      await a.complete('k', answer, 60_000);
      expect(await b.reserve('k', 'fp', 60_000)).toEqual({
        state: 'completed',
        fingerprint: 'fp',
        response: answer,
      });
    } finally {
      await other.end();
    }
  });

  it('purges expired keys', async () => {
    let clock = 1_000;
    const schema = `idem_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const store = await PostgresIdempotencyStore.create(pool, { schema, now: () => clock });
    await store.reserve('old', 'fp', 1_000);
    await store.reserve('live', 'fp', 60_000);
    clock += 5_000;
    expect(await store.purgeExpired()).toBe(1);
  });

  it('drops expired keys itself, at most once a minute, when keys are claimed', async () => {
    let clock = 1_000;
    const schema = `idem_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const store = await PostgresIdempotencyStore.create(pool, { schema, now: () => clock });
    await store.reserve('old', 'fp', 1_000);
    const rows = async () =>
      Number((await pool.query(`SELECT count(*) AS n FROM "${schema}".idempotency_keys`)).rows[0].n);
    clock += 5_000;
    await store.reserve('soon', 'fp', 600_000);
    expect(await rows()).toBe(2); // within the minute: not purged yet
    clock += 60_000;
    await store.reserve('later', 'fp', 600_000);
    expect(await rows()).toBe(2); // 'old' dropped, 'later' added
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(PostgresIdempotencyStore.create(pool, { schema: 'bad"name' })).rejects.toThrow(
      'not a schema name',
    );
  });
});
