import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import {
  ANY,
  DuplicateEventId,
  NewEvent,
  NO_STREAM,
  RecordedEvent,
  STREAM_EXISTS,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { eventStoreContract } from '../testing';
import { requireServer } from '@tadamon/testing';
import { MIGRATIONS } from './migrations';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
import { postgresTamper } from './postgres-tamper';

const freshSchema = () => `es_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

async function dropSchema(schema: string): Promise<void> {
  const pool = new Pool({ connectionString: requireServer('postgres'), max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}

eventStoreContract('PostgreSQL', async (options) => {
  const schema = freshSchema();
  const connectionString = requireServer('postgres');
  const pool = new Pool({ connectionString, max: 60 });
  const opened: PostgresEventStore[] = [];
  const open = async () => {
    const store = await PostgresEventStore.connect({ pool, schema, maxEventBytes: options?.maxEventBytes });
    opened.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    tamper: postgresTamper(pool, schema),
    reopen: async () => {
      // An independent store: its own pool, so its own connections and head cache.
      const other = await PostgresEventStore.connect({
        connectionString,
        schema,
        maxEventBytes: options?.maxEventBytes,
      });
      opened.push(other);
      return other;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
});

const actor = { id: 'user-1', roles: ['officer'] };
function event(type: string, data: unknown = { n: 1 }): NewEvent {
  const id = randomUUID();
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: id, causationId: id, commandId: id, actor },
  };
}
const streamOf = (category: string) => `${category}-${randomUUID()}`;

describe('PostgresEventStore', () => {
  const schemas: string[] = [];
  const stores: PostgresEventStore[] = [];
  const connect = async (options: Partial<PostgresEventStoreOptions> & { schema: string }) => {
    if (!schemas.includes(options.schema)) schemas.push(options.schema);
    const store = await PostgresEventStore.connect({
      connectionString: requireServer('postgres'),
      ...options,
    });
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    for (const schema of schemas) await dropSchema(schema);
  });

  describe('migrations', () => {
    it('are applied once: a restart applies nothing and keeps the data', async () => {
      const schema = freshSchema();
      const first = await connect({ schema });
      const stream = streamOf('grantApplication');
      await first.appendToStream(stream, [event('ApplicationSubmitted')], { expectedRevision: NO_STREAM });
      await first.close();

      const again = await connect({ schema });
      expect(await again.readStream(stream)).toHaveLength(1);
      const pool = new Pool({ connectionString: requireServer('postgres'), max: 1 });
      const { rows } = await pool.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
      await pool.end();
      expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('are safe when several processes start together on a new schema', async () => {
      const schema = freshSchema();
      const started = await Promise.all([1, 2, 3, 4].map(() => connect({ schema })));
      const stream = streamOf('budgetEnvelope');
      await started[0].appendToStream(stream, [event('EnvelopeOpened')], { expectedRevision: NO_STREAM });
      expect(await started[3].readStream(stream)).toHaveLength(1);
    });

    it('rejects a schema name that is not a plain identifier', async () => {
      await expect(
        PostgresEventStore.connect({
          connectionString: requireServer('postgres'),
          schema: 'x"; DROP TABLE y; --',
        }),
      ).rejects.toThrow(/invalid PostgreSQL schema name/);
    });
  });

  describe('two stores (two pools) on one schema', () => {
    let schema: string;
    let a: PostgresEventStore;
    let b: PostgresEventStore;
    beforeAll(async () => {
      schema = freshSchema();
      [a, b] = await Promise.all([connect({ schema }), connect({ schema })]);
    });

    it('let exactly one of two racing writers create a stream', async () => {
      for (let round = 0; round < 10; round++) {
        const stream = streamOf('association');
        const outcomes = await Promise.allSettled([
          a.appendToStream(stream, [event('AssociationRegistered')], { expectedRevision: NO_STREAM }),
          b.appendToStream(stream, [event('AssociationRegistered')], { expectedRevision: NO_STREAM }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(loser.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(loser.reason.actual).toBe(0);
        expect(await a.readStream(stream)).toHaveLength(1);
      }
    });

    it('let exactly one of two racing writers append at a revision', async () => {
      const stream = streamOf('association');
      await a.appendToStream(stream, [event('AssociationRegistered')], { expectedRevision: NO_STREAM });
      for (let revision = 0; revision < 10; revision++) {
        const outcomes = await Promise.allSettled([
          a.appendToStream(stream, [event('MemberAdded')], { expectedRevision: revision }),
          b.appendToStream(stream, [event('MemberAdded')], { expectedRevision: revision }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(loser.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(loser.reason.actual).toBe(revision + 1);
      }
      const stored = await b.readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([...Array(11).keys()]);
      stored.slice(1).forEach((e, i) => expect(e.prevHash).toBe(stored[i].hash));
    });

    it('chain correctly when each store appends with ANY after the other moved the stream', async () => {
      const stream = streamOf('partnership');
      await a.appendToStream(stream, [event('PartnershipProposed')], { expectedRevision: NO_STREAM });
      // a caches the head at 0; b moves the stream to 2; a's next ANY append must chain on 2.
      await b.appendToStream(stream, [event('TermsAmended'), event('TermsAmended')], { expectedRevision: 0 });
      const result = await a.appendToStream(stream, [event('PartnershipSigned')], { expectedRevision: ANY });
      expect(result.nextExpectedRevision).toBe(3);
      await a.appendToStream(stream, [event('PartnershipRenewed')], { expectedRevision: STREAM_EXISTS });
      const stored = await a.readStoredStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      stored.slice(1).forEach((e, i) => expect(e.prevHash).toBe(stored[i].hash));
    });

    it('report a stale expected revision even when the store cached the old head', async () => {
      const stream = streamOf('partnership');
      await a.appendToStream(stream, [event('PartnershipProposed')], { expectedRevision: NO_STREAM });
      await b.appendToStream(stream, [event('TermsAmended')], { expectedRevision: 0 });
      await expect(
        a.appendToStream(stream, [event('PartnershipSigned')], { expectedRevision: 0 }),
      ).rejects.toMatchObject({ name: 'WrongExpectedRevision', actual: 1 });
    });

    it('give a retry through the other store the original result, and refuse a partial overlap', async () => {
      const stream = streamOf('grantApplication');
      const events = [event('ApplicationDrafted'), event('ApplicationSubmitted')];
      const original = await a.appendToStream(stream, events, { expectedRevision: NO_STREAM });
      const retried = await b.appendToStream(stream, events, { expectedRevision: NO_STREAM });
      expect(retried).toEqual(original);
      const retriedWithAny = await b.appendToStream(stream, events, { expectedRevision: ANY });
      expect(retriedWithAny).toEqual(original);
      await expect(
        a.appendToStream(stream, [events[1], event('ApplicationWithdrawn')], { expectedRevision: ANY }),
      ).rejects.toBeInstanceOf(DuplicateEventId);
      await expect(
        b.appendToStream(streamOf('grantApplication'), [events[0]], { expectedRevision: NO_STREAM }),
      ).rejects.toBeInstanceOf(DuplicateEventId);
      expect(await a.readStream(stream)).toHaveLength(2);
    });
  });

  describe('global positions and a transaction that commits late (the gap problem)', () => {
    it('never lets a subscriber skip an event committed after later-started appends', async () => {
      const schema = freshSchema();
      const writers = await connect({ schema });
      // The slow store delays COMMIT of appends to its "slow" streams by 1.5 s, after their rows
      // and positions are written: the moment a naive sequence-ordered reader would skip them.
      let slowOpenedAt = 0;
      let slowCommittedAt = 0;
      const slowStore = await connect({
        schema,
        beforeCommit: async () => {
          slowOpenedAt = Date.now();
          await sleep(1500);
          slowCommittedAt = Date.now();
        },
      });
      const reader = await connect({ schema, pollIntervalMs: 5 });

      const seen: { event: RecordedEvent; at: number }[] = [];
      const subscription = reader.subscribe({
        onEvent: (e) => void seen.push({ event: e, at: Date.now() }),
      });

      // 12 writers on their own streams, 25 sequential appends each, through their own connections.
      const appended: { streamId: string; position: number; startedAt: number }[] = [];
      const writer = async (w: number) => {
        const stream = streamOf(`writer${w}`);
        let expectedRevision: number | typeof NO_STREAM = NO_STREAM;
        for (let i = 0; i < 25; i++) {
          const startedAt = Date.now();
          const result = await writers.appendToStream(stream, [event('Written', { w, i })], {
            expectedRevision,
          });
          appended.push({ streamId: stream, position: result.lastPosition, startedAt });
          expectedRevision = result.nextExpectedRevision;
        }
      };
      const slowStream = streamOf('slow');
      const slow = (async () => {
        await sleep(150); // let the writers and the subscriber get going first
        return slowStore.appendToStream(slowStream, [event('CommittedLate')], {
          expectedRevision: NO_STREAM,
        });
      })();
      await Promise.all([...Array(12).keys()].map(writer));
      const slowResult = await slow;

      const total = 12 * 25 + 1;
      for (let waited = 0; seen.length < total && waited < 10_000; waited += 20) await sleep(20);
      await subscription.stop();

      const log = await reader.readAll();
      expect(log).toHaveLength(total);
      // Exactly once, in strictly increasing position, nothing skipped.
      expect(seen.map((s) => s.event.id)).toEqual(log.map((e) => e.id));
      const positions = seen.map((s) => s.event.globalPosition);
      positions.slice(1).forEach((p, i) => expect(p).toBeGreaterThan(positions[i]));
      expect(new Set(positions).size).toBe(total);

      // The scenario really happened: the slow append held its position open for > 1 s while the
      // subscriber was delivering, other writers appended around it, and it was still delivered.
      expect(slowCommittedAt - slowOpenedAt).toBeGreaterThanOrEqual(1400);
      const slowSeen = seen.find((s) => s.event.streamId === slowStream);
      expect(slowSeen?.event.globalPosition).toBe(slowResult.lastPosition);
      expect(
        seen.some((s) => s.at < slowCommittedAt && s.event.globalPosition < slowResult.lastPosition),
      ).toBe(true);
      // Writers that were running while it was open got later positions (they waited for it).
      expect(
        appended.some((a) => a.startedAt < slowCommittedAt && a.position > slowResult.lastPosition),
      ).toBe(true);
      expect(appended.some((a) => a.position < slowResult.lastPosition)).toBe(true);
    }, 30_000);

    it('numbers positions densely: a failed append leaves no hole', async () => {
      const schema = freshSchema();
      const store = await connect({ schema });
      const stream = streamOf('grantApplication');
      await store.appendToStream(stream, [event('ApplicationDrafted')], { expectedRevision: NO_STREAM });
      await expect(
        store.appendToStream(stream, [event('ApplicationDrafted')], { expectedRevision: NO_STREAM }),
      ).rejects.toBeInstanceOf(WrongExpectedRevision);
      await store.appendToStream(stream, [event('ApplicationSubmitted')], { expectedRevision: 0 });
      expect((await store.readAll()).map((e) => e.globalPosition)).toEqual([1, 2]);
    });
  });

  it('stores data and metadata as the canonical text that was hashed', async () => {
    const schema = freshSchema();
    const store = await connect({ schema });
    const stream = streamOf('association');
    const data = { name: 'جمعية التضامن', ville: 'Fès', b: 1.5e-7, a: [true, null, { z: 1, y: 'é' }] };
    await store.appendToStream(stream, [event('AssociationRegistered', data)], {
      expectedRevision: NO_STREAM,
    });
    const [stored] = await store.readStoredStream(stream);
    expect(stored.dataJson).toBe(
      '{"a":[true,null,{"y":"é","z":1}],"b":1.5e-7,"name":"جمعية التضامن","ville":"Fès"}',
    );
    const [read] = await store.readStream(stream);
    expect(read.data).toEqual(data);
  });

  describe('read-only (the auditor)', () => {
    it('reads, refuses appends, and runs in sessions the server keeps read-only', async () => {
      const schema = freshSchema();
      const writer = await connect({ schema });
      const stream = streamOf('grantApplication');
      const appended = await writer.appendToStream(stream, [event('ApplicationSubmitted')], {
        expectedRevision: NO_STREAM,
      });
      const reader = await connect({ schema, readOnly: true });
      expect(await reader.readStream(stream)).toEqual(appended.events);
      await expect(
        reader.appendToStream(stream, [event('ApplicationWithdrawn')], { expectedRevision: 0 }),
      ).rejects.toThrow(/read-only/);
      const pool = (reader as unknown as { pool: Pool }).pool;
      await expect(pool.query(`DELETE FROM "${schema}".events`)).rejects.toThrow(/read-only transaction/);
      expect(await writer.readStream(stream)).toHaveLength(1);
    });

    it('applies no migration: a schema without the store is refused and left absent', async () => {
      const schema = freshSchema();
      await expect(
        PostgresEventStore.connect({ connectionString: requireServer('postgres'), schema, readOnly: true }),
      ).rejects.toThrow(`schema ${schema} holds no Tadamon event store`);
      const pool = new Pool({ connectionString: requireServer('postgres'), max: 1 });
      const { rowCount } = await pool.query(
        'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1',
        [schema],
      );
      await pool.end();
      expect(rowCount).toBe(0);
    });
  });
});
