import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { NO_STREAM, verifyStreamChain, StreamNotFound, WrongExpectedRevision } from '@tadamon/eventsourcing';
import { ChainTamper, eventStoreContract } from '../testing';
import { SealedEvent } from '../append-preparation';
import { EventStore } from '../event-store';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { race, RACE_ROUNDS } from './two-writers';

const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-sqlite-'));
  directories.push(dir);
  return join(dir, 'events.db');
}

/** Alters the file directly, as an attacker with disk access would. */
function sqliteTamper(filename: string): ChainTamper {
  const run = (work: (db: Database.Database) => void) => {
    const db = new Database(filename);
    try {
      db.transaction(() => work(db)).immediate();
    } finally {
      db.close();
    }
  };
  return {
    async flipByte(eventId) {
      run((db) => {
        const { data } = db.prepare('SELECT data FROM events WHERE id = ?').get(eventId) as { data: string };
        const i = data.search(/[0-9a-z]/);
        const flipped = data.slice(0, i) + String.fromCharCode(data.charCodeAt(i) ^ 1) + data.slice(i + 1);
        db.prepare('UPDATE events SET data = ? WHERE id = ?').run(flipped, eventId);
      });
    },
    async deleteEvent(eventId) {
      run((db) => db.prepare('DELETE FROM events WHERE id = ?').run(eventId));
    },
    async swapRevisions(streamId, a, b) {
      run((db) => {
        const set = db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?');
        set.run(-1, streamId, a);
        set.run(a, streamId, b);
        set.run(b, streamId, -1);
      });
    },
    async insertForged(forged: SealedEvent) {
      run((db) => {
        const shift = db.prepare(
          'UPDATE events SET revision = revision + ? WHERE stream_id = ? AND revision >= ?',
        );
        shift.run(1_000_000_000, forged.streamId, forged.revision);
        shift.run(1 - 1_000_000_000, forged.streamId, 1_000_000_000 + forged.revision);
        db.prepare(
          'INSERT INTO events (stream_id, category, revision, id, type, schema_version, data, metadata, ' +
            'recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
          forged.streamId,
          forged.streamId.split('-')[0],
          forged.revision,
          forged.id,
          forged.type,
          forged.schemaVersion,
          forged.dataJson,
          forged.metadataJson,
          forged.recordedAt,
          forged.prevHash,
          forged.hash,
        );
      });
    },
  };
}

eventStoreContract('SQLite', async (options) => {
  const filename = tempFile();
  const open = () => SqliteEventStore.open({ filename, maxEventBytes: options?.maxEventBytes });
  const stores: EventStore[] = [open()];
  return {
    store: stores[0],
    tamper: sqliteTamper(filename),
    async reopen() {
      stores.push(open());
      return stores[stores.length - 1];
    },
    async cleanup() {
      await Promise.all(stores.map((store) => store.close()));
    },
  };
});

const event = () => ({
  id: randomUUID(),
  type: 'Counted',
  schemaVersion: 1,
  data: { at: Date.now() },
  metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'test', roles: [] } },
});

describe('SqliteEventStore', () => {
  it.each(['FULL', 'NORMAL', 'OFF'] as const)(
    'applies synchronous=%s and WAL to its connection',
    async (mode) => {
      const store = SqliteEventStore.open({ filename: tempFile(), synchronous: mode });
      const db = (store as unknown as { db: Database.Database }).db;
      expect(db.pragma('synchronous', { simple: true })).toBe({ OFF: 0, NORMAL: 1, FULL: 2 }[mode]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.synchronous).toBe(mode);
      await store.close();
    },
  );

  it('defaults to synchronous=FULL and rejects an unknown setting', async () => {
    const store = SqliteEventStore.open({ filename: tempFile() });
    expect(store.synchronous).toBe('FULL');
    await store.close();
    expect(() =>
      SqliteEventStore.open({
        filename: tempFile(),
        synchronous: 'EXTRA' as SqliteEventStoreOptions['synchronous'],
      }),
    ).toThrow(/synchronous/);
  });

  it('keeps its data when reopened', async () => {
    const filename = tempFile();
    const first = SqliteEventStore.open({ filename });
    const appended = await first.appendToStream('counter-1', [event(), event()], {
      expectedRevision: NO_STREAM,
    });
    await first.close();
    const again = SqliteEventStore.open({ filename });
    expect(await again.readStream('counter-1')).toEqual(appended.events);
    const next = await again.appendToStream('counter-1', [event()], { expectedRevision: 1 });
    expect(next.lastPosition).toBeGreaterThan(appended.lastPosition);
    await again.close();
  });

  it('commits the appends of one event-loop turn together, each with its own revision check', async () => {
    const store = SqliteEventStore.open({ filename: tempFile() });
    const outcomes = await Promise.allSettled([
      store.appendToStream('batch-a', [event()], { expectedRevision: NO_STREAM }),
      store.appendToStream('batch-b', [event(), event()], { expectedRevision: NO_STREAM }),
      // Same stream, same expectation: the second is refused, the first and the others stand.
      store.appendToStream('batch-a', [event()], { expectedRevision: NO_STREAM }),
      store.appendToStream('batch-c', [event()], { expectedRevision: NO_STREAM }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual([
      'batch-a',
      'batch-b',
      'batch-b',
      'batch-c',
    ]);
    const positions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.lastPosition] : []));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    // A failed append inside the batch rolled back alone: the batch-a stream holds one event.
    expect(await store.readStream('batch-a')).toHaveLength(1);
    await store.close();
  });

  it('tells onCommitted listeners of each append it commits, not another store’s; a throwing listener changes nothing', async () => {
    const filename = tempFile();
    const store = SqliteEventStore.open({ filename });
    const other = SqliteEventStore.open({ filename });
    const seen: number[] = [];
    const headsAtNotice: number[] = [];
    const stop = store.onCommitted((result) => {
      seen.push(...result.events.map((e) => e.globalPosition));
      headsAtNotice.push(result.lastPosition);
    });
    store.onCommitted(() => {
      throw new Error('a faulty listener');
    });
    const [a, b] = await Promise.all([
      store.appendToStream('notice-a', [event(), event()], { expectedRevision: NO_STREAM }),
      store.appendToStream('notice-b', [event()], { expectedRevision: NO_STREAM }),
      store.appendToStream('notice-a', [event()], { expectedRevision: NO_STREAM }).catch(() => undefined),
    ]);
    await other.appendToStream('notice-c', [event()], { expectedRevision: NO_STREAM });
    expect(seen).toEqual([...(a?.events ?? []), ...(b?.events ?? [])].map((e) => e.globalPosition));
    expect(headsAtNotice).toEqual([a?.lastPosition, b?.lastPosition]);
    stop();
    await store.appendToStream('notice-d', [event()], { expectedRevision: NO_STREAM });
    expect(seen).toHaveLength(3);
    await other.close();
    await store.close();
  });

  it('reads a stream that has no events as [] through readStreamOrEmpty, and as StreamNotFound through readStream', async () => {
    const store = SqliteEventStore.open({ filename: tempFile() });
    await expect(store.readStreamOrEmpty('nothing-1')).resolves.toEqual([]);
    await expect(store.readStream('nothing-1')).rejects.toBeInstanceOf(StreamNotFound);
    const appended = await store.appendToStream('something-1', [event()], { expectedRevision: NO_STREAM });
    await expect(store.readStreamOrEmpty('something-1')).resolves.toEqual(appended.events);
    await store.close();
  });

  it('answers an append only once it is durable, and flushes pending appends on close', async () => {
    const filename = tempFile();
    const store = SqliteEventStore.open({ filename });
    const pending = store.appendToStream('late-1', [event()], { expectedRevision: NO_STREAM });
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    const reopened = SqliteEventStore.open({ filename });
    expect(await reopened.readStream('late-1')).toHaveLength(1);
    await reopened.close();
  });

  it('serialises two stores on one file: every append lands once, conflicts are typed', async () => {
    const filename = tempFile();
    const [a, b] = [SqliteEventStore.open({ filename }), SqliteEventStore.open({ filename })];
    const live: number[] = [];
    const subscription = b.subscribe({ onEvent: (e) => void live.push(e.globalPosition) });
    let conflicts = 0;
    await Promise.all(
      [a, b].map(async (store) => {
        for (let i = 0; i < 100; i++) {
          const streamId = 'shared-1';
          const expectedRevision = await store
            .readStream(streamId, { direction: 'backwards', maxCount: 1 })
            .then(([last]) => last.revision)
            .catch(() => NO_STREAM);
          await new Promise((resolve) => setImmediate(resolve));
          await store.appendToStream(streamId, [event()], { expectedRevision }).catch((error) => {
            if (!(error instanceof WrongExpectedRevision)) throw error;
            conflicts++;
          });
        }
      }),
    );
    const stored = await a.readStream('shared-1');
    expect(stored.length + conflicts).toBe(200);
    expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live).toEqual(stored.map((e) => e.globalPosition));
    await subscription.stop();
    await Promise.all([a.close(), b.close()]);
  });

  it('serialises adapters in two threads on one file (IMMEDIATE transactions and the busy timeout)', async () => {
    const filename = tempFile();
    const store = SqliteEventStore.open({ filename });
    // A second thread has its own connection and appends while this one does: real lock contention.
    const source = `
      require('@swc-node/register');
      const { parentPort, workerData } = require('node:worker_threads');
      const { SqliteEventStore } = require(workerData.adapter);
      const { race } = require(workerData.spec);
      const store = SqliteEventStore.open({ filename: workerData.filename });
      race(store, 'thread').then((conflicts) => store.close().then(() => parentPort.postMessage(conflicts)));
    `;
    const worker = new Worker(source, {
      eval: true,
      workerData: {
        filename,
        adapter: require.resolve('./sqlite-event-store'),
        spec: require.resolve('./two-writers'),
      },
    });
    const conflictsThere = new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const conflictsHere = await race(store, 'main');
    const conflicts = conflictsHere + (await conflictsThere);
    expect((await store.readStream('thread-1')).length).toBe(RACE_ROUNDS);
    expect((await store.readStream('main-1')).length).toBe(RACE_ROUNDS);
    const shared = await store.readStoredStream('shared-1');
    expect(shared.length + conflicts).toBe(2 * RACE_ROUNDS);
    expect(verifyStreamChain(shared).ok).toBe(true);
    const all = await store.readAll();
    expect(all.map((e) => e.globalPosition)).toEqual(
      [...all.map((e) => e.globalPosition)].sort((x, y) => x - y),
    );
    await store.close();
  }, 60000);

  describe('read-only (the auditor)', () => {
    it('reads a store another connection writes, refuses appends, and writes nothing', async () => {
      const filename = tempFile();
      const writer = SqliteEventStore.open({ filename });
      const appended = await writer.appendToStream('audit-1', [event(), event()], {
        expectedRevision: NO_STREAM,
      });
      const reader = SqliteEventStore.open({ filename, readOnly: true });
      expect(reader.readOnly).toBe(true);
      expect(await reader.readStream('audit-1')).toEqual(appended.events);
      await writer.appendToStream('audit-1', [event()], { expectedRevision: 1 });
      expect(await reader.headPosition()).toBe(3);
      await expect(
        reader.appendToStream('audit-2', [event()], { expectedRevision: NO_STREAM }),
      ).rejects.toThrow(/read-only/);
      const db = (reader as unknown as { db: Database.Database }).db;
      expect(() => db.exec('DELETE FROM events')).toThrow(/readonly/);
      await reader.close();
      await writer.close();
    });

    it('opens neither a missing file (creating nothing) nor a file that is not an event store', async () => {
      const missing = tempFile();
      expect(() => SqliteEventStore.open({ filename: missing, readOnly: true })).toThrow();
      expect(existsSync(missing)).toBe(false);
      const other = tempFile();
      new Database(other).close();
      expect(() => SqliteEventStore.open({ filename: other, readOnly: true })).toThrow(
        /is not a Tadamon event store/,
      );
    });
  });
});
