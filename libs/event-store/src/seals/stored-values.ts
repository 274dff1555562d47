import { isUtf8 } from 'node:buffer';
import Database from 'better-sqlite3';
import { StoredEvent } from '../event-store';
import type { LogBreak } from './verify-log';

/**
 * What a row of the log must hold before its hash means anything: each column of the storage
 * class the store writes (TEXT, or INTEGER for revision and schema_version), text as valid UTF-8,
 * integers within ±(2^53 − 1). A value of another class hashes to the same bytes on one read path
 * and fails on another, is read otherwise by the platform (a BLOB id or type matches none of its
 * queries), and text that is not UTF-8 is read as U+FFFD: two stored byte strings, one text. So
 * every read path checks this first, row by row, in the same order, and names the first value that
 * fails (`unexpected-storage`); only then are the chains checked, over bytes that read back exactly.
 */

/** The stored columns in the order they are checked (the SQLite table's order), with their class. */
export const STORED_COLUMNS = [
  { name: 'stream_id', cid: 1, integer: false },
  { name: 'category', cid: 2, integer: false },
  { name: 'revision', cid: 3, integer: true },
  { name: 'id', cid: 4, integer: false },
  { name: 'type', cid: 5, integer: false },
  { name: 'schema_version', cid: 6, integer: true },
  { name: 'data', cid: 7, integer: false },
  { name: 'metadata', cid: 8, integer: false },
  { name: 'recorded_at', cid: 9, integer: false },
  { name: 'prev_hash', cid: 10, integer: false },
  { name: 'hash', cid: 11, integer: false },
] as const;

export type StoredColumn = (typeof STORED_COLUMNS)[number]['name'];

/** What a column was found to hold: a storage class other than its own, or a value it cannot hold. */
export const STORED_FINDINGS = [
  undefined,
  'NULL',
  'INTEGER',
  'REAL',
  'TEXT',
  'BLOB',
  'text that is not valid UTF-8',
  'an integer beyond ±(2^53 − 1)',
  "a category other than its stream id's",
] as const;

export type StoredFinding = Exclude<(typeof STORED_FINDINGS)[number], undefined>;

/** A fault as one small integer (worker batches carry it per row): 16 × the column's cid + the finding's index; 0 for none. */
export const FINDING_INVALID_UTF8 = 6;
export const FINDING_UNSAFE_INTEGER = 7;
/**
 * The category column is not hashed, and the store's reads filter by it: it must be the stream id's
 * part before its first '-' (which every stream id has), or an event vanishes from those reads.
 */
export const FINDING_OTHER_CATEGORY = 8;

export interface StoredValueFault {
  column: StoredColumn;
  expected: 'TEXT' | 'INTEGER';
  found: StoredFinding;
}

export function decodeStoredFault(code: number): StoredValueFault {
  const column = STORED_COLUMNS.find((c) => c.cid === code >> 4);
  const found = STORED_FINDINGS[code & 15];
  if (!column || !found) throw new Error(`no stored value fault has the code ${code}`);
  return { column: column.name, expected: column.integer ? 'INTEGER' : 'TEXT', found };
}

const code = (cid: number, finding: number) => 16 * cid + finding;

/** The class SQLite would name for a value as better-sqlite3 or pg hands it over. */
function findingOf(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'bigint') return 2;
  if (typeof value === 'number') return Number.isInteger(value) ? 2 : 3;
  if (typeof value === 'string') return 4;
  return 5;
}

/** StoredEvent's member for each column (category where the store hands it over). */
const MEMBERS: [cid: number, member: keyof StoredEvent, integer: boolean][] = [
  [1, 'streamId', false],
  [2, 'category', false],
  [3, 'revision', true],
  [4, 'id', false],
  [5, 'type', false],
  [6, 'schemaVersion', true],
  [7, 'dataJson', false],
  [8, 'metadataJson', false],
  [9, 'recordedAt', false],
  [10, 'prevHash', false],
  [11, 'hash', false],
];

/**
 * The first fault of a row read through the port (the single-threaded pass: PostgreSQL, KurrentDB,
 * an in-memory SQLite store), the checks above as far as the values show them: JavaScript strings
 * carry no invalid UTF-8 (a store decodes it before), so that part is the SQLite passes' alone, and
 * the category only where the store hands it over.
 */
export function storedEventFault(row: StoredEvent): number {
  const withCategory = 'category' in row;
  for (const [cid, member, integer] of MEMBERS) {
    const value: unknown = row[member];
    if (cid === 2 && !withCategory) continue;
    if (integer ? typeof value !== 'number' || !Number.isInteger(value) : typeof value !== 'string')
      return code(cid, findingOf(value));
  }
  for (const [cid, member, integer] of MEMBERS) {
    if (integer && !Number.isSafeInteger(row[member])) return code(cid, FINDING_UNSAFE_INTEGER);
    if (cid === 2 && withCategory) {
      const dash = row.streamId.indexOf('-');
      if (dash < 0 || row.category !== row.streamId.slice(0, dash)) return code(cid, FINDING_OTHER_CATEGORY);
    }
  }
  return 0;
}

/** A stored value as text for a person: what names the row of a break. */
export function displayedValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The sentence of an `unexpected-storage` break. */
export function storedFaultDetail(fault: StoredValueFault): string {
  if (fault.found === "a category other than its stream id's") {
    return (
      "column category is not its stream id's part before the first '-', which the store writes there: " +
      'reads by category (projections, the ranking of a call) would miss the row'
    );
  }
  const what =
    fault.found === 'text that is not valid UTF-8' || fault.found === 'an integer beyond ±(2^53 − 1)'
      ? fault.found
      : `a value of class ${fault.found}`;
  return (
    `column ${fault.column} holds ${what} where the store writes ${fault.expected}` +
    (fault.expected === 'TEXT' ? ' in UTF-8' : ' within ±(2^53 − 1)') +
    ': the platform would read it otherwise than the bytes hashed, or its queries would miss the row'
  );
}

/**
 * SQL true when every column of a row of `events` has its class and integers are in range
 * (UTF-8 is checked on the bytes, in JavaScript).
 */
export const STORED_CLASSES_SQL = STORED_COLUMNS.map((c) =>
  c.integer
    ? `typeof(${c.name}) = 'integer' AND ${c.name} BETWEEN -9007199254740991 AND 9007199254740991`
    : `typeof(${c.name}) = 'text'`,
)
  .concat("instr(stream_id, '-') > 0 AND category = substr(stream_id, 1, instr(stream_id, '-') - 1)")
  .join(' AND ');

/** The break of a row with a stored value fault, named from the row as the store reads it back. */
export function storedValueBreak(row: StoredEvent, code: number): LogBreak {
  const fault = decodeStoredFault(code);
  const id = displayedValue(row.id);
  return {
    streamId: displayedValue(row.streamId),
    revision: Number.isSafeInteger(row.revision) ? row.revision : undefined,
    position: row.globalPosition,
    eventId: id === '' ? undefined : id,
    reason: 'unexpected-storage',
    column: fault.column,
    found: fault.found,
    detail: storedFaultDetail(fault),
  };
}

/**
 * A row's values column by column, in STORED_COLUMNS order: each column's class, then the integer
 * columns as they are (read them with safeIntegers) and the text columns' bytes.
 */
export const STORED_VALUES_SQL =
  `${STORED_COLUMNS.map((c) => `typeof(${c.name})`).join(', ')}, ` +
  STORED_COLUMNS.map((c) => (c.integer ? c.name : `CAST(${c.name} AS BLOB)`)).join(', ');

const FINDING_OF_CLASS: Record<string, number> = { null: 1, integer: 2, real: 3, text: 4, blob: 5 };
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The first fault of a row of STORED_VALUES_SQL (the worker threads' faultAt says the same). */
export function storedValuesFault(values: unknown[]): number {
  const n = STORED_COLUMNS.length;
  for (let i = 0; i < n; i++) {
    const column = STORED_COLUMNS[i];
    if (values[i] !== (column.integer ? 'integer' : 'text'))
      return code(column.cid, FINDING_OF_CLASS[values[i] as string]);
  }
  for (let i = 0; i < n; i++) {
    const column = STORED_COLUMNS[i];
    const value = values[n + i];
    if (column.integer ? (value as bigint) < -SAFE || (value as bigint) > SAFE : !isUtf8(value as Buffer))
      return code(column.cid, column.integer ? FINDING_UNSAFE_INTEGER : FINDING_INVALID_UTF8);
    if (column.name === 'category' && !isCategoryOf(value as Buffer, values[n] as Buffer))
      return code(column.cid, FINDING_OTHER_CATEGORY);
  }
  return 0;
}

/** The category's bytes are the stream id's up to its first '-'. */
function isCategoryOf(category: Buffer, streamId: Buffer): boolean {
  const dash = streamId.indexOf(0x2d);
  return dash >= 0 && category.equals(streamId.subarray(0, dash));
}

/** The faults of one stream's rows in a SQLite file, by position (rows without one left out). */
export function sqliteStreamFaults(filename: string, streamId: string): Map<number, number> {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT position, ${STORED_VALUES_SQL} FROM events WHERE stream_id = ?`)
      .raw(true)
      .safeIntegers(true)
      .all(streamId) as unknown[][];
    const faults = new Map<number, number>();
    for (const row of rows) {
      const fault = storedValuesFault(row.slice(1));
      if (fault !== 0) faults.set(Number(row[0]), fault);
    }
    return faults;
  } finally {
    db.close();
  }
}

/** The break of a row at a position beyond ±(2^53 − 1), which no store assigns and no number names. */
export function unsafePositionBreak(row: StoredEvent): LogBreak {
  const id = displayedValue(row.id);
  return {
    streamId: displayedValue(row.streamId),
    revision: Number.isSafeInteger(row.revision) ? row.revision : undefined,
    eventId: id === '' ? undefined : id,
    reason: 'unexpected-storage',
    column: 'position',
    found: 'an integer beyond ±(2^53 − 1)',
    detail:
      'column position holds an integer beyond ±(2^53 − 1), which the store never assigns: no exact ' +
      'number names the row, and it is not verified',
  };
}
