import Database from 'better-sqlite3';
import { Pool } from 'pg';
import { chainHash, hashInput } from '@tadamon/eventsourcing';
import { StoredEvent } from '../event-store';

/** Parks rows out of the way while unique columns (position, stream revision) are rewritten. */
const PARK = 1_000_000_000;

/**
 * Raw access to a store's rows, as an operator with database access has it, for tests that prove
 * `verifyLog` notices tampering with the global log. Never used by a store.
 */
export interface LogTamper {
  /** Every stored row in global order. */
  rows(): Promise<StoredEvent[]>;
  /** Flips the case of one ASCII letter of the event's stored data (the text stays valid JSON). */
  flipByte(eventId: string): Promise<void>;
  deleteEvents(eventIds: string[]): Promise<void>;
  /** Exchanges the global positions of two events. */
  swapPositions(a: string, b: string): Promise<void>;
  /** Overwrites stored rows (matched by id) with these fields; positions stay. */
  rewrite(rows: StoredEvent[]): Promise<void>;
  /** Stores a row at its globalPosition, first moving every row at or after it up by one. */
  insertAt(row: StoredEvent): Promise<void>;
  close(): Promise<void>;
}

/** The row with its hash recomputed from its fields (prevHash as given). */
export function rehashed<T extends Omit<StoredEvent, 'hash'>>(row: T): T & { hash: string } {
  return { ...row, hash: chainHash(hashInput(row, row.dataJson, row.metadataJson), row.prevHash) };
}

/** Re-links and re-hashes consecutive rows of one stream after `previousHash`: a forger's full recomputation. */
export function rechained(rows: StoredEvent[], previousHash: string): StoredEvent[] {
  let prevHash = previousHash;
  return rows.map((row) => {
    const next = rehashed({ ...row, prevHash });
    prevHash = next.hash;
    return next;
  });
}

function flippedData(data: string, eventId: string): string {
  const match = /"[^"\\]*?[A-Za-z]/.exec(data);
  if (!match) throw new Error(`event ${eventId} has no ASCII letter in a string to flip`);
  const at = match.index + match[0].length - 1;
  return data.slice(0, at) + String.fromCharCode(data.charCodeAt(at) ^ 0x20) + data.slice(at + 1);
}

type SqliteRow = [number, string, number, string, string, number, string, string, string, string, string];

/** Tampers with a SQLite event store file directly. */
export function sqliteLogTamper(filename: string): LogTamper {
  const db = new Database(filename);
  db.pragma('busy_timeout = 5000');
  const run = (work: () => void) => db.transaction(work).immediate();
  const select = db
    .prepare(
      'SELECT position, stream_id, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash FROM events ORDER BY position',
    )
    .raw(true);
  const insert = db.prepare(
    'INSERT INTO events (position, stream_id, category, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    async rows() {
      return (select.all() as SqliteRow[]).map((r) => ({
        globalPosition: r[0],
        streamId: r[1],
        revision: r[2],
        id: r[3],
        type: r[4],
        schemaVersion: r[5],
        dataJson: r[6],
        metadataJson: r[7],
        recordedAt: r[8],
        prevHash: r[9],
        hash: r[10],
      }));
    },
    async flipByte(eventId) {
      run(() => {
        const row = db.prepare('SELECT data FROM events WHERE id = ?').get(eventId) as { data: string };
        db.prepare('UPDATE events SET data = ? WHERE id = ?').run(flippedData(row.data, eventId), eventId);
      });
    },
    async deleteEvents(eventIds) {
      run(() => {
        for (const id of eventIds) {
          if (db.prepare('DELETE FROM events WHERE id = ?').run(id).changes !== 1)
            throw new Error(`no event ${id}`);
        }
      });
    },
    async swapPositions(a, b) {
      run(() => {
        const positionOf = (id: string) =>
          (db.prepare('SELECT position FROM events WHERE id = ?').get(id) as { position: number }).position;
        const [pa, pb] = [positionOf(a), positionOf(b)];
        const move = db.prepare('UPDATE events SET position = ? WHERE id = ?');
        move.run(-1, a);
        move.run(pa, b);
        move.run(pb, a);
      });
    },
    async rewrite(rows) {
      run(() => {
        const park = db.prepare('UPDATE events SET revision = revision + ? WHERE id = ?');
        for (const row of rows) park.run(PARK, row.id);
        const update = db.prepare(
          'UPDATE events SET stream_id = ?, revision = ?, type = ?, schema_version = ?, data = ?, metadata = ?, ' +
            'recorded_at = ?, prev_hash = ?, hash = ? WHERE id = ?',
        );
        for (const r of rows) {
          update.run(
            r.streamId,
            r.revision,
            r.type,
            r.schemaVersion,
            r.dataJson,
            r.metadataJson,
            r.recordedAt,
            r.prevHash,
            r.hash,
            r.id,
          );
        }
      });
    },
    async insertAt(r) {
      run(() => {
        db.prepare('UPDATE events SET position = -position - 1 WHERE position >= ?').run(r.globalPosition);
        db.prepare('UPDATE events SET position = -position WHERE position < 0').run();
        insert.run(
          r.globalPosition,
          r.streamId,
          r.streamId.slice(0, r.streamId.indexOf('-')),
          r.revision,
          r.id,
          r.type,
          r.schemaVersion,
          r.dataJson,
          r.metadataJson,
          r.recordedAt,
          r.prevHash,
          r.hash,
        );
      });
    },
    async close() {
      db.close();
    },
  };
}

/** The columns of the SQLite events table besides position (the rowid), in table order. */
export const SQLITE_EVENT_COLUMNS = [
  'stream_id',
  'category',
  'revision',
  'id',
  'type',
  'schema_version',
  'data',
  'metadata',
  'recorded_at',
  'prev_hash',
  'hash',
] as const;
export type SqliteEventColumn = (typeof SQLITE_EVENT_COLUMNS)[number];

/**
 * Stores values in a SQLite log as no adapter writes them, as an operator with the file can: the
 * same bytes in another storage class, values of any class, bytes that are not valid UTF-8 (SQLite
 * never checks the UTF-8 of what it is given). Rows are found by position (their id may be what is
 * tampered with).
 */
export interface SqliteStorageTamper {
  /** The column's stored bytes, unchanged, as a BLOB. */
  asBlob(position: number, column: SqliteEventColumn): void;
  /**
   * Stores a value of any class: null, a bigint (INTEGER), a number (REAL), a string (TEXT), a
   * Buffer (BLOB). The table is first rebuilt with no declared types and no NOT NULL (what a
   * tamperer may do to it), so that SQLite keeps the value as given.
   */
  store(position: number, column: SqliteEventColumn, value: null | bigint | number | string | Buffer): void;
  /**
   * Replaces the first `from` in the column's stored bytes (or, given a number, the byte at that
   * offset) with `to`, stored as TEXT.
   */
  replaceBytes(position: number, column: SqliteEventColumn, from: Buffer | number, to: Buffer): void;
  close(): void;
}

export function sqliteStorageTamper(filename: string): SqliteStorageTamper {
  const db = new Database(filename);
  db.pragma('busy_timeout = 5000');
  const checked = (column: SqliteEventColumn) => {
    if (!SQLITE_EVENT_COLUMNS.includes(column)) throw new Error(`no column ${column}`);
    return column;
  };
  const updated = (changes: number, position: number) => {
    if (changes !== 1) throw new Error(`no row at position ${position}`);
  };
  let loose = false;
  const loosen = () => {
    if (loose) return;
    db.transaction(() => {
      db.exec(
        `CREATE TABLE events_loose (position INTEGER PRIMARY KEY AUTOINCREMENT, ${SQLITE_EVENT_COLUMNS.join(', ')});
         INSERT INTO events_loose SELECT * FROM events;
         DROP TABLE events;
         ALTER TABLE events_loose RENAME TO events;
         CREATE INDEX events_by_category ON events (category, position);
         CREATE INDEX events_by_type ON events (type, position);`,
      );
    }).immediate();
    loose = true;
  };
  return {
    asBlob(position, column) {
      const c = checked(column);
      updated(
        db.prepare(`UPDATE events SET ${c} = CAST(${c} AS BLOB) WHERE position = ?`).run(position).changes,
        position,
      );
    },
    store(position, column, value) {
      loosen();
      const c = checked(column);
      updated(
        db.prepare(`UPDATE events SET ${c} = ? WHERE position = ?`).run(value, position).changes,
        position,
      );
    },
    replaceBytes(position, column, from, to) {
      const c = checked(column);
      const stored = db
        .prepare(`SELECT CAST(${c} AS BLOB) FROM events WHERE position = ?`)
        .pluck()
        .get(position) as Buffer | undefined;
      if (!stored) throw new Error(`no row at position ${position}`);
      const at = typeof from === 'number' ? from : stored.indexOf(from);
      const length = typeof from === 'number' ? 1 : from.length;
      if (at < 0 || at + length > stored.length)
        throw new Error(
          `column ${c} at position ${position} holds no ${typeof from === 'number' ? `byte ${from}` : from.toString('hex')}`,
        );
      const bytes = Buffer.concat([stored.subarray(0, at), to, stored.subarray(at + length)]);
      updated(
        db.prepare(`UPDATE events SET ${c} = CAST(? AS TEXT) WHERE position = ?`).run(bytes, position)
          .changes,
        position,
      );
    },
    close() {
      db.close();
    },
  };
}

interface PostgresRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

/** Tampers with a PostgreSQL event store's tables directly (the pool is the caller's). */
export function postgresLogTamper(pool: Pool, schema: string): LogTamper {
  const s = `"${schema}"`;
  const inTransaction = async (
    work: (
      query: (
        text: string,
        values?: unknown[],
      ) => Promise<{ rowCount: number | null; rows: Record<string, unknown>[] }>,
    ) => Promise<void>,
  ) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await work((text, values) => client.query(text, values));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    async rows() {
      const { rows } = await pool.query<PostgresRow>(
        `SELECT global_position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash
         FROM ${s}.events ORDER BY global_position`,
      );
      return rows.map((r) => ({
        globalPosition: Number(r.global_position),
        streamId: r.stream_id,
        revision: Number(r.revision),
        id: r.event_id,
        type: r.type,
        schemaVersion: r.schema_version,
        dataJson: r.data,
        metadataJson: r.metadata,
        recordedAt: r.recorded_at,
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
    },
    async flipByte(eventId) {
      const { rows } = await pool.query<{ data: string }>(
        `SELECT data FROM ${s}.events WHERE event_id = $1`,
        [eventId],
      );
      await pool.query(`UPDATE ${s}.events SET data = $2 WHERE event_id = $1`, [
        eventId,
        flippedData(rows[0].data, eventId),
      ]);
    },
    async deleteEvents(eventIds) {
      await inTransaction(async (query) => {
        for (const id of eventIds) {
          const result = await query(`DELETE FROM ${s}.events WHERE event_id = $1`, [id]);
          if (result.rowCount !== 1) throw new Error(`no event ${id}`);
        }
      });
    },
    async swapPositions(a, b) {
      await inTransaction(async (query) => {
        const positionOf = async (id: string) =>
          (await query(`SELECT global_position FROM ${s}.events WHERE event_id = $1`, [id])).rows[0]
            .global_position;
        const [pa, pb] = [await positionOf(a), await positionOf(b)];
        const move = `UPDATE ${s}.events SET global_position = $1 WHERE event_id = $2`;
        await query(move, [-1, a]);
        await query(move, [pa, b]);
        await query(move, [pb, a]);
      });
    },
    async rewrite(rows) {
      await inTransaction(async (query) => {
        for (const row of rows)
          await query(`UPDATE ${s}.events SET revision = revision + $2 WHERE event_id = $1`, [row.id, PARK]);
        for (const r of rows) {
          await query(
            `UPDATE ${s}.events SET stream_id = $2, revision = $3, type = $4, schema_version = $5, data = $6, metadata = $7,
               recorded_at = $8, prev_hash = $9, hash = $10 WHERE event_id = $1`,
            [
              r.id,
              r.streamId,
              r.revision,
              r.type,
              r.schemaVersion,
              r.dataJson,
              r.metadataJson,
              r.recordedAt,
              r.prevHash,
              r.hash,
            ],
          );
        }
      });
    },
    async insertAt(r) {
      await inTransaction(async (query) => {
        await query(
          `UPDATE ${s}.events SET global_position = -global_position - 1 WHERE global_position >= $1`,
          [r.globalPosition],
        );
        await query(`UPDATE ${s}.events SET global_position = -global_position WHERE global_position < 0`);
        await query(`UPDATE ${s}.log_position SET last_position = last_position + 1`);
        await query(
          `INSERT INTO ${s}.events (global_position, event_id, stream_id, category, revision, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
           VALUES ($1, $2, $3, split_part($3, '-', 1), $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            r.globalPosition,
            r.id,
            r.streamId,
            r.revision,
            r.type,
            r.schemaVersion,
            r.dataJson,
            r.metadataJson,
            r.recordedAt,
            r.prevHash,
            r.hash,
          ],
        );
      });
    },
    async close() {
      // The pool belongs to the caller.
    },
  };
}
