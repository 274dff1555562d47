import { documentStoreContract } from '../testing';
import { MingoDocumentStore } from './mingo-document-store';

documentStoreContract('mingo (in memory)', async () => {
  const store = new MingoDocumentStore();
  return { store, cleanup: () => store.close() };
});
