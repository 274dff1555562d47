import { randomUUID } from 'node:crypto';
import { PostgresKeyStore } from '@tadamon/personal-data';
import { requireServer } from '@tadamon/testing';
import { webhookSecretsContract } from './testing/webhook-secrets-contract';

const schema = `whkeys_${randomUUID().slice(0, 8)}`;
webhookSecretsContract(
  'the PostgreSQL key store',
  () => PostgresKeyStore.connect(requireServer('postgres'), schema),
  async () => {
    const store = await PostgresKeyStore.connect(requireServer('postgres'), schema);
    await store.dropSchema();
    await store.close();
  },
);
