import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { requireServer } from '@tadamon/testing';
import { Pool } from 'pg';
import { PostgresRegistryPeople } from './postgres-registry-people';
import { inPostgresTransaction, registryPeopleContract } from './testing';

const url = requireServer('postgres');
const pool = new Pool({ connectionString: url, max: 4 });
const schemas: string[] = [];
const keyStores: PostgresKeyStore[] = [];

afterAll(async () => {
  for (const store of keyStores) await store.close();
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

registryPeopleContract('PostgreSQL', async () => {
  // A directory and a key store per test: each starts empty.
  const id = randomBytes(4).toString('hex');
  const schema = `registry_people_${id}`;
  const keysSchema = `registry_people_keys_${id}`;
  schemas.push(schema, keysSchema);
  const keys = await PostgresKeyStore.connect(url, keysSchema);
  keyStores.push(keys);
  const cipher = new PersonalDataCipher(keys, randomBytes(32).toString('base64'));
  return {
    directory: await PostgresRegistryPeople.create(pool, cipher, schema),
    cipher,
    inTransaction: inPostgresTransaction(pool),
  };
});
