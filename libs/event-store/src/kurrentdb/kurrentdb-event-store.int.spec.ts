import { randomUUID } from 'node:crypto';
import { NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import { eventStoreContract } from '../testing';
import { describeWithKurrentDb } from '@tadamon/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { kurrentDbTamper } from './kurrentdb-tamper';

// Runs only where a KurrentDB server is given (KURRENTDB_URL) or Docker provides one; elsewhere
// it prints one "NOT RUN" line. See docs/event-store.md for how to run it.
describeWithKurrentDb('KurrentDbEventStore', (url) => {
  eventStoreContract('KurrentDB', async (options) => {
    const opened: KurrentDbEventStore[] = [];
    const open = async () => {
      const store = await KurrentDbEventStore.connect({
        connectionString: url(),
        maxEventBytes: options?.maxEventBytes,
      });
      opened.push(store);
      return store;
    };
    const store = await open();
    return {
      store,
      tamper: kurrentDbTamper(store.client),
      reopen: open,
      cleanup: async () => void (await Promise.all(opened.map((s) => s.close()))),
    };
  });

  describe('KurrentDB mapping', () => {
    let store: KurrentDbEventStore;
    beforeAll(async () => {
      store = await KurrentDbEventStore.connect({ connectionString: url() });
    });
    afterAll(() => store.close());

    const event = (): NewEvent => {
      const id = randomUUID();
      return {
        id,
        type: 'AssociationRegistered',
        schemaVersion: 1,
        data: { name: 'Association Al Amal' },
        metadata: {
          correlationId: `corr-${id}`,
          causationId: `cause-${id}`,
          commandId: id,
          actor: { id: 'u', roles: [] },
        },
      };
    };

    it('maps the stream one to one and puts the correlation in the reserved metadata keys', async () => {
      const streamId = `association-${randomUUID()}`;
      const appended = event();
      const result = await store.appendToStream(streamId, [appended], { expectedRevision: NO_STREAM });
      const raw = [];
      for await (const resolved of store.client.readStream(streamId)) raw.push(resolved.event);
      expect(raw).toHaveLength(1);
      expect(raw[0]).toMatchObject({ id: appended.id, type: 'AssociationRegistered', revision: 0n });
      expect(raw[0]?.metadata).toMatchObject({
        $correlationId: appended.metadata.correlationId,
        $causationId: appended.metadata.causationId,
        revision: 0,
        hash: result.events[0].hash,
      });
      expect(Number(raw[0]?.position?.commit)).toBe(result.lastPosition);
    });
  });
});
