import Database from 'better-sqlite3';
import { requireServer } from '@tadamon/testing';
import { Pool } from 'pg';
import { CheckpointStore } from './checkpoints/checkpoint-store';
import { PostgresCheckpointStore } from './checkpoints/postgres-checkpoint-store';
import { SqliteCheckpointStore } from './checkpoints/sqlite-checkpoint-store';
import { PostgresInbox } from './consumer/postgres-inbox';
import { SqliteInbox } from './consumer/sqlite-inbox';
import { uniqueName } from './testing/kafka-fixture';

describe.each(['sqlite', 'postgres'] as const)('%s checkpoints and inbox', (kind) => {
  let checkpoints: CheckpointStore;
  let effect: (tx: unknown, value: string) => Promise<void>;
  let effects: () => Promise<string[]>;
  let inbox: SqliteInbox | PostgresInbox;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'sqlite') {
      const db = new Database(':memory:');
      db.exec('CREATE TABLE effects (value TEXT NOT NULL)');
      checkpoints = new SqliteCheckpointStore(db);
      inbox = new SqliteInbox(db);
      effect = async (tx, value) => {
        (tx as Database.Database).prepare('INSERT INTO effects VALUES (?)').run(value);
      };
      effects = async () =>
        (db.prepare('SELECT value FROM effects').all() as { value: string }[]).map((r) => r.value);
      cleanup = async () => void db.close();
    } else {
      const pool = new Pool({ connectionString: requireServer('postgres'), max: 3 });
      const schema = uniqueName('msg_store_');
      checkpoints = await PostgresCheckpointStore.create(pool, schema);
      inbox = await PostgresInbox.create(pool, schema);
      await pool.query(`CREATE TABLE "${schema}".effects (value text NOT NULL)`);
      effect = async (tx, value) =>
        void (await (tx as import('pg').PoolClient).query(`INSERT INTO "${schema}".effects VALUES ($1)`, [
          value,
        ]));
      effects = async () =>
        (await pool.query(`SELECT value FROM "${schema}".effects`)).rows.map((r) => r.value);
      cleanup = async () => {
        await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await pool.end();
      };
    }
  });
  afterAll(() => cleanup());

  it('saves and reloads a checkpoint, undefined before the first save', async () => {
    expect(await checkpoints.load('relay:x')).toBeUndefined();
    await checkpoints.save('relay:x', 41);
    await checkpoints.save('relay:x', 9_007_199_254_740);
    expect(await checkpoints.load('relay:x')).toBe(9_007_199_254_740);
  });

  it('commits an effect once per event and consumer, and rolls back a failing one', async () => {
    const run = (consumer: string, id: string, value: string) =>
      inbox.processOnce(consumer, id, (tx) => effect(tx, value));
    expect(await run('funding', 'e1', 'first')).toBe('processed');
    expect(await run('funding', 'e1', 'again')).toBe('duplicate');
    expect(await run('training', 'e1', 'other consumer')).toBe('processed');
    await expect(
      inbox.processOnce('funding', 'e2', async (tx) => {
        await effect(tx, 'rolled back');
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await run('funding', 'e2', 'retried')).toBe('processed');
    expect((await effects()).sort()).toEqual(['first', 'other consumer', 'retried']);
  });

  it('gives concurrent deliveries of one event a single effect', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        inbox.processOnce('funding', 'e3', (tx) => effect(tx, `concurrent ${i}`)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(1);
    expect((await effects()).filter((value) => value.startsWith('concurrent'))).toHaveLength(1);
  });
});

describe('SqliteInbox batches', () => {
  let db: Database.Database;
  let inbox: SqliteInbox;
  const values = () =>
    (db.prepare('SELECT value FROM effects').all() as { value: string }[]).map((r) => r.value);
  const write = (value: string) => async (tx: Database.Database) =>
    void tx.prepare('INSERT INTO effects VALUES (?)').run(value);

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE effects (value TEXT NOT NULL)');
    inbox = new SqliteInbox(db);
  });
  afterEach(() => db.close());

  it('commits the deliveries of a batch together, a failing one rolled back alone', async () => {
    const outcomes = await inbox.batch(async (batch) => {
      const seen = [await batch.processOnce('funding', 'b1', write('one'))];
      await expect(
        batch.processOnce('funding', 'b2', async (tx) => {
          await write('rolled back')(tx);
          throw new Error('handler failed');
        }),
      ).rejects.toThrow('handler failed');
      seen.push(await batch.processOnce('funding', 'b1', write('duplicate')));
      seen.push(await batch.processOnce('funding', 'b3', write('three')));
      expect(db.inTransaction).toBe(true);
      return seen;
    });
    expect(outcomes).toEqual(['processed', 'duplicate', 'processed']);
    expect(db.inTransaction).toBe(false);
    expect(values()).toEqual(['one', 'three']);
    expect(inbox.has('funding', 'b2')).toBe(false);
  });

  it('keeps nothing of a batch whose work throws', async () => {
    await expect(
      inbox.batch(async (batch) => {
        await batch.processOnce('funding', 'c1', write('lost'));
        throw new Error('store failed');
      }),
    ).rejects.toThrow('store failed');
    expect(values()).toEqual([]);
    expect(inbox.has('funding', 'c1')).toBe(false);
    expect(await inbox.processOnce('funding', 'c1', write('redelivered'))).toBe('processed');
    expect(values()).toEqual(['redelivered']);
  });

  it('queues single deliveries behind an open batch', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batch = inbox.batch(async (b) => {
      await b.processOnce('funding', 'd1', write('batched'));
      await gate;
    });
    const single = inbox.processOnce('funding', 'd2', write('single'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(values()).toEqual(['batched']);
    release();
    await Promise.all([batch, single]);
    expect(values()).toEqual(['batched', 'single']);
  });
});
