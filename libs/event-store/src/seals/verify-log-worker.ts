import { LOG_SEAL_STREAM } from '@tadamon/eventsourcing';
import { EVENT_COLUMNS } from '../sqlite/sqlite-schema';
import { EVENTS_FILE_READER_SOURCE } from './events-file-reader';
import type { EventsFileLayout } from './events-file-layout';

/**
 * What a worker thread needs to hash its share of a SQLite log (structured-cloned). The log is cut
 * into blocks in position order (`blockPositions` positions each through SQLite, `blockLeaves`
 * leaf pages each when reading the file) dealt round-robin: worker `shard` of `shards` takes blocks
 * shard, shard + shards, shard + 2 * shards...
 */
export interface ShardWorkerData {
  /** Absolute path of better-sqlite3's entry point (workers resolve nothing themselves). */
  sqliteModule: string;
  filename: string;
  head: number;
  shard: number;
  shards: number;
  blockPositions: number;
  blockLeaves: number;
  /** Rows per SQL page. */
  pageRows: number;
  /** Rows per message at most (a message also ends with each block). */
  batchRows: number;
  /** Batches a worker may send before the coordinator acknowledges one. */
  ahead: number;
  /** Read the rows from the file's pages (a file at rest): its layout. Absent: through SQLite. */
  file?: EventsFileLayout;
}

/** Per-row flags of a batch. */
export const ROW_HASH_OK = 1;
/** prevHash is 64 bytes (ASCII when read as text), in `prevs`: comparable with a hex digest. */
export const ROW_PREV_COMPARABLE = 2;
/** The stream id is text (a NULL one makes the row's hash a mismatch, as on one thread). */
export const ROW_ID_TEXT = 4;

/**
 * Rows of a worker's blocks in position order, each hashed: whether its stored hash is the hash of
 * its stored text (with its own stored prevHash: the coordinating thread checks the links, and a
 * row whose link holds has the prevHash the single-threaded pass would hash), and what the
 * coordinating thread needs to check revisions and links and to fold the seals.
 */
export interface ShardBatch {
  count: number;
  positions: Float64Array;
  /** The row's stream as the worker's own slot number (see newSlots). */
  slots: Int32Array;
  /** Revisions; NaN for a value that is no number. */
  revisions: Float64Array;
  flags: Uint8Array;
  /** Stored prevHash and hash, 64 bytes each. */
  prevs: Uint8Array;
  hashes: Uint8Array;
  /** Slots first used in this batch: slot, key (one per distinct stored id), stream id, in turn. */
  newSlots: (number | string | null)[];
  /** The seal stream's rows among them: position, event id and revision of each, in turn. */
  sealRows: (number | string)[];
  /** The worker holds no row at or below this position that it has not delivered. */
  frontier: number;
  done: boolean;
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

/** One page of a block of positions. */
const PAGE_QUERY = `${ROWS_RESULT}(SELECT ${ROW_COLUMNS} WHERE position > @after AND position <= @upto ORDER BY position LIMIT @rows)`;
/** One row, the same way: for a row the file reader leaves to SQLite. */
const ROW_QUERY = `${ROWS_RESULT}(SELECT ${ROW_COLUMNS} WHERE position = @position)`;

/**
 * The worker's code, evaluated as a CommonJS script (`new Worker(source, { eval: true })`): plain
 * JavaScript with no import of ours, so it runs the same under ts-node/swc, jest and a webpack
 * bundle. Per row it hashes what the single-threaded pass hashes and hands the row's stream,
 * revision and hashes to the coordinating thread, which checks the chains in global order. The rows
 * come from SQLite's page query, or, for a file at rest (`file` set), from the file's pages
 * (events-file-reader.ts); any failure of the file reader is reported as `fallback`, and the
 * coordinator verifies again through SQLite.
 */
export const VERIFY_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const fs = require('node:fs');
const Database = require(workerData.sqliteModule);
const { filename, head, shard, shards, blockPositions, blockLeaves, pageRows, batchRows, ahead, file } = workerData;
const SEAL_STREAM = ${JSON.stringify(LOG_SEAL_STREAM)};
const HASH_OK = ${ROW_HASH_OK}, PREV_COMPARABLE = ${ROW_PREV_COMPARABLE}, ID_TEXT = ${ROW_ID_TEXT};
${EVENTS_FILE_READER_SOURCE}

const db = new Database(filename, { readonly: true, fileMustExist: true });
const page = db.prepare(${JSON.stringify(PAGE_QUERY)}).raw(true);
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

// The batch being filled.
let count, positions, slots, revisions, flags, prevs, hashes, prevsView, hashesView, prevsBuffer, hashesBuffer, newSlots, sealRows;
function startBatch() {
  count = 0;
  positions = new Float64Array(batchRows);
  slots = new Int32Array(batchRows);
  revisions = new Float64Array(batchRows);
  flags = new Uint8Array(batchRows);
  prevs = new Uint8Array(64 * batchRows);
  hashes = new Uint8Array(64 * batchRows);
  prevsView = new DataView(prevs.buffer);
  hashesView = new DataView(hashes.buffer);
  prevsBuffer = Buffer.from(prevs.buffer);
  hashesBuffer = Buffer.from(hashes.buffer);
  newSlots = [];
  sealRows = [];
}

// Streams as slots 0, 1, 2..., announced to the coordinator in the batch of their first row; whether
// each is the seal stream.
const slotIsSeal = [];
function useSlot(slot, key, streamId) {
  slotIsSeal[slot] = streamId === SEAL_STREAM;
  newSlots.push(slot, key, streamId);
}

const isAscii = (text) => /^[\\x00-\\x7f]*$/.test(text);

// A row read as text (SQLite's result): [position, exact, streamId, revision, prevHash, hash, length of
// the hashed text], the hashed text at texts[start, end). Adds it to the batch.
function addTextRow(r, texts, start, end, slot) {
  const position = r[0], streamId = r[2], revision = r[3], prevHash = r[4], storedHash = r[5];
  let flag = 0;
  if (typeof streamId === 'string') flag |= ID_TEXT;
  // A prevHash that is not 64 ASCII characters equals no hex digest: as bytes it must not either.
  if (typeof prevHash === 'string' && prevHash.length === 64 && isAscii(prevHash)) {
    flag |= PREV_COMPARABLE;
    prevsBuffer.latin1Write(prevHash, 64 * count);
  }
  if (typeof storedHash === 'string' && storedHash.length === 64 && isAscii(storedHash)) {
    hashesBuffer.latin1Write(storedHash, 64 * count);
    if (flag & ID_TEXT && flag & PREV_COMPARABLE) {
      let computed;
      if (utf8 && r[1] === 1) computed = hash('sha256', texts.subarray(start, end), 'hex');
      else {
        const row = fullRow.get(position);
        computed = row && row[1] === streamId ? recompute(row, prevHash, jsonString(streamId)) : undefined;
      }
      if (computed === storedHash) flag |= HASH_OK;
    }
  }
  addRow(position, slot, typeof revision === 'number' ? revision : NaN, flag);
}

function addRow(position, slot, revision, flag) {
  positions[count] = position;
  slots[count] = slot;
  revisions[count] = revision;
  flags[count] = flag;
  count++;
  if (slotIsSeal[slot]) sealRows.push(position, eventIdAt.get(position), revision);
}

// A result of ROWS_RESULT: its rows and texts.
function resultOf([read, texts, members]) {
  return { rows: read === 0 ? [] : JSON.parse(members), texts };
}

let outstanding = 0;
let resume;
parentPort.on('message', (message) => {
  if (message === 'ack') {
    outstanding--;
    if (resume) { const r = resume; resume = undefined; r(); }
  }
});

async function send(frontier, done) {
  const batch = {
    count,
    positions: positions.subarray(0, count),
    slots: slots.subarray(0, count),
    revisions: revisions.subarray(0, count),
    flags: flags.subarray(0, count),
    prevs: prevs.subarray(0, 64 * count),
    hashes: hashes.subarray(0, 64 * count),
    newSlots,
    sealRows,
    frontier,
    done,
  };
  outstanding++;
  parentPort.postMessage(batch, [positions.buffer, slots.buffer, revisions.buffer, flags.buffer, prevs.buffer, hashes.buffer]);
  startBatch();
  if (!done && outstanding >= ahead) await new Promise((r) => (resume = r));
}

// Through SQLite: blocks of positions, each read in pages.
async function sqliteBlocks() {
  const slotOf = new Map();
  const parameters = { after: 0, upto: 0, rows: pageRows };
  for (let block = shard; block * blockPositions < head; block += shards) {
    parameters.after = block * blockPositions;
    const upto = Math.min(head, (block + 1) * blockPositions);
    parameters.upto = upto;
    for (;;) {
      const { rows, texts } = resultOf(page.get(parameters));
      let at = 0;
      for (const r of rows) {
        const streamId = r[2];
        let slot = slotOf.get(streamId);
        if (slot === undefined) {
          slot = slotOf.size;
          slotOf.set(streamId, slot);
          useSlot(slot, streamId === null ? 'n' : 's' + streamId, streamId);
        }
        addTextRow(r, texts, at, at + r[6], slot);
        at += r[6];
        parameters.after = r[0];
        if (count === batchRows) await send(r[0], false);
      }
      if (rows.length < pageRows) break;
    }
    const next = (block + shards) * blockPositions;
    await send(Math.min(head, next), next >= head);
    if (next >= head) return;
  }
  await send(head, true);
}

// From the file's pages: blocks of leaves.
async function fileBlocks() {
  const reader = openEventsFile(fs, { filename, rootPage: file.rootPage, pageSize: file.pageSize, usableSize: file.usableSize, head });
  let lastPosition = 0;
  for (let block = shard; block * blockLeaves < reader.leafCount && !reader.finished; block += shards) {
    reader.block(block * blockLeaves, (block + 1) * blockLeaves);
    while (reader.next()) {
      const position = reader.position;
      const slot = reader.slot;
      if (slot >= slotIsSeal.length) useSlot(slot, reader.keyOf(slot), reader.streamIdOf(slot));
      if (reader.plain) {
        let flag = ID_TEXT;
        if (reader.copyPrevHashTo(prevsView, 64 * count)) flag |= PREV_COMPARABLE;
        const { text, textStart, textEnd } = reader;
        // A plain Uint8Array view: cheaper to make than a Buffer's subarray.
        const bytes = new Uint8Array(text.buffer, text.byteOffset + textStart, textEnd - textStart);
        // The digest goes where the row's hash goes: when the stored hash is the same, it is that hash.
        hashesBuffer.latin1Write(hash('sha256', bytes, 'hex'), 64 * count);
        if (reader.hashIs(hashesView, 64 * count)) flag |= HASH_OK;
        addRow(position, slot, reader.revision, flag);
      } else {
        // SQLite decides what the reader cannot: the row as the page query gives it.
        const { rows, texts } = resultOf(oneRow.get({ position }));
        if (rows.length !== 1) throw new EventsFileCorrupt('SQLite has no row at position ' + position);
        addTextRow(rows[0], texts, 0, rows[0][6], slot);
      }
      lastPosition = position;
      if (count === batchRows) await send(lastPosition, false);
    }
    // Rows of the leaves between this block and the next one of this worker are other workers'.
    const nextLeaf = (block + shards) * blockLeaves;
    if (reader.finished || nextLeaf >= reader.leafCount) break;
    const nextPosition = reader.firstPosition(nextLeaf);
    await send(nextPosition === undefined ? lastPosition : Math.max(lastPosition, nextPosition - 1), false);
  }
  reader.close();
  await send(head, true);
}

startBatch();
(file ? fileBlocks() : sqliteBlocks())
  .then(() => db.close())
  .catch((error) => {
    const text = error && error.stack ? error.stack : String(error);
    // Whatever goes wrong reading the file itself, SQLite is asked instead (and fails there if it must).
    parentPort.postMessage(file ? { fallback: text } : { error: text });
  });
`;
