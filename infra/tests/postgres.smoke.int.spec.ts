import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { requireServer, serverSource } from '@tadamon/testing';

describe('PostgreSQL smoke test (real server)', () => {
  const client = new Client({ connectionString: requireServer('postgres') });
  const table = `smoke_${randomUUID().replace(/-/g, '')}`;

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });

  it('reports the server it talks to', async () => {
    const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
    console.log(`PostgreSQL (${serverSource()}): ${rows[0].version}`);
    expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
  });

  it('keeps a committed transaction', async () => {
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${table} (label) VALUES ($1)`, ['committed']);
    await client.query('COMMIT');
    const { rows } = await client.query(`SELECT label FROM ${table} WHERE label = 'committed'`);
    expect(rows).toHaveLength(1);
  });

  it('discards a rolled-back transaction', async () => {
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${table} (label) VALUES ($1)`, ['rolled back']);
    const inside = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE label = 'rolled back'`);
    expect(inside.rows[0].n).toBe(1);
    await client.query('ROLLBACK');
    const after = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE label = 'rolled back'`);
    expect(after.rows[0].n).toBe(0);
  });
});
