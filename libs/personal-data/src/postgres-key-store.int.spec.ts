import { randomBytes, randomUUID } from 'node:crypto';
import { requireServer } from '@tadamon/testing';
import { Client } from 'pg';
import { PersonalDataCipher } from './personal-data-cipher';
import { PostgresKeyStore } from './postgres-key-store';
import { personalDataContract } from './testing';

const schema = `keys_${randomUUID().slice(0, 8)}`;
personalDataContract(
  'the PostgreSQL key store',
  () => PostgresKeyStore.connect(requireServer('postgres'), schema),
  async () => {
    const store = await PostgresKeyStore.connect(requireServer('postgres'), schema);
    await store.dropSchema();
    await store.close();
  },
);

describe('erasure on the PostgreSQL key store', () => {
  it('rewrites the key table, so no dead version of the erased row stays in its file', async () => {
    const own = `keys_${randomUUID().slice(0, 8)}`;
    const store = await PostgresKeyStore.connect(requireServer('postgres'), own);
    const client = new Client({ connectionString: requireServer('postgres') });
    await client.connect();
    try {
      const cipher = new PersonalDataCipher(store, randomBytes(32).toString('base64'));
      const subject = randomUUID();
      await cipher.seal(subject, { name: 'Zineb' });
      await cipher.seal(randomUUID(), { name: 'Someone else' });
      const file = async () =>
        (await client.query(`SELECT pg_relation_filenode('${own}.subject_keys') AS node`)).rows[0].node;
      const before = await file();
      await cipher.erase(subject);
      // A plain DELETE leaves the row's old version in the same file until its page is reused.
      expect(await file()).not.toBe(before);
      const { rows } = await client.query(`SELECT wrapped FROM ${own}.subject_keys`);
      expect(rows).toHaveLength(1);
    } finally {
      await client.end();
      await store.dropSchema();
      await store.close();
    }
  });
});
