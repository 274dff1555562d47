import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ParallelReadSource } from '../event-store';
import { eventsFileAtRest, stillAtRest } from './events-file-layout';
import type { LogBreak } from './verify-log';
import type { EventsFileLayout } from './events-file-layout';
import {
  shardPredicate,
  ShardBatch,
  ShardBreak,
  ShardWorkerData,
  VERIFY_WORKER_SOURCE,
} from './verify-log-worker';

/** What the coordinating thread does with the shards' rows, merged in global order. */
export interface MergedPass {
  /** Closes the seal segments left behind before `position`; a seal's break, if any. */
  cross(position: number): Promise<LogBreak | undefined> | undefined;
  /** A row verified by its shard: its hash (64 ASCII hex bytes at `offset`), and whether it is a seal. */
  row(
    position: number,
    hashes: Buffer,
    offset: number,
    seal: { eventId: string; revision: number } | undefined,
  ): LogBreak | undefined;
  /** The first broken row of a shard, reached in global order. */
  shardBreak(broken: ShardBreak): Promise<LogBreak>;
  /** Distinct streams verified so far, all shards together. */
  streams(count: number): void;
  progress(): void;
}

/** Rows sampled to split the stream ids into shards of about as many events. */
const SPLIT_SAMPLE = 1024;

/**
 * The stream ids that split the log into `shards` ranges of about as many events: stream ids of
 * rows at evenly spaced positions, sorted by SQLite (the order the shards' conditions compare in).
 * Balance only: any split points give a correct partition.
 */
function shardSplits(filename: string, head: number, shards: number): string[] {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const step = Math.max(1, Math.floor(head / SPLIT_SAMPLE));
    const positions = Array.from({ length: Math.min(SPLIT_SAMPLE, head) }, (_, i) => 1 + i * step);
    const ids = db
      .prepare(
        "SELECT coalesce(stream_id, '') FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY 1",
      )
      .pluck()
      .all(JSON.stringify(positions)) as unknown[];
    const text = ids.filter((id): id is string => typeof id === 'string');
    return Array.from(
      { length: shards - 1 },
      (_, k) => text[Math.floor(((k + 1) * text.length) / shards)] ?? '',
    );
  } finally {
    db.close();
  }
}

/** Rows per page a worker reads and hands over (one message). */
const SHARD_PAGE_ROWS = 500;
/** Rows per message when the worker reads the file: no SQL page to match, and a message costs. */
const FILE_BATCH_ROWS = 4096;
/** Pages a worker may read ahead of the merge. */
const SHARD_AHEAD = 4;

type Batch = Omit<ShardBatch, 'hashes'> & { hashes: Buffer };

interface Lane {
  worker: Worker;
  batches: Batch[];
  index: number;
  sealAt: number;
  /** Every row of the shard up to here has been received. */
  known: number;
  done: boolean;
  streams: number;
  broken?: ShardBreak;
  wake?: () => void;
}

/** The position of the lane's next row or break; Infinity when it has no more; undefined when not yet known. */
function nextOf(lane: Lane): number | undefined {
  while (lane.batches.length > 0 && lane.index >= lane.batches[0].count) {
    lane.batches.shift();
    lane.index = 0;
    lane.sealAt = 0;
    if (!lane.done) lane.worker.postMessage('ack');
  }
  if (lane.batches.length > 0) return lane.batches[0].positions[lane.index];
  if (lane.broken) return lane.broken.position;
  return lane.done ? Infinity : undefined;
}

/** The parallel pass read the file's pages and cannot vouch for them: verify again through SQLite. */
export const READ_THROUGH_SQLITE = Symbol('read through SQLite');

/**
 * Verifies a SQLite log with `threads` worker threads, one shard of the streams each, and merges
 * their verified rows in global order into `pass` (seal checks, counts). Returns the first break
 * in global order (undefined for none), and whether the file was read directly. Throws when a
 * worker fails (the store could not be read).
 *
 * With `readFile`, a file at rest (events-file-layout.ts) is read by the workers page by page
 * instead of through SQLite; if the file reader fails on anything, or the file changed while it
 * was read, the result is READ_THROUGH_SQLITE and the caller verifies again with readFile off.
 */
export async function verifyShardsInParallel(
  source: ParallelReadSource,
  head: number,
  threads: number,
  /** Rows merged between two progress calls (at least). */
  progressEvery: number,
  pass: MergedPass,
  readFile: boolean,
): Promise<{ broken: LogBreak | undefined; fileRead: boolean } | typeof READ_THROUGH_SQLITE> {
  const atRest = readFile ? eventsFileAtRest(source.filename) : undefined;
  if (atRest === undefined) {
    const broken = await verifyShards(source, head, threads, progressEvery, pass, undefined);
    if (broken === READ_THROUGH_SQLITE)
      throw new Error('a verification thread read no file but failed as if it had');
    return { broken, fileRead: false };
  }
  const broken = await verifyShards(source, head, threads, progressEvery, pass, atRest.layout);
  if (broken === READ_THROUGH_SQLITE || !stillAtRest(source.filename, atRest)) return READ_THROUGH_SQLITE;
  return { broken, fileRead: true };
}

async function verifyShards(
  source: ParallelReadSource,
  head: number,
  threads: number,
  progressEvery: number,
  pass: MergedPass,
  file: EventsFileLayout | undefined,
): Promise<LogBreak | undefined | typeof READ_THROUGH_SQLITE> {
  // Resolved here, where node_modules is known; the worker's evaluated code resolves nothing.
  const sqliteModule = createRequire(__filename).resolve('better-sqlite3');
  const splits = shardSplits(source.filename, head, threads);
  let failure: Error | undefined;
  /** A worker could not read the file: its verdict cannot be trusted. */
  let unreadable = false;
  const lanes: Lane[] = [];
  for (let shard = 0; shard < threads; shard++) {
    const workerData: ShardWorkerData = {
      sqliteModule,
      filename: source.filename,
      head,
      predicate: shardPredicate(shard, threads),
      lower: splits[shard - 1],
      upper: splits[shard],
      pageRows: file ? FILE_BATCH_ROWS : SHARD_PAGE_ROWS,
      ahead: SHARD_AHEAD,
      file,
    };
    const lane: Lane = {
      // No preloaded hooks (a TypeScript register would cost more than the work): the code is plain JS.
      worker: new Worker(VERIFY_WORKER_SOURCE, { eval: true, workerData, execArgv: [] }),
      batches: [],
      index: 0,
      sealAt: 0,
      known: 0,
      done: false,
      streams: 0,
    };
    const wake = () => {
      const resume = lane.wake;
      lane.wake = undefined;
      resume?.();
    };
    lane.worker.on('message', (message: ShardBatch | { error: string } | { fallback: string }) => {
      if ('error' in message) {
        failure ??= new Error(`a verification thread failed: ${message.error}`);
      } else if ('fallback' in message) {
        unreadable = true;
      } else {
        const { hashes } = message;
        lane.batches.push({
          ...message,
          hashes: Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength),
        });
        lane.known = message.frontier;
        lane.done = message.done;
        lane.streams = message.streams;
        if (message.broken) lane.broken = message.broken;
      }
      wake();
    });
    lane.worker.on('error', (error) => {
      failure ??= error;
      wake();
    });
    lane.worker.on('exit', (code) => {
      if (!lane.done && !unreadable)
        failure ??= new Error(`a verification thread stopped (exit code ${code})`);
      wake();
    });
    lanes.push(lane);
  }

  try {
    let lastPosition = -Infinity;
    let sinceProgress = 0;
    for (;;) {
      if (unreadable) return READ_THROUGH_SQLITE;
      if (failure) throw failure;
      // The lane whose next row comes first, and the lowest position any other lane may still hold.
      let first: Lane | undefined;
      let firstLow = Infinity;
      let otherLow = Infinity;
      let firstExact = false;
      for (const lane of lanes) {
        const next = nextOf(lane);
        // Positions are integers: a lane still reading holds nothing at or below `known`.
        const low = next ?? lane.known + 0.5;
        if (low < firstLow) {
          otherLow = firstLow;
          first = lane;
          firstLow = low;
          firstExact = next !== undefined;
        } else if (low < otherLow) otherLow = low;
      }
      if (first === undefined || firstLow === Infinity) break;
      if (!firstExact) {
        const waiting = first;
        await new Promise<void>((resolve) => (waiting.wake = resolve));
        continue;
      }
      pass.streams(lanes.reduce((sum, lane) => sum + lane.streams, 0));
      if (first.batches.length === 0) {
        // Every row of this shard before its break has been merged: the break is the next event.
        const broken = first.broken as ShardBreak;
        if (broken.reason !== 'position-out-of-order') {
          const crossed = await pass.cross(broken.position);
          if (crossed) return crossed;
        }
        return await pass.shardBreak(broken);
      }
      const batch = first.batches[0];
      const { positions, sealRows, hashes, count } = batch;
      let index = first.index;
      let sealAt = first.sealAt;
      while (index < count) {
        const position = positions[index];
        if (position >= otherLow) break;
        if (!(position > lastPosition)) {
          // Two shards holding one position: not a log the store can hold; report it where it is.
          throw new Error(`global position ${position} was read twice`);
        }
        lastPosition = position;
        const crossing = pass.cross(position);
        if (crossing) {
          const crossed = await crossing;
          if (crossed) return crossed;
        }
        let seal: { eventId: string; revision: number } | undefined;
        if (sealRows[sealAt] === position) {
          seal = { eventId: sealRows[sealAt + 1] as string, revision: sealRows[sealAt + 2] as number };
          sealAt += 3;
        }
        const broken = pass.row(position, hashes, 64 * index, seal);
        if (broken) return broken;
        index++;
      }
      sinceProgress += index - first.index;
      first.index = index;
      first.sealAt = sealAt;
      if (sinceProgress >= progressEvery) {
        sinceProgress = 0;
        pass.progress();
      }
    }
    pass.streams(lanes.reduce((sum, lane) => sum + lane.streams, 0));
    pass.progress();
    return undefined;
  } finally {
    for (const lane of lanes) lane.done = true;
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }
}
