import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Where the `events` table lives in a SQLite file, for the worker threads' file reader. */
export interface EventsFileLayout {
  rootPage: number;
  pageSize: number;
  /** Page size less the bytes reserved at the end of each page. */
  usableSize: number;
}

/** A file at rest: its layout, and what must not change while it is read. */
export interface EventsFileAtRest {
  layout: EventsFileLayout;
  stamp: string;
}

/** The columns of the store's table, in order (sqlite-schema.ts): the file reader decodes these. */
const COLUMNS = [
  'position',
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
];

/**
 * What the file is now: the database file's identity, size and times, the size of its write-ahead
 * log, whether a rollback journal exists. A write in WAL mode lands in the -wal file first and
 * only a checkpoint changes the database file (its times); in rollback mode a write changes the
 * file and leaves a journal while it runs. So an unchanged stamp with an empty -wal and no journal
 * means nothing was written in between.
 */
function stampOf(filename: string): { stamp: string; quiet: boolean } {
  const db = statSync(filename, { bigint: true });
  const wal = statSync(`${filename}-wal`, { bigint: true, throwIfNoEntry: false });
  const journal = existsSync(`${filename}-journal`);
  const stamp = [db.dev, db.ino, db.size, db.mtimeNs, db.ctimeNs, wal?.size ?? 0n, journal].join(':');
  return { stamp, quiet: (wal === undefined || wal.size === 0n) && !journal };
}

/** The file's header fields the reader needs; undefined when it is not a UTF-8 SQLite 3 file. */
function headerOf(filename: string): { pageSize: number; usableSize: number } | undefined {
  const header = Buffer.alloc(100);
  const fd = openSync(filename, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) !== 100) return undefined;
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return undefined;
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  const usableSize = pageSize - header[20];
  // 1: UTF-8 (the reader copies text bytes as they are).
  if (usableSize < 480 || header.readUInt32BE(56) !== 1) return undefined;
  return { pageSize, usableSize };
}

/**
 * The layout of a SQLite event log nothing is writing to, for reading its pages directly; undefined
 * when that cannot be done safely, and the verifier reads through SQLite instead: a write-ahead log
 * with frames (a live store: pages may be newer there than in the file), a rollback journal, a
 * file that changes while it is looked at, another table layout than the store's, another text
 * encoding than UTF-8.
 */
export function eventsFileAtRest(filename: string): EventsFileAtRest | undefined {
  try {
    return layoutAtRest(filename);
  } catch {
    // Whatever keeps the file from being looked at (a lock, a missing file): SQLite is asked and answers.
    return undefined;
  }
}

function layoutAtRest(filename: string): EventsFileAtRest | undefined {
  const before = stampOf(filename);
  if (!before.quiet) return undefined;
  const header = headerOf(filename);
  if (!header) return undefined;
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  let rootPage: unknown;
  try {
    if (db.pragma('encoding', { simple: true }) !== 'UTF-8') return undefined;
    const table = db
      .prepare(
        "SELECT wr, ncol FROM pragma_table_list WHERE schema = 'main' AND name = 'events' AND type = 'table'",
      )
      .get() as { wr: number; ncol: number } | undefined;
    if (!table || table.wr !== 0 || table.ncol !== COLUMNS.length) return undefined;
    const columns = db
      .prepare("SELECT name, type, pk, hidden FROM pragma_table_xinfo('events') ORDER BY cid")
      .all() as { name: string; type: string; pk: number; hidden: number }[];
    const same =
      columns.length === COLUMNS.length &&
      columns.every(
        (column, i) =>
          column.name === COLUMNS[i] &&
          column.hidden === 0 &&
          // position is the rowid (INTEGER PRIMARY KEY): not stored in the record.
          (i === 0 ? column.pk === 1 && column.type.toUpperCase() === 'INTEGER' : column.pk === 0),
      );
    if (!same) return undefined;
    rootPage = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'events'")
      .pluck()
      .get();
  } finally {
    db.close();
  }
  if (!Number.isSafeInteger(rootPage) || (rootPage as number) < 2) return undefined;
  const after = stampOf(filename);
  if (!after.quiet || after.stamp !== before.stamp) return undefined;
  return { layout: { rootPage: rootPage as number, ...header }, stamp: after.stamp };
}

/** True when the file is as it was when found at rest: what was read from it is the log. */
export function stillAtRest(filename: string, atRest: EventsFileAtRest): boolean {
  const now = stampOf(filename);
  return now.quiet && now.stamp === atRest.stamp;
}
