import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ParallelReadSource } from '../event-store';
import { eventsFileAtRest, stillAtRest } from './events-file-layout';
import type { EventsFileLayout } from './events-file-layout';
import { ChainBreakAt, MergedChains } from './merged-chains';
import type { LogBreak } from './verify-log';
import { ShardBatch, ShardWorkerData, VERIFY_WORKER_SOURCE } from './verify-log-worker';

/** What the coordinating thread does with the rows, merged in global order. */
export interface MergedPass {
  /** Closes the seal segments left behind before `position`; a seal's break, if any. */
  cross(position: number): Promise<LogBreak | undefined> | undefined;
  /** A row whose chain holds: its hash (64 ASCII hex bytes at `offset`), and whether it is a seal. */
  row(
    position: number,
    hashes: Buffer,
    offset: number,
    seal: { eventId: string; revision: number } | undefined,
  ): LogBreak | undefined;
  /** The first row, in global order, whose chain breaks. */
  chainBreak(broken: ChainBreakAt): Promise<LogBreak>;
  /** Distinct streams verified so far. */
  streams(count: number): void;
  progress(): void;
}

/** Positions per block read through SQLite (a few pages of rows). */
const BLOCK_POSITIONS = 4096;
/** Leaf pages per block read from the file (about 4 MB: little read ahead is wasted at its end). */
const BLOCK_LEAVES = 1024;
/** Rows per SQL page. */
const PAGE_ROWS = 500;
/** Rows per message at most: a message costs, and a block ends one anyway. */
const BATCH_ROWS = 8192;
/** Messages a worker may send ahead of the merge. */
const AHEAD = 4;

interface Batch extends ShardBatch {
  /** prevs and hashes as int32 words (16 per row: the buffers start at a word boundary). */
  prevWords: Int32Array;
  hashWords: Int32Array;
  hashesBuffer: Buffer;
}

interface Lane {
  worker: Worker;
  batches: Batch[];
  index: number;
  sealAt: number;
  /** The worker's stream slots, as this thread's. */
  slots: Int32Array;
  /** Every row of the worker's blocks up to here has been received. */
  known: number;
  done: boolean;
  wake?: () => void;
}

/** The position of the lane's next row; Infinity when it has no more; undefined when not yet known. */
function nextOf(lane: Lane): number | undefined {
  while (lane.batches.length > 0 && lane.index >= lane.batches[0].count) {
    lane.batches.shift();
    lane.index = 0;
    lane.sealAt = 0;
    if (!lane.done) lane.worker.postMessage('ack');
  }
  if (lane.batches.length > 0) return lane.batches[0].positions[lane.index];
  return lane.done ? Infinity : undefined;
}

/** A batch as received, with its views, and its new slots mapped to this thread's. */
function received(message: ShardBatch, lane: Lane, chains: MergedChains): Batch {
  const { newSlots, prevs, hashes } = message;
  for (let i = 0; i < newSlots.length; i += 3) {
    const slot = newSlots[i] as number;
    if (slot >= lane.slots.length) {
      const grown = new Int32Array(Math.max(2 * lane.slots.length, slot + 1));
      grown.set(lane.slots);
      lane.slots = grown;
    }
    lane.slots[slot] = chains.slotOf(newSlots[i + 1] as string);
  }
  return {
    ...message,
    prevWords: new Int32Array(prevs.buffer, prevs.byteOffset, prevs.byteLength / 4),
    hashWords: new Int32Array(hashes.buffer, hashes.byteOffset, hashes.byteLength / 4),
    hashesBuffer: Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength),
  };
}

/** The parallel pass read the file's pages and cannot vouch for them: verify again through SQLite. */
export const READ_THROUGH_SQLITE = Symbol('read through SQLite');

/**
 * Verifies a SQLite log with `threads` worker threads: the log is cut into blocks of positions
 * dealt round-robin to the threads, which hash every row of their blocks; this thread merges the
 * rows in global order, checks every stream's chain over them (MergedChains: what the
 * single-threaded pass checks, in its order) and hands each sound row to `pass` (seal checks,
 * counts). Returns the first break
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
  const chains = new MergedChains();
  let failure: Error | undefined;
  /** A worker could not read the file: its verdict cannot be trusted. */
  let unreadable = false;
  const lanes: Lane[] = [];
  for (let shard = 0; shard < threads; shard++) {
    const workerData: ShardWorkerData = {
      sqliteModule,
      filename: source.filename,
      head,
      shard,
      shards: threads,
      blockPositions: BLOCK_POSITIONS,
      blockLeaves: BLOCK_LEAVES,
      pageRows: PAGE_ROWS,
      batchRows: BATCH_ROWS,
      ahead: AHEAD,
      file,
    };
    const lane: Lane = {
      // No preloaded hooks (a TypeScript register would cost more than the work): the code is plain JS.
      worker: new Worker(VERIFY_WORKER_SOURCE, { eval: true, workerData, execArgv: [] }),
      batches: [],
      index: 0,
      sealAt: 0,
      slots: new Int32Array(1024),
      known: 0,
      done: false,
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
        lane.batches.push(received(message, lane, chains));
        lane.known = message.frontier;
        lane.done = message.done;
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
      const batch = first.batches[0];
      const {
        positions,
        slots,
        revisions,
        flags,
        faults,
        prevWords,
        hashWords,
        hashesBuffer,
        sealRows,
        count,
      } = batch;
      const laneSlots = first.slots;
      let index = first.index;
      let sealAt = first.sealAt;
      while (index < count) {
        const position = positions[index];
        if (position >= otherLow) break;
        if (!(position > lastPosition)) {
          // Two blocks holding one position: a tree the file reader misread; SQLite decides.
          if (file) return READ_THROUGH_SQLITE;
          throw new Error(`global position ${position} was read twice`);
        }
        lastPosition = position;
        const crossing = pass.cross(position);
        if (crossing) {
          const crossed = await crossing;
          if (crossed) return crossed;
        }
        const broken = chains.check(
          laneSlots[slots[index]],
          faults[index],
          revisions[index],
          flags[index],
          prevWords,
          hashWords,
          16 * index,
        );
        if (broken) {
          pass.streams(chains.verifiedStreams);
          return await pass.chainBreak({ position, ...broken });
        }
        let seal: { eventId: string; revision: number } | undefined;
        if (sealRows[sealAt] === position) {
          seal = { eventId: sealRows[sealAt + 1] as string, revision: sealRows[sealAt + 2] as number };
          sealAt += 3;
        }
        const misplaced = pass.row(position, hashesBuffer, 64 * index, seal);
        if (misplaced) return misplaced;
        index++;
        if (++sinceProgress >= progressEvery) {
          sinceProgress = 0;
          pass.streams(chains.verifiedStreams);
          pass.progress();
        }
      }
      first.index = index;
      first.sealAt = sealAt;
    }
    pass.streams(chains.verifiedStreams);
    pass.progress();
    return undefined;
  } finally {
    for (const lane of lanes) lane.done = true;
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }
}
