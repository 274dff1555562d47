import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { requireServer } from '@tadamon/testing';
import { contentStoreContract, readContent } from '../testing';
import { PostgresContentStore } from './postgres-content-store';

const freshSchema = () => `cs_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

contentStoreContract('PostgreSQL', async () => {
  const schema = freshSchema();
  const connectionString = requireServer('postgres');
  const pool = new Pool({ connectionString, max: 10 });
  const store = await PostgresContentStore.connect({ pool, schema });
  const opened: PostgresContentStore[] = [];
  return {
    store,
    tamper: async (sha256, change) => {
      // The object's rows rewritten as one chunk; its recorded size is left as it was.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ blob_id: string }>(
          `SELECT blob_id FROM "${schema}".objects WHERE sha256 = $1`,
          [sha256],
        );
        const blob = rows[0].blob_id;
        const chunks = await client.query<{ data: Buffer }>(
          `SELECT data FROM "${schema}".chunks WHERE blob_id = $1 ORDER BY seq`,
          [blob],
        );
        const changed = change(Buffer.concat(chunks.rows.map((r) => r.data)));
        await client.query(`DELETE FROM "${schema}".chunks WHERE blob_id = $1`, [blob]);
        await client.query(`INSERT INTO "${schema}".chunks (blob_id, seq, data) VALUES ($1, 0, $2)`, [
          blob,
          changed,
        ]);
        await client.query(`UPDATE "${schema}".objects SET chunk_count = 1 WHERE blob_id = $1`, [blob]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
    storedBytes: async () => {
      const { rows } = await pool.query<{ total: string }>(
        `SELECT coalesce(sum(octet_length(data)), 0) AS total FROM "${schema}".chunks`,
      );
      return Number(rows[0].total);
    },
    leftovers: async () => {
      const { rows } = await pool.query<{ blob_id: string }>(
        `SELECT DISTINCT blob_id FROM "${schema}".chunks c
         WHERE NOT EXISTS (SELECT 1 FROM "${schema}".objects o WHERE o.blob_id = c.blob_id)`,
      );
      return rows.map((r) => r.blob_id);
    },
    published: async () =>
      (await pool.query<{ sha256: string }>(`SELECT sha256 FROM "${schema}".objects`)).rows.map(
        (r) => r.sha256,
      ),
    settings: { kind: 'postgres', url: connectionString, schema },
    reopen: async () => {
      const other = await PostgresContentStore.connect({ connectionString, schema });
      opened.push(other);
      return other;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
});

describe('PostgresContentStore', () => {
  const schema = freshSchema();
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool({ connectionString: requireServer('postgres'), max: 4 });
  });
  afterAll(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool?.end();
  });

  it('keeps an object in rows of at most chunkBytes, and reads a chunk missing as corruption', async () => {
    const store = await PostgresContentStore.connect({ pool, schema, chunkBytes: 1000 });
    const bytes = randomBytes(4500);
    const { sha256 } = await store.put(bytes, { maxBytes: 10_000 });
    const { rows } = await pool.query<{ seq: number; length: number }>(
      `SELECT c.seq, octet_length(c.data) AS length FROM "${schema}".chunks c
       JOIN "${schema}".objects o USING (blob_id) WHERE o.sha256 = $1 ORDER BY c.seq`,
      [sha256],
    );
    expect(rows).toEqual([0, 1, 2, 3, 4].map((seq) => ({ seq, length: seq < 4 ? 1000 : 500 })));
    expect((await readContent(store, sha256)).equals(bytes)).toBe(true);

    await pool.query(
      `DELETE FROM "${schema}".chunks WHERE seq = 2 AND blob_id = (SELECT blob_id FROM "${schema}".objects WHERE sha256 = $1)`,
      [sha256],
    );
    await expect(readContent(store, sha256)).rejects.toMatchObject({
      code: 'CONTENT_CORRUPTED',
      message: expect.stringContaining('chunk 2 of 5 is missing'),
    });
  });

  it('migrates a schema once when stores start together', async () => {
    const other = freshSchema();
    try {
      await Promise.all([1, 2, 3].map(() => PostgresContentStore.connect({ pool, schema: other })));
      const { rows } = await pool.query(`SELECT version FROM "${other}".schema_migrations`);
      expect(rows).toEqual([{ version: 1 }]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${other}" CASCADE`);
    }
  });
});
