import { GENESIS_HASH, LOG_SEAL_STREAM } from '@tadamon/eventsourcing';
import { EVENT_COLUMNS } from '../sqlite/sqlite-schema';

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

/**
 * One page of a shard in a single result row: the rows' hashed texts concatenated into one BLOB,
 * and the members the checks need as one JSON array (position, 1 if the text is exact, stream id,
 * revision, prevHash, hash, byte length of the text). Making a JavaScript value of every column of
 * every row is what costs most with better-sqlite3 (a page read this way costs about 30% less).
 */
const PAGE_QUERY =
  "SELECT count(*), CAST(group_concat(input, '') AS BLOB), " +
  'json_group_array(json_array(position, exact, stream_id, revision, prev_hash, hash, octet_length(input))) ' +
  "FROM (SELECT position, typeof(schema_version) = 'integer' AS exact, CAST(stream_id AS TEXT) AS stream_id, " +
  "iif(typeof(revision) = 'blob', NULL, revision) AS revision, CAST(prev_hash AS TEXT) AS prev_hash, " +
  `CAST(hash AS TEXT) AS hash, ${HASHED_TEXT} AS input ` +
  'FROM events WHERE position > @after AND position <= @head AND ';

/**
 * The worker's code, evaluated as a CommonJS script (`new Worker(source, { eval: true })`): plain
 * JavaScript with no import of ours, so it runs the same under ts-node/swc, jest and a webpack
 * bundle. Per row it does what verifyLog's single-threaded pass does (revision order, link, hash
 * recomputed from the stored text); chains never cross shards, so no check needs another thread.
 */
export const VERIFY_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.sqliteModule);
const { filename, head, predicate, lower, upper, pageRows, ahead } = workerData;
const GENESIS = ${JSON.stringify(GENESIS_HASH)};
const SEAL_STREAM = ${JSON.stringify(LOG_SEAL_STREAM)};

const db = new Database(filename, { readonly: true, fileMustExist: true });
const page = db.prepare(${JSON.stringify(PAGE_QUERY)} + predicate + ' ORDER BY position LIMIT @rows)').raw(true);
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
const streams = new Map();
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

function stop(r, reason, expected) {
  return { position: r[0], streamId: r[2], revision: r[3], eventId: eventIdAt.get(r[0]), reason, expected };
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
  let after = 0;
  for (;;) {
    const parameters = { after, head, rows: pageRows };
    if (predicate.includes('@lower')) parameters.lower = lower;
    if (predicate.includes('@upper')) parameters.upper = upper;
    const [read, texts, members] = page.get(parameters);
    const rows = read === 0 ? [] : JSON.parse(members);
    const positions = new Float64Array(rows.length);
    const hashes = new Uint8Array(64 * rows.length);
    const out = Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
    const sealRows = [];
    let count = 0;
    let broken;
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      // [position, exact, streamId, revision, prevHash, hash, length of the hashed text]
      const r = rows[i];
      const position = r[0];
      const length = r[6];
      const start = at;
      at += length;
      if (!(position > lastPosition)) { broken = stop(r, 'position-out-of-order'); break; }
      lastPosition = position;
      const streamId = r[2];
      const state = streams.get(streamId);
      const expected = state === undefined ? 0 : state.revision + 1;
      const previousHash = state === undefined ? GENESIS : state.hash;
      if (r[3] !== expected) {
        broken = r[3] > expected ? stop(r, 'jump', expected) : stop(r, r[3] !== null && r[3] >= 0 ? 'duplicate-revision' : 'out-of-order');
        break;
      }
      if (r[4] !== previousHash) { broken = stop(r, expected === 0 ? 'bad-genesis' : 'broken-link'); break; }
      if (typeof streamId !== 'string') { broken = stop(r, 'hash-mismatch'); break; }
      let computed;
      if (utf8 && r[1] === 1) computed = hash('sha256', texts.subarray(start, at), 'hex');
      else {
        const row = fullRow.get(position);
        computed = row && row[1] === streamId ? recompute(row, previousHash, jsonString(streamId)) : undefined;
      }
      if (computed === undefined || computed !== r[5]) { broken = stop(r, 'hash-mismatch'); break; }
      if (state === undefined) streams.set(streamId, { revision: r[3], hash: r[5] });
      else { state.revision = r[3]; state.hash = r[5]; }
      positions[count] = position;
      out.latin1Write(r[5], 64 * count);
      count++;
      if (streamId === SEAL_STREAM) sealRows.push(position, eventIdAt.get(position), r[3]);
    }
    const done = broken !== undefined || rows.length < pageRows;
    const frontier = broken ? broken.position : done ? head : lastPosition;
    const batch = {
      count,
      positions: positions.subarray(0, count),
      hashes: hashes.subarray(0, 64 * count),
      sealRows,
      frontier,
      streams: streams.size,
      broken,
      done,
    };
    outstanding++;
    parentPort.postMessage(batch, [positions.buffer, hashes.buffer]);
    if (done) break;
    after = lastPosition;
    if (outstanding >= ahead) await new Promise((r) => (resume = r));
  }
  db.close();
}
run().catch((error) => {
  parentPort.postMessage({ error: error && error.stack ? error.stack : String(error) });
});
`;
