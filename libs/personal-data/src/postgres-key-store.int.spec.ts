import { randomUUID } from 'node:crypto';
import { requireServer } from '@tadamon/testing';
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
