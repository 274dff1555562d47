import { randomUUID } from 'node:crypto';
import { DocumentStore, MingoDocumentStore, MongooseDocumentStore } from '@tadamon/read-store';
import { requireServer } from '@tadamon/testing';

/** A read store for one test, and how to dispose of it. */
export interface OpenedReadStore {
  docs: DocumentStore;
  close(): Promise<void>;
}

/**
 * The two adapters every projection spec runs on: mingo in memory, and FerretDB over the MongoDB
 * wire protocol, in a database of its own per test (dropped after). Without FerretDB the second
 * fails: requireServer throws, it never skips.
 */
export const READ_STORES: ReadonlyArray<{ name: string; open(): Promise<OpenedReadStore> }> = [
  {
    name: 'mingo',
    open: async () => ({ docs: new MingoDocumentStore(), close: async () => undefined }),
  },
  {
    name: 'FerretDB',
    open: async () => {
      const store = await MongooseDocumentStore.connect(
        requireServer('mongo'),
        `partnerships_${randomUUID().slice(0, 8)}`,
      );
      return {
        docs: store,
        close: async () => {
          await store.dropDatabase();
          await store.close();
        },
      };
    },
  },
];
