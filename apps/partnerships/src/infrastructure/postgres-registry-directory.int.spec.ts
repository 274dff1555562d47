import { randomBytes } from 'node:crypto';
import { registryDirectoryContract } from '@tadamon/partnerships/testing';
import { requireServer } from '@tadamon/testing';
import { Pool, PoolClient } from 'pg';
import { PostgresRegistryDirectory } from './postgres-registry-directory';

const pool = new Pool({ connectionString: requireServer('postgres'), max: 4 });
const schemas: string[] = [];

afterAll(async () => {
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

registryDirectoryContract(
  'PostgreSQL',
  async () => {
    // A schema per test: each starts from an empty directory.
    const schema = `partnerships_directory_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return {
      directory: await PostgresRegistryDirectory.create(pool, schema),
      inTransaction: async (work: (tx: PoolClient) => Promise<void>) => {
        const tx = await pool.connect();
        try {
          await tx.query('BEGIN');
          await work(tx);
          await tx.query('COMMIT');
        } catch (error) {
          await tx.query('ROLLBACK');
          throw error;
        } finally {
          tx.release();
        }
      },
    };
  },
  { transactional: true },
);
