import { randomUUID } from 'node:crypto';
import { requireServer } from '@tadamon/testing';
import { documentStoreContract } from '../testing';
import { MongooseDocumentStore } from './mongoose-document-store';

documentStoreContract('mongoose (MongoDB wire protocol; FerretDB here)', async () => {
  const store = await MongooseDocumentStore.connect(
    requireServer('mongo'),
    `contract_${randomUUID().slice(0, 8)}`,
  );
  return {
    store,
    cleanup: async () => {
      await store.dropDatabase();
      await store.close();
    },
  };
});
