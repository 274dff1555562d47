import { LOG_SEAL_STREAM } from '@tadamon/eventsourcing';
import { EVENTS_FILE_READER_SOURCE } from './events-file-reader';
import type { EventsFileLayout } from './events-file-layout';
import {
  FINDING_INVALID_UTF8,
  FINDING_OTHER_CATEGORY,
  FINDING_UNSAFE_INTEGER,
  STORED_CLASSES_SQL,
  STORED_COLUMNS,
  STORED_VALUES_SQL,
} from './stored-values';

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
  /** The row's first stored value fault (stored-values.ts), 0 for none: the row's break comes before any other. */
  faults: Uint8Array;
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
 * as it is), the integers in decimal, then prevHash: the bytes `chainHashOfJson` writes, for a row
 * whose values are sound (stored-values.ts: the only rows whose hash is looked at). CASTs keep
 * json_quote from failing on a BLOB.
 */
const HASHED_TEXT =
  `concat('{"data":', data, ',"id":', json_quote(CAST(id AS TEXT)), ',"metadata":', metadata, ` +
  `',"prevHash":"', prev_hash, '","recordedAt":', json_quote(CAST(recorded_at AS TEXT)), ` +
  `',"revision":', revision, ',"schemaVersion":', schema_version, ` +
  `',"streamId":', json_quote(CAST(stream_id AS TEXT)), ',"type":', json_quote(CAST(type AS TEXT)), '}', prev_hash)`;

/**
 * What the page and row queries select for each row, for the checks: whether every column has its
 * class (`sound`), the hashed text as `input`, and after it `tail`: category and hash, each after an
 * ASCII space, so that one UTF-8 check of input and tail covers every text column (no valid
 * sequence spans an ASCII byte).
 */
const ROW_COLUMNS =
  `position, (${STORED_CLASSES_SQL}) AS sound, CAST(stream_id AS TEXT) AS stream_id, ` +
  "iif(typeof(revision) = 'blob', NULL, revision) AS revision, CAST(prev_hash AS TEXT) AS prev_hash, " +
  `CAST(hash AS TEXT) AS hash, ${HASHED_TEXT} AS input, ` +
  "concat(' ', CAST(category AS TEXT), ' ', CAST(hash AS TEXT)) AS tail FROM events";

/**
 * Rows in a single result row: their texts (input, tail) concatenated into one BLOB, and the
 * members the checks need as one JSON array (position, 1 if sound, stream id, revision, prevHash,
 * hash, byte lengths of input and tail). Making a JavaScript value of every column of every row is
 * what costs most with better-sqlite3 (a page read this way costs about 30% less).
 */
const ROWS_RESULT =
  "SELECT count(*), CAST(group_concat(concat(input, tail), '') AS BLOB), " +
  'json_group_array(json_array(position, sound, stream_id, revision, prev_hash, hash, octet_length(input), octet_length(tail))) FROM ';

/** One page of a block of positions. */
const PAGE_QUERY = `${ROWS_RESULT}(SELECT ${ROW_COLUMNS} WHERE position > @after AND position <= @upto ORDER BY position LIMIT @rows)`;
/** One row, the same way: for a row the file reader leaves to SQLite. */
const ROW_QUERY = `${ROWS_RESULT}(SELECT ${ROW_COLUMNS} WHERE position = @position)`;

/** A row that is not sound, column by column (stored-values.ts): only for the rare row that fails the checks. */
const VALUES_QUERY = `SELECT ${STORED_VALUES_SQL} FROM events WHERE position = ?`;

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
const { isUtf8 } = require('node:buffer');
const fs = require('node:fs');
const Database = require(workerData.sqliteModule);
const { filename, head, shard, shards, blockPositions, blockLeaves, pageRows, batchRows, ahead, file } = workerData;
const SEAL_STREAM = ${JSON.stringify(LOG_SEAL_STREAM)};
/** A log this code does not verify, said as it is (no stack). */
class Refused extends Error {}
const HASH_OK = ${ROW_HASH_OK}, PREV_COMPARABLE = ${ROW_PREV_COMPARABLE}, ID_TEXT = ${ROW_ID_TEXT};
${EVENTS_FILE_READER_SOURCE}

const db = new Database(filename, { readonly: true, fileMustExist: true });
const page = db.prepare(${JSON.stringify(PAGE_QUERY)}).raw(true);
const oneRow = db.prepare(${JSON.stringify(ROW_QUERY)}).raw(true);
const valuesAt = db.prepare(${JSON.stringify(VALUES_QUERY)}).raw(true).safeIntegers(true);
const eventIdAt = db.prepare('SELECT id FROM events WHERE position = ?').pluck();
// The checks are over the stored UTF-8 bytes: a database in another encoding is no log the store wrote.
const encoding = db.pragma('encoding', { simple: true });
if (encoding !== 'UTF-8') throw new Refused('the log is stored as ' + encoding + ', not UTF-8: it is not a log this platform writes');

const COLUMN_CIDS = ${JSON.stringify(STORED_COLUMNS.map((c) => c.cid))};
const COLUMN_INTEGER = ${JSON.stringify(STORED_COLUMNS.map((c) => c.integer))};
const FINDING = { null: 1, integer: 2, real: 3, text: 4, blob: 5 };
const INVALID_UTF8 = ${FINDING_INVALID_UTF8}, UNSAFE_INTEGER = ${FINDING_UNSAFE_INTEGER}, OTHER_CATEGORY = ${FINDING_OTHER_CATEGORY};
const STREAM_AT = ${STORED_COLUMNS.findIndex((c) => c.name === 'stream_id')}, CATEGORY_AT = ${STORED_COLUMNS.findIndex((c) => c.name === 'category')};
const SAFE = 9007199254740991n;

// The first stored value fault of the row at a position, 0 for none: storedValuesFault
// (stored-values.ts) in the worker's plain JavaScript, asked only for a row that fails the fast checks.
function faultAt(position) {
  const r = valuesAt.get(position);
  if (!r) throw new Error('SQLite has no row at position ' + position);
  const n = COLUMN_CIDS.length;
  for (let i = 0; i < n; i++) {
    if (r[i] !== (COLUMN_INTEGER[i] ? 'integer' : 'text')) return 16 * COLUMN_CIDS[i] + FINDING[r[i]];
  }
  for (let i = 0; i < n; i++) {
    const value = r[n + i];
    if (COLUMN_INTEGER[i] ? value < -SAFE || value > SAFE : !isUtf8(value)) {
      return 16 * COLUMN_CIDS[i] + (COLUMN_INTEGER[i] ? UNSAFE_INTEGER : INVALID_UTF8);
    }
    if (i === CATEGORY_AT) {
      const streamId = r[n + STREAM_AT], dash = streamId.indexOf(0x2d);
      if (dash < 0 || !value.equals(streamId.subarray(0, dash))) return 16 * COLUMN_CIDS[i] + OTHER_CATEGORY;
    }
  }
  return 0;
}

// The batch being filled.
let count, positions, slots, revisions, flags, faults, prevs, hashes, prevsView, hashesView, prevsBuffer, hashesBuffer, newSlots, sealRows;
function startBatch() {
  count = 0;
  positions = new Float64Array(batchRows);
  slots = new Int32Array(batchRows);
  revisions = new Float64Array(batchRows);
  flags = new Uint8Array(batchRows);
  faults = new Uint8Array(batchRows);
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

// A row read as text (SQLite's result): [position, sound, streamId, revision, prevHash, hash, byte
// lengths of the hashed text and of the tail], the hashed text at texts[start, start + length). Adds
// it to the batch; returns the bytes it took.
function addTextRow(r, texts, start, slot) {
  const position = r[0], streamId = r[2], revision = r[3], prevHash = r[4], storedHash = r[5], end = start + r[6];
  const checked = new Uint8Array(texts.buffer, texts.byteOffset + start, r[6] + r[7]);
  const fault = r[1] === 1 && isUtf8(checked) ? 0 : faultAt(position);
  if (fault !== 0) {
    addRow(position, slot, NaN, 0, fault);
    return r[6] + r[7];
  }
  let flag = 0;
  if (typeof streamId === 'string') flag |= ID_TEXT;
  // A prevHash that is not 64 ASCII characters equals no hex digest: as bytes it must not either.
  if (typeof prevHash === 'string' && prevHash.length === 64 && isAscii(prevHash)) {
    flag |= PREV_COMPARABLE;
    prevsBuffer.latin1Write(prevHash, 64 * count);
  }
  if (typeof storedHash === 'string' && storedHash.length === 64 && isAscii(storedHash)) {
    hashesBuffer.latin1Write(storedHash, 64 * count);
    if (flag & ID_TEXT && flag & PREV_COMPARABLE && hash('sha256', texts.subarray(start, end), 'hex') === storedHash)
      flag |= HASH_OK;
  }
  addRow(position, slot, typeof revision === 'number' ? revision : NaN, flag, 0);
  return r[6] + r[7];
}

function addRow(position, slot, revision, flag, fault) {
  positions[count] = position;
  slots[count] = slot;
  revisions[count] = revision;
  flags[count] = flag;
  faults[count] = fault;
  count++;
  if (slotIsSeal[slot] && fault === 0) sealRows.push(position, eventIdAt.get(position), revision);
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
    faults: faults.subarray(0, count),
    prevs: prevs.subarray(0, 64 * count),
    hashes: hashes.subarray(0, 64 * count),
    newSlots,
    sealRows,
    frontier,
    done,
  };
  outstanding++;
  parentPort.postMessage(batch, [positions.buffer, slots.buffer, revisions.buffer, flags.buffer, faults.buffer, prevs.buffer, hashes.buffer]);
  startBatch();
  if (!done && outstanding >= ahead) await new Promise((r) => (resume = r));
}

// Through SQLite: blocks of positions, each read in pages.
async function sqliteBlocks() {
  const slotOf = new Map();
  const parameters = { after: 0, upto: 0, rows: pageRows };
  for (let block = shard; block * blockPositions < head; ) {
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
        at += addTextRow(r, texts, at, slot);
        parameters.after = r[0];
        if (count === batchRows) await send(r[0], false);
      }
      if (rows.length < pageRows) break;
    }
    block = nextBlock(block, upto);
    const next = block * blockPositions;
    await send(Math.min(head, next), next >= head);
    if (next >= head) return;
  }
  await send(head, true);
}

const firstPositionAfter = db.prepare('SELECT min(position) FROM events WHERE position > ?').pluck();
// This worker's next block that may hold a row: blocks no row falls in are stepped over (positions
// far apart, as rows inserted at a distant position make them, would otherwise be read block by block).
function nextBlock(block, upto) {
  const next = block + shards;
  const position = firstPositionAfter.get(upto);
  if (position === null) return Math.ceil(head / blockPositions) + shards;
  const first = Math.floor((position - 1) / blockPositions);
  return first <= next ? next : first + ((((shard - first) % shards) + shards) % shards);
}

// A plain row of the file reader, added when its stored bytes are sound (valid UTF-8, its stored
// hash too when it differs from the digest); false: SQLite is to decide the row.
function addPlainRow(reader, position, slot) {
  const { text, textStart, textEnd } = reader;
  // A plain Uint8Array view: cheaper to make than a Buffer's subarray.
  const bytes = new Uint8Array(text.buffer, text.byteOffset + textStart, textEnd - textStart);
  if (!isUtf8(bytes)) return false;
  // The digest goes where the row's hash goes: when the stored hash is the same, it is that hash.
  hashesBuffer.latin1Write(hash('sha256', bytes, 'hex'), 64 * count);
  const same = reader.hashIs(hashesView, 64 * count);
  if (!same && !isUtf8(reader.storedHash())) return false;
  let flag = ID_TEXT;
  if (reader.copyPrevHashTo(prevsView, 64 * count)) flag |= PREV_COMPARABLE;
  if (same) flag |= HASH_OK;
  addRow(position, slot, reader.revision, flag, 0);
  return true;
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
      if (!(reader.plain && addPlainRow(reader, position, slot))) {
        // SQLite decides what the reader cannot: the row as the page query gives it.
        const { rows, texts } = resultOf(oneRow.get({ position }));
        if (rows.length !== 1) throw new EventsFileCorrupt('SQLite has no row at position ' + position);
        addTextRow(rows[0], texts, 0, slot);
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
    const text = error instanceof Refused ? error.message : error && error.stack ? error.stack : String(error);
    // Whatever goes wrong reading the file itself, SQLite is asked instead (and fails there if it must).
    parentPort.postMessage(file ? { fallback: text } : { error: text });
  });
`;
