/**
 * The SQLite event log. `position` is the rowid (AUTOINCREMENT, so a position is never reused);
 * only one transaction writes at a time, so positions become visible in order and a reader can
 * never see position n+1 before n. `data` and `metadata` hold canonical JSON exactly as hashed.
 */
export const SQLITE_SCHEMA_VERSION = 1;

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  category TEXT NOT NULL,
  revision INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

/** The columns every read selects, in the order the row mappers expect. */
export const EVENT_COLUMNS =
  'position, stream_id, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/** A row as better-sqlite3 returns it in raw mode (EVENT_COLUMNS order). */
export type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  id: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
];
