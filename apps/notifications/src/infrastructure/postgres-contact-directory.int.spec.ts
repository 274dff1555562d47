import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { requireServer } from '@tadamon/testing';
import { Pool, PoolClient } from 'pg';
import { contactDirectoryContract } from '../testing/contact-directory-contract';
import { PostgresContactDirectory } from './postgres-contact-directory';

const url = requireServer('postgres');
const pool = new Pool({ connectionString: url, max: 4 });
const schemas: string[] = [];
const keyStores: PostgresKeyStore[] = [];

afterAll(async () => {
  for (const store of keyStores) await store.close();
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

contactDirectoryContract('PostgreSQL', async () => {
  // A directory and a key store per test: each starts empty.
  const id = randomBytes(4).toString('hex');
  const schema = `notifications_directory_${id}`;
  const keysSchema = `notifications_keys_${id}`;
  schemas.push(schema, keysSchema);
  const keys = await PostgresKeyStore.connect(url, keysSchema);
  keyStores.push(keys);
  const cipher = new PersonalDataCipher(keys, randomBytes(32).toString('base64'));
  return {
    directory: await PostgresContactDirectory.create(pool, cipher, schema),
    cipher,
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
});
