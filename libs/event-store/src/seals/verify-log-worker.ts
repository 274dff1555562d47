import { GENESIS_HASH, LOG_SEAL_STREAM } from '@tadamon/eventsourcing';
import { EVENT_COLUMNS } from '../sqlite/sqlite-schema';
import { EVENTS_FILE_READER_SOURCE } from './events-file-reader';
import type { EventsFileLayout } from './events-file-layout';

/** What a worker thread needs to verify one shard of a SQLite log (structured-cloned). */
export interface ShardWorkerData {
  /** Absolute path of better-sqlite3's entry point (workers resolve nothing themselves). */
  sqliteModule: string;
  filename: string;
  head: number;
  /** SQL condition selecting the shard's rows, with @lower / @upper bound to the next two fields. */
  predicate: string;
  lower?: string;
  upper?: string;
  pageRows: number;
  /** Batches a worker may send before the coordinator acknowledges one. */
  ahead: number;
  /** Read the rows from the file's pages (a file at rest): its layout. Absent: through SQLite. */
  file?: EventsFileLayout;
}

/** The first row of a shard that does not verify; `jump` is a revision gap or a reordering. */
export interface ShardBreak {
  position: number;
  streamId: string;
  revision: number;
  eventId: string;
  reason:
    | 'position-out-of-order'
    | 'jump'
    | 'duplicate-revision'
    | 'out-of-order'
    | 'bad-genesis'
    | 'broken-link'
    | 'hash-mismatch';
  /** For a jump: the revision the stream expected next. */
  expected?: number;
}

/** One page of verified rows of a shard, in position order. */
export interface ShardBatch {
  count: number;
  /** Positions of the rows (count of them). */
  positions: Float64Array;
  /** The rows' verified hashes, 64 lower-case hex characters each, as bytes. */
  hashes: Uint8Array;
  /** The seal stream's rows among them: position, event id and revision of each, in turn. */
  sealRows: (number | string)[];
  /** Every row of the shard up to this position has been delivered (the break, if any, excepted). */
  frontier: number;
  /** Distinct streams the shard has verified so far. */
  streams: number;
  broken?: ShardBreak;
  done: boolean;
}

/**
 * The shard a row belongs to: a range of stream ids (`stream_id >= lower AND stream_id < upper`,
 * SQLite's own order, the first shard with no lower bound and the last with no upper one). A pure
 * function of the stored stream id, so every row of a stream goes to the same worker and each chain
 * is checked whole by one thread; the ranges cover every value (a missing id counts as ''), so no
 * row can fall between shards. A comparison costs SQLite far less than a hash of the id would.
 */
export function shardPredicate(shard: number, shards: number): string {
  const bounds = [
    ...(shard > 0 ? ["coalesce(stream_id, '') >= @lower"] : []),
    ...(shard < shards - 1 ? ["coalesce(stream_id, '') < @upper"] : []),
  ];
  return bounds.length === 0 ? '1' : bounds.join(' AND ');
}

/**
 * The hashed text of a row, built by SQLite from the stored columns: the members in RFC 8785 order,
 * data and metadata as stored, the four strings quoted with json_quote (which escapes exactly what
 * JSON.stringify escapes: quote, backslash, controls as \b \t \n \f \r or \u00xx; UTF-8 passes
 * as it is), the integers in decimal, then prevHash. For valid UTF-8 these are the bytes
 * `chainHashOfJson` writes; bytes that are not valid UTF-8 are hashed as stored (where reading them
 * as text would have seen U+FFFD), so this never accepts what the text path would refuse. Only
 * schema_version is not seen by the JavaScript checks: a row where it is no integer (which SQLite
 * would write in its own way) is hashed by the JavaScript path instead. CASTs keep json_quote from
 * failing on a BLOB.
 */
const HASHED_TEXT =
  `concat('{"data":', data, ',"id":', json_quote(CAST(id AS TEXT)), ',"metadata":', metadata, ` +
  `',"prevHash":"', prev_hash, '","recordedAt":', json_quote(CAST(recorded_at AS TEXT)), ` +
  `',"revision":', revision, ',"schemaVersion":', schema_version, ` +
  `',"streamId":', json_quote(CAST(stream_id AS TEXT)), ',"type":', json_quote(CAST(type AS TEXT)), '}', prev_hash)`;

/** What the page and row queries select for each row, for the checks: the hashed text as `input`. */
const ROW_COLUMNS =
  "position, typeof(schema_version) = 'integer' AS exact, CAST(stream_id AS TEXT) AS stream_id, " +
  "iif(typeof(revision) = 'blob', NULL, revision) AS revision, CAST(prev_hash AS TEXT) AS prev_hash, " +
  `CAST(hash AS TEXT) AS hash, ${HASHED_TEXT} AS input FROM events`;

/**
 * Rows in a single result row: their hashed texts concatenated into one BLOB, and the members the
 * checks need as one JSON array (position, 1 if the text is exact, stream id, revision, prevHash,
 * hash, byte length of the text). Making a JavaScript value of every column of every row is what
 * costs most with better-sqlite3 (a page read this way costs about 30% less).
 */
const ROWS_RESULT =
  "SELECT count(*), CAST(group_concat(input, '') AS BLOB), " +
  'json_group_array(json_array(position, exact, stream_id, revision, prev_hash, hash, octet_length(input))) FROM ';

/** One page of a shard; the shard's condition and `ORDER BY position LIMIT @rows)` follow. */
const PAGE_QUERY = `${ROWS_RESULT}(SELECT ${ROW_COLUMNS} WHERE position > @after AND position <= @head AND `;
/** One row, the same way: for a row the file reader leaves to SQLite. */
const ROW_QUERY = `${ROWS_RESULT}(SELECT ${ROW_COLUMNS} WHERE position = @position)`;

/**
 * The worker's code, evaluated as a CommonJS script (`new Worker(source, { eval: true })`): plain
 * JavaScript with no import of ours, so it runs the same under ts-node/swc, jest and a webpack
 * bundle. Per row it does what verifyLog's single-threaded pass does (revision order, link, hash
 * recomputed from the stored text); chains never cross shards, so no check needs another thread.
 * The rows come from SQLite's page query, or, for a file at rest (`file` set), from the file's
 * pages (events-file-reader.ts); any failure of the file reader is reported as `fallback`, and the
 * coordinator verifies again through SQLite.
 */
export const VERIFY_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const fs = require('node:fs');
const Database = require(workerData.sqliteModule);
const { filename, head, predicate, lower, upper, pageRows, ahead, file } = workerData;
const GENESIS = ${JSON.stringify(GENESIS_HASH)};
const SEAL_STREAM = ${JSON.stringify(LOG_SEAL_STREAM)};
${EVENTS_FILE_READER_SOURCE}

const db = new Database(filename, { readonly: true, fileMustExist: true });
const page = db.prepare(${JSON.stringify(PAGE_QUERY)} + predicate + ' ORDER BY position LIMIT @rows)').raw(true);
const oneRow = db.prepare(${JSON.stringify(ROW_QUERY)}).raw(true);
const fullRow = db.prepare('SELECT ${EVENT_COLUMNS} FROM events WHERE position = ?').raw(true);
const eventIdAt = db.prepare('SELECT id FROM events WHERE position = ?').pluck();
// SQLite's text is these bytes only in a UTF-8 database (the store's); otherwise every row takes the JavaScript path.
const utf8 = db.pragma('encoding', { simple: true }) === 'UTF-8';

// JSON.stringify of a string, fast for the plain ASCII of envelopes (jsonStringLiteral's rule).
function jsonString(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return '"' + value + '"';
}
// canonicalNumber: undefined for what is no JSON number (the row then cannot match its hash).
function jsonNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Object.is(value, -0) ? '0' : String(value);
}

const PREFIX = '{"data":';
let scratch = Buffer.allocUnsafe(64 * 1024);
scratch.latin1Write(PREFIX, 0);
let lastPosition = -Infinity;
let recordedAt, recordedAtJson = '', type, typeJson = '', schemaVersion, schemaVersionJson;

// The row's hash recomputed from its stored text, or undefined when a member is not text/number.
function recompute(r, previousHash, idJson) {
  const data = r[6], metadata = r[7];
  if (typeof data !== 'string' || typeof metadata !== 'string') return undefined;
  if (typeof r[3] !== 'string' || typeof r[4] !== 'string' || typeof r[8] !== 'string') return undefined;
  if (r[8] !== recordedAt) recordedAtJson = jsonString((recordedAt = r[8]));
  if (r[4] !== type) typeJson = jsonString((type = r[4]));
  if (r[5] !== schemaVersion) schemaVersionJson = jsonNumber((schemaVersion = r[5]));
  if (schemaVersionJson === undefined) return undefined;
  // One write for everything after the data: fewer native calls (the prefix stays at 0 in scratch).
  const rest =
    ',"id":' + jsonString(r[3]) + ',"metadata":' + metadata + ',"prevHash":"' + previousHash + '","recordedAt":' +
    recordedAtJson + ',"revision":' + String(r[2]) + ',"schemaVersion":' + schemaVersionJson + ',"streamId":' +
    idJson + ',"type":' + typeJson + '}' + previousHash;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  const most = 3 * (data.length + rest.length) + 8;
  if (most > scratch.length) {
    scratch = Buffer.allocUnsafe(Math.max(most, 2 * scratch.length));
    scratch.latin1Write(PREFIX, 0);
  }
  let at = PREFIX.length;
  at += scratch.utf8Write(data, at);
  at += scratch.utf8Write(rest, at);
  return hash('sha256', scratch.subarray(0, at), 'hex');
}

// Each stream as a slot: its last verified revision (-1: none yet) and hash (64 hex bytes in slab).
let slotRevisions = new Float64Array(1024).fill(-1);
let slab = Buffer.alloc(64 * 1024);
let slabView = new DataView(slab.buffer, slab.byteOffset, slab.byteLength);
const slotIsSeal = [];
let verifiedStreams = 0;
function ensureSlot(slot, streamId) {
  if (slot < slotIsSeal.length) return;
  if (slot >= slotRevisions.length) {
    const revisions = new Float64Array(2 * slotRevisions.length).fill(-1);
    revisions.set(slotRevisions);
    slotRevisions = revisions;
    const grown = Buffer.alloc(2 * slab.length);
    slab.copy(grown);
    slab = grown;
    slabView = new DataView(slab.buffer, slab.byteOffset, slab.byteLength);
  }
  slotIsSeal[slot] = streamId === SEAL_STREAM;
}

// The row being checked: position, its stream's slot and id, and for a row read as text (SQLite's
// result) its members; the hashed bytes are text[textStart, textEnd).
let position, slot, streamId, exact, revision, prevHash, storedHash, text, textStart, textEnd;

function stop(reason, expected) {
  return { position, streamId, revision, eventId: eventIdAt.get(position), reason, expected };
}

// A result of ROWS_RESULT, taken row by row.
let resultRows = [], resultIndex = 0, resultTexts, resultAt = 0;
function takeResult([read, texts, members]) {
  resultRows = read === 0 ? [] : JSON.parse(members);
  resultIndex = 0;
  resultTexts = texts;
  resultAt = 0;
}
function takeResultRow() {
  // [position, exact, streamId, revision, prevHash, hash, length of the hashed text]
  const r = resultRows[resultIndex++];
  position = r[0];
  exact = r[1] === 1;
  streamId = r[2];
  revision = r[3];
  prevHash = r[4];
  storedHash = r[5];
  text = resultTexts;
  textStart = resultAt;
  resultAt += r[6];
  textEnd = resultAt;
}

/** Checks a row read as text in its slot, as verifyLog's single-threaded pass does; records it when sound. */
function checkTextRow() {
  const known = slotRevisions[slot];
  const expected = known + 1;
  const previousHash = known < 0 ? GENESIS : slab.latin1Slice(64 * slot, 64 * slot + 64);
  if (revision !== expected) {
    return revision > expected ? stop('jump', expected) : stop(revision !== null && revision >= 0 ? 'duplicate-revision' : 'out-of-order');
  }
  if (prevHash !== previousHash) return stop(expected === 0 ? 'bad-genesis' : 'broken-link');
  if (typeof streamId !== 'string') return stop('hash-mismatch');
  let computed;
  if (utf8 && exact) computed = hash('sha256', text.subarray(textStart, textEnd), 'hex');
  else {
    const row = fullRow.get(position);
    computed = row && row[1] === streamId ? recompute(row, previousHash, jsonString(streamId)) : undefined;
  }
  if (computed === undefined || computed !== storedHash) return stop('hash-mismatch');
  if (known < 0) verifiedStreams++;
  slotRevisions[slot] = revision;
  slab.latin1Write(storedHash, 64 * slot);
  return undefined;
}

// A source moves to the shard's next row (false after the last), checks it, and on success records
// it in its stream's slot and writes its hash to the batch: a break, or undefined.
function sqliteRows() {
  const parameters = { after: 0, head, rows: pageRows };
  if (predicate.includes('@lower')) parameters.lower = lower;
  if (predicate.includes('@upper')) parameters.upper = upper;
  const slots = new Map();
  let last = false;
  return {
    next() {
      if (resultIndex >= resultRows.length) {
        if (last) return false;
        takeResult(page.get(parameters));
        last = resultRows.length < pageRows;
        if (resultRows.length === 0) return false;
        parameters.after = resultRows[resultRows.length - 1][0];
      }
      takeResultRow();
      slot = slots.get(streamId);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(streamId, slot);
        ensureSlot(slot, streamId);
      }
      return true;
    },
    check: checkTextRow,
    writeHash(out, offset) {
      out.latin1Write(storedHash, offset);
    },
  };
}
function fileRows() {
  const reader = openEventsFile(fs, {
    filename,
    rootPage: file.rootPage,
    pageSize: file.pageSize,
    usableSize: file.usableSize,
    head,
    lower: lower === undefined ? undefined : Buffer.from(lower, 'utf8'),
    upper: upper === undefined ? undefined : Buffer.from(upper, 'utf8'),
  });
  let plain = false;
  return {
    next() {
      if (!reader.next()) {
        reader.close();
        return false;
      }
      position = reader.position;
      slot = reader.slot;
      streamId = reader.streamIdOf(slot);
      ensureSlot(slot, streamId);
      plain = reader.plain;
      if (!plain) {
        // SQLite decides what the reader cannot: the row as the page query gives it.
        takeResult(oneRow.get({ position }));
        if (resultRows.length !== 1) throw new EventsFileCorrupt('SQLite has no row at position ' + position);
        takeResultRow();
      }
      return true;
    },
    check() {
      if (!plain) return checkTextRow();
      // The same checks in the same order as checkTextRow, on the bytes where they lie.
      revision = reader.revision;
      const known = slotRevisions[slot];
      const expected = known + 1;
      if (revision !== expected) {
        return revision > expected ? stop('jump', expected) : stop(revision >= 0 ? 'duplicate-revision' : 'out-of-order');
      }
      if (!(known < 0 ? reader.prevHashIs(undefined, 0) : reader.prevHashIs(slabView, 64 * slot))) {
        return stop(expected === 0 ? 'bad-genesis' : 'broken-link');
      }
      const { text, textStart, textEnd } = reader;
      // A plain Uint8Array view: cheaper to make than a Buffer's subarray.
      const bytes = new Uint8Array(text.buffer, text.byteOffset + textStart, textEnd - textStart);
      if (!reader.hashIs(hash('sha256', bytes, 'hex'))) {
        return stop('hash-mismatch');
      }
      if (known < 0) verifiedStreams++;
      slotRevisions[slot] = revision;
      reader.copyHashTo(slabView, 64 * slot);
      return undefined;
    },
    writeHash(out, offset, view) {
      if (plain) reader.copyHashTo(view, offset);
      else out.latin1Write(storedHash, offset);
    },
  };
}

let outstanding = 0;
let resume;
parentPort.on('message', (message) => {
  if (message === 'ack') {
    outstanding--;
    if (resume) { const r = resume; resume = undefined; r(); }
  }
});

async function run() {
  const rows = file ? fileRows() : sqliteRows();
  let exhausted = false;
  for (;;) {
    const positions = new Float64Array(pageRows);
    const hashes = new Uint8Array(64 * pageRows);
    const out = Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
    const view = new DataView(hashes.buffer, hashes.byteOffset, hashes.byteLength);
    const sealRows = [];
    let count = 0;
    let broken;
    while (count < pageRows) {
      if (!rows.next()) { exhausted = true; break; }
      if (!(position > lastPosition)) { broken = stop('position-out-of-order'); break; }
      lastPosition = position;
      broken = rows.check();
      if (broken) break;
      positions[count] = position;
      rows.writeHash(out, 64 * count, view);
      count++;
      if (slotIsSeal[slot]) sealRows.push(position, eventIdAt.get(position), revision);
    }
    const done = broken !== undefined || exhausted;
    const frontier = broken ? broken.position : done ? head : lastPosition;
    const batch = {
      count,
      positions: positions.subarray(0, count),
      hashes: hashes.subarray(0, 64 * count),
      sealRows,
      frontier,
      streams: verifiedStreams,
      broken,
      done,
    };
    outstanding++;
    parentPort.postMessage(batch, [positions.buffer, hashes.buffer]);
    if (done) break;
    if (outstanding >= ahead) await new Promise((r) => (resume = r));
  }
  db.close();
}
run().catch((error) => {
  const text = error && error.stack ? error.stack : String(error);
  // Whatever goes wrong reading the file itself, SQLite is asked instead (and fails there if it must).
  parentPort.postMessage(file ? { fallback: text } : { error: text });
});
`;
