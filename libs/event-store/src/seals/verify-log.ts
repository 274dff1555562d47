import { createHash, Hash, KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  canonicalNumber,
  ChainBreakReason,
  chainHashOfJson,
  GENESIS_HASH,
  jsonStringLiteral,
  LOG_SEAL_EVENT_TYPE,
  LOG_SEAL_STREAM,
  LogSeal,
  parseLogSeal,
  RecordedEvent,
  sealKeyId,
  StreamNotFound,
  verifyLogSealSignature,
  verifyStreamChain,
} from '@tadamon/eventsourcing';
import { EventStore, StoredEvent } from '../event-store';
import { READ_THROUGH_SQLITE, verifyShardsInParallel } from './parallel-verification';
import { loadSealPublicKey } from './seal-keys';
import {
  sqliteStreamFaults,
  StoredColumn,
  StoredFinding,
  storedEventFault,
  storedValueBreak,
  unsafePositionBreak,
} from './stored-values';

export type LogBreakReason =
  | ChainBreakReason
  /** Global positions do not increase in the order the store returns the log. */
  | 'position-out-of-order'
  /** A column holds another storage class than the store writes, text that is not UTF-8, or an unsafe integer. */
  | 'unexpected-storage'
  /** The seal's data is not a valid seal. */
  | 'seal-malformed'
  /** The seal's signature does not verify with the public key. */
  | 'seal-bad-signature'
  /** The seal names a key that is not among the public keys given. */
  | 'seal-unknown-key'
  /** previousSealDigest is not the digest of the previous seal, or positions do not increase. */
  | 'seal-chain-broken'
  /** The seal covers a position at or after its own. */
  | 'seal-position-invalid'
  /** The log holds a different number of events up to the seal's position: events were removed or inserted. */
  | 'seal-count-mismatch'
  /** The events up to the seal's position are not the ones sealed: removed, inserted, reordered or rewritten. */
  | 'seal-digest-mismatch'
  /** No seal of the log has the digest the auditor holds from an earlier audit. */
  | 'known-seal-missing';

/** The first broken event: in global order, the first place where the log stops being provable. */
export interface LogBreak {
  streamId: string;
  /** The event's revision in its stream (absent for known-seal-missing). */
  revision?: number;
  /** Its global position. */
  position?: number;
  eventId?: string;
  reason: LogBreakReason;
  /** For unexpected-storage: the column (SQLite's name) and what it was found to hold. */
  column?: StoredColumn | 'position';
  found?: StoredFinding;
  /** One sentence for a person. */
  detail: string;
}

export interface VerifiedSeal {
  /** The seal event's own revision and global position. */
  revision: number;
  sealPosition: number;
  eventId: string;
  position: number;
  count: number;
  digest: string;
  sealedAt: string;
  keyId: string;
}

export interface LogVerificationSummary {
  scope: 'log' | 'stream';
  /** Events verified (all streams, seals included). */
  events: number;
  streams: number;
  /** The head position the verification stopped at (events appended later are not looked at). */
  head: number;
  /**
   * Threads that recomputed the hashes: worker threads over blocks of positions for a SQLite file
   * (one is one worker), else this thread.
   */
  threads: number;
  /** The worker threads read the SQLite file's pages directly (a file at rest), not through SQLite. */
  fileRead: boolean;
  seals: {
    /** False in --stream mode, or when the caller asked for chains only. */
    checked: boolean;
    /** False when no public key was given: digests and counts checked, signatures not. */
    signaturesChecked: boolean;
    count: number;
    last?: VerifiedSeal;
  };
  /** Events (seals left out) after the last seal's position: their removal would not be noticed. */
  unsealed: { count: number; firstPosition?: number; firstRecordedAt?: string };
}

export type LogVerification =
  ({ ok: true } & LogVerificationSummary) | ({ ok: false; broken: LogBreak } & LogVerificationSummary);

export interface VerifyLogProgress {
  events: number;
  position: number;
  head: number;
}

export interface VerifyLogOptions {
  /** Public key(s) of the sealer: KeyObjects, or PEM / base64 text / file paths. */
  publicKey?: KeyObject | string | (KeyObject | string)[];
  /** Verify this stream's chain only (seals are not checked then). */
  stream?: string;
  /** Check only the streams' chains, not the seals (the removal of the newest events is then not checked). */
  chainsOnly?: boolean;
  /** A seal digest held from an earlier audit: the log must still contain that seal. */
  knownSealDigest?: string;
  /**
   * Seal digests witnessed outside the log (the witness file, `verify --known-seals`): the log
   * must still contain every one of them.
   */
  knownSealDigests?: string[];
  /**
   * Rows per read on one thread, and rows between progress calls. Default 500 for a store on a
   * local file (larger pages cost more in garbage collection than they save), 2000 for a server.
   */
  pageSize?: number;
  /**
   * Threads recomputing hashes, each over blocks of positions dealt round-robin (a store that
   * offers `parallelReadSource`, SQLite). Default: the machine's cores (at most 4) for logs of
   * PARALLEL_FROM events or more, else 1.
   */
  threads?: number;
  /**
   * Let the worker threads read a SQLite file at rest (no write-ahead log frames, no journal) page
   * by page rather than through SQLite: about 1.4 times as fast. Default true; the pass falls back
   * to SQLite by itself when the file is live, and starts again through SQLite (progress from 0)
   * when the file changes meanwhile or holds anything the reader does not expect. False: always
   * through SQLite.
   */
  readFile?: boolean;
  /** Called after each page. */
  onProgress?: (progress: VerifyLogProgress) => void;
}

/** A pending seal, read ahead of the events it covers. */
interface SealAhead {
  seal: LogSeal | string;
  revision: number;
  sealPosition: number;
  eventId: string;
}

const SEAL_PAGE = 256;

/** Reads the seal stream ahead of the main pass, in pages (seals are few next to events). */
class SealCursor {
  private page: RecordedEvent[] = [];
  private index = 0;
  private nextRevision = 0;
  private exhausted = false;

  constructor(
    private readonly store: EventStore,
    private readonly head: number,
  ) {}

  async next(): Promise<SealAhead | undefined> {
    if (this.index >= this.page.length) {
      if (this.exhausted) return undefined;
      try {
        this.page = await this.store.readStream(LOG_SEAL_STREAM, {
          fromRevision: this.nextRevision,
          maxCount: SEAL_PAGE,
        });
      } catch (error) {
        if (!(error instanceof StreamNotFound)) throw error;
        this.page = [];
      }
      this.index = 0;
      if (this.page.length < SEAL_PAGE) this.exhausted = true;
      if (this.page.length === 0) return undefined;
      this.nextRevision = this.page[this.page.length - 1].revision + 1;
    }
    const event = this.page[this.index++];
    // Seals appended after verification began are outside this verification.
    if (event.globalPosition > this.head) {
      this.exhausted = true;
      this.page = [];
      return undefined;
    }
    return {
      seal: event.type === LOG_SEAL_EVENT_TYPE ? parseLogSeal(event.data) : `an event of type ${event.type}`,
      revision: event.revision,
      sealPosition: event.globalPosition,
      eventId: event.id,
    };
  }
}

interface StreamHead {
  revision: number;
  hash: string;
  /** The stream id as a JSON string, computed once per stream. */
  idJson: string;
}

function toKeys(publicKey: VerifyLogOptions['publicKey']): Map<string, KeyObject> {
  const list = publicKey === undefined ? [] : Array.isArray(publicKey) ? publicKey : [publicKey];
  const keys = new Map<string, KeyObject>();
  for (const key of list) {
    const object = typeof key === 'string' ? loadSealPublicKey(key) : key;
    keys.set(sealKeyId(object), object);
  }
  return keys;
}

const REASON_TEXT: Record<ChainBreakReason | 'position-out-of-order', string> = {
  'hash-mismatch': "the event's content or stored hash was altered",
  'broken-link': "its prevHash is not the previous event's hash: an event was deleted, inserted or replaced",
  'revision-gap': 'revisions before it are missing: an event was deleted',
  'out-of-order': 'its revision comes before one already seen: events were reordered',
  'duplicate-revision': 'its revision appears twice: an event was inserted',
  'wrong-stream': 'it belongs to another stream',
  'bad-genesis': 'the first event of the stream does not start the chain',
  'position-out-of-order': 'global positions do not increase',
};

/** Logs shorter than this are verified on one thread by default: starting workers costs more. */
export const PARALLEL_FROM = 20_000;
const MAX_DEFAULT_THREADS = 4;

/** Hex hashes gathered before one update of the segment's SHA-256: fewer native calls. */
const DIGEST_CHUNK = 64 * 1024;

/**
 * The seal digest of one segment (SealDigest's definition: SHA-256 of previousSealDigest and each
 * event's hash as ASCII hex), fed either with hex strings or with those ASCII bytes as the worker
 * threads deliver them; consecutive hashes of one buffer are hashed as one run, not copied one by one.
 */
class SegmentDigest {
  private readonly hasher: Hash;
  private readonly chunk = Buffer.allocUnsafe(DIGEST_CHUNK);
  private at = 0;
  private run: Buffer | undefined;
  private runStart = 0;
  private runEnd = 0;

  constructor(previousSealDigest: string) {
    this.hasher = createHash('sha256').update(previousSealDigest, 'latin1');
  }

  add(eventHash: string): void {
    if (this.at + 64 > DIGEST_CHUNK) this.flushChunk();
    this.at += this.chunk.write(eventHash, this.at, 'latin1');
  }

  /** Adds 64 bytes of hex text from `source` at `offset`. */
  addAscii(source: Buffer, offset: number): void {
    if (source === this.run && offset === this.runEnd) {
      this.runEnd += 64;
      return;
    }
    this.flushRun();
    this.run = source;
    this.runStart = offset;
    this.runEnd = offset + 64;
  }

  digest(): string {
    this.flushRun();
    this.flushChunk();
    return this.hasher.digest('hex');
  }

  private flushRun(): void {
    const run = this.run;
    if (run === undefined) return;
    this.run = undefined;
    const length = this.runEnd - this.runStart;
    if (length >= DIGEST_CHUNK / 4) {
      this.flushChunk();
      this.hasher.update(run.subarray(this.runStart, this.runEnd));
      return;
    }
    if (this.at + length > DIGEST_CHUNK) this.flushChunk();
    this.at += run.copy(this.chunk, this.at, this.runStart, this.runEnd);
  }

  private flushChunk(): void {
    if (this.at === 0) return;
    this.hasher.update(this.chunk.subarray(0, this.at));
    this.at = 0;
  }
}

function threadsFor(options: VerifyLogOptions, head: number): number {
  if (options.threads !== undefined) {
    if (!Number.isSafeInteger(options.threads) || options.threads < 1)
      throw new Error(`threads must be an integer >= 1, not ${options.threads}`);
    return options.threads;
  }
  if (head < PARALLEL_FROM) return 1;
  return Math.min(availableParallelism(), MAX_DEFAULT_THREADS);
}

/**
 * Verifies the whole log in one pass in global order (memory: a few pages, plus the last hash of
 * each stream): every stream's hash chain (the semantics of verifyStreamChain), then the signed
 * seals: signature, chain of seals, count and digest of the events each covers. Returns the first
 * broken event in global order, or ok with what was verified and how much is not yet sealed.
 * With `stream`, only that stream's chain is verified.
 *
 * On worker threads (a SQLite file: one or more), each worker hashes the rows of its blocks of
 * positions and hands back, per row, the stream, revision, flags, stored value fault and stored
 * hashes; this thread merges the rows in global order and checks the chains and the seals over them
 * exactly as the single-threaded pass does (parallel-verification.ts). Every path checks each row's
 * stored values first (stored-values.ts).
 */
export async function verifyLog(store: EventStore, options: VerifyLogOptions = {}): Promise<LogVerification> {
  const keys = toKeys(options.publicKey);
  if (options.stream !== undefined) return verifyOneStream(store, options.stream);

  const checkSeals = !options.chainsOnly;
  const storedHead = await store.headPosition();
  // A position beyond 2^53 has no exact number: the pass stops before, and such a row is a break.
  const head = Math.min(storedHead, Number.MAX_SAFE_INTEGER);
  const source = store.parallelReadSource?.();
  // A local file: larger pages cost more in garbage collection than they save. A server
  // (PostgreSQL, KurrentDB): fewer round trips (500 → 2000 rows: about 117,000 → 150,000 events/s).
  const pageSize = options.pageSize ?? (source ? 500 : 2000);
  const threads = source ? threadsFor(options, head) : 1;
  const cursor = checkSeals ? new SealCursor(store, head) : undefined;
  const streams = new Map<string, StreamHead>();
  let streamCount = () => streams.size;
  let fileRead = false;

  let events = 0;
  let lastPosition = -Infinity;
  let sealCount = 0;
  let lastSeal: VerifiedSeal | undefined;
  const known = new Set([
    ...(options.knownSealDigest !== undefined ? [options.knownSealDigest] : []),
    ...(options.knownSealDigests ?? []),
  ]);
  const knownFound = new Set<string>();
  // Seals whose segment is closed, waiting for their own row in the main pass.
  const closedSeals: string[] = [];
  let ahead = cursor ? await cursor.next() : undefined;
  let segment = new SegmentDigest(GENESIS_HASH);
  let unsealed = 0;
  let firstUnsealed: { position: number; recordedAt?: string } | undefined;

  const summary = (): LogVerificationSummary => ({
    scope: 'log',
    events,
    streams: streamCount(),
    head,
    threads,
    fileRead,
    seals: {
      checked: checkSeals,
      signaturesChecked: checkSeals && keys.size > 0,
      count: sealCount,
      last: lastSeal,
    },
    unsealed: {
      count: unsealed,
      firstPosition: firstUnsealed?.position,
      firstRecordedAt: firstUnsealed?.recordedAt,
    },
  });
  /** The parallel pass knows the first unsealed event's position only: its time is read here. */
  const completeFirstUnsealed = async () => {
    if (firstUnsealed === undefined || firstUnsealed.recordedAt !== undefined) return;
    const [row] = await store.readAllStored({ after: firstUnsealed.position - 1, maxCount: 1 });
    if (row?.globalPosition === firstUnsealed.position) firstUnsealed.recordedAt = row.recordedAt;
  };
  const fail = async (broken: LogBreak): Promise<LogVerification> => {
    await completeFirstUnsealed();
    return { ok: false, broken, ...summary() };
  };

  /** Checks the seal whose covered position the pass has just left behind. */
  const closeSegment = (pending: SealAhead): LogBreak | undefined => {
    const at = {
      streamId: LOG_SEAL_STREAM,
      revision: pending.revision,
      position: pending.sealPosition,
      eventId: pending.eventId,
    };
    const { seal } = pending;
    if (typeof seal === 'string')
      return { ...at, reason: 'seal-malformed', detail: `the seal is malformed: ${seal}` };
    if (keys.size > 0) {
      const key = keys.get(seal.keyId) ?? (keys.size === 1 ? [...keys.values()][0] : undefined);
      if (!key) {
        return {
          ...at,
          reason: 'seal-unknown-key',
          detail: `the seal was signed with key ${seal.keyId}, which is not among the public keys given`,
        };
      }
      if (!verifyLogSealSignature(seal, key)) {
        return {
          ...at,
          reason: 'seal-bad-signature',
          detail: `the seal's signature does not verify with public key ${sealKeyId(key)}`,
        };
      }
    }
    const previousDigest = lastSeal?.digest ?? GENESIS_HASH;
    if (seal.previousSealDigest !== previousDigest) {
      return {
        ...at,
        reason: 'seal-chain-broken',
        detail: `previousSealDigest ${seal.previousSealDigest} is not the previous seal's digest ${previousDigest}: seals were removed or replaced`,
      };
    }
    if (seal.count !== events) {
      const detail =
        seal.count > events
          ? `the seal covers ${seal.count} events up to position ${seal.position}, the log holds ${events}: ${seal.count - events} sealed event(s) were removed`
          : `the seal covers ${seal.count} events up to position ${seal.position}, the log holds ${events}: ${events - seal.count} event(s) were inserted`;
      return { ...at, reason: 'seal-count-mismatch', detail };
    }
    const digest = segment.digest();
    if (digest !== seal.digest) {
      return {
        ...at,
        reason: 'seal-digest-mismatch',
        detail: `the events after position ${lastSeal?.position ?? 0} up to ${seal.position} are not the ones sealed (digest ${digest}, sealed ${seal.digest}): events were removed, inserted, reordered or rewritten with a recomputed chain`,
      };
    }
    lastSeal = {
      revision: pending.revision,
      sealPosition: pending.sealPosition,
      eventId: pending.eventId,
      position: seal.position,
      count: seal.count,
      digest: seal.digest,
      sealedAt: seal.sealedAt,
      keyId: seal.keyId,
    };
    if (known.has(seal.digest)) knownFound.add(seal.digest);
    sealCount++;
    closedSeals.push(pending.eventId);
    segment = new SegmentDigest(seal.digest);
    unsealed = 0;
    firstUnsealed = undefined;
    return undefined;
  };

  /** Validates the next seal read ahead: it must cover a position before its own and after the previous seal's. */
  const checkAhead = (pending: SealAhead | undefined): LogBreak | undefined => {
    if (!pending || typeof pending.seal === 'string') return undefined;
    const at = {
      streamId: LOG_SEAL_STREAM,
      revision: pending.revision,
      position: pending.sealPosition,
      eventId: pending.eventId,
    };
    if (pending.seal.position >= pending.sealPosition) {
      return {
        ...at,
        reason: 'seal-position-invalid',
        detail: `the seal at position ${pending.sealPosition} claims to cover position ${pending.seal.position}`,
      };
    }
    if (lastSeal && pending.seal.position <= lastSeal.position) {
      return {
        ...at,
        reason: 'seal-chain-broken',
        detail: `the seal covers position ${pending.seal.position}, not after the previous seal's ${lastSeal.position}`,
      };
    }
    return undefined;
  };
  const boundaryOf = (pending: SealAhead | undefined) =>
    pending === undefined
      ? Infinity
      : // A malformed seal is reported where it stands: just before its own row.
        typeof pending.seal === 'string'
        ? pending.sealPosition - 1
        : pending.seal.position;

  const aheadBreak = checkAhead(ahead);
  if (aheadBreak) return fail(aheadBreak);
  let boundary = boundaryOf(ahead);

  /** Closes every segment whose seal covers a position before `position` (the pass is about to pass it). */
  const crossTo = async (position: number): Promise<LogBreak | undefined> => {
    while (position > boundary) {
      const broken = closeSegment(ahead as SealAhead);
      if (broken) return broken;
      ahead = await (cursor as SealCursor).next();
      const invalid = checkAhead(ahead);
      if (invalid) return invalid;
      boundary = boundaryOf(ahead);
    }
    return undefined;
  };
  /** Counts a verified row into the seals' and the unsealed figures. */
  const counted = (position: number, isSeal: boolean, eventId: string): string | undefined => {
    events++;
    if (isSeal) {
      // A seal's own row comes after the events it covers: its segment must be closed by now.
      if (checkSeals && closedSeals.shift() !== eventId)
        return 'a seal event appears before the events it covers have been passed';
      return undefined;
    }
    if (firstUnsealed === undefined) firstUnsealed = { position };
    unsealed++;
    return undefined;
  };

  // A SQLite file is read by worker threads even for one: its rows are checked over their stored
  // bytes and classes the same way whatever the thread count (stored-values.ts).
  if (source && head > 0) {
    let mergedStreams = 0;
    streamCount = () => mergedStreams;
    const outcome = await verifyShardsInParallel(
      source,
      head,
      threads,
      pageSize,
      {
        cross: (position) => (position > boundary ? crossTo(position) : undefined),
        row: (position, hashes, offset, seal) => {
          lastPosition = position;
          if (checkSeals) segment.addAscii(hashes, offset);
          const misplaced = counted(position, seal !== undefined, seal?.eventId ?? '');
          if (misplaced === undefined) return undefined;
          return {
            streamId: LOG_SEAL_STREAM,
            revision: seal?.revision,
            position,
            eventId: seal?.eventId,
            reason: 'seal-position-invalid',
            detail: misplaced,
          };
        },
        chainBreak: async (b) => {
          // The row as the single-threaded pass names it: read back from the store.
          const [row] = await store.readAllStored({ after: b.position - 1, maxCount: 1 });
          if (row?.globalPosition !== b.position)
            throw new Error(`the row at position ${b.position} is gone`);
          if (b.reason === 'unexpected-storage') return storedValueBreak(row, b.fault as number);
          if (b.reason !== 'jump') return chainBreak(row, b.reason);
          return chainBreak(row, await jumpReason(store, row.streamId, b.expected as number));
        },
        streams: (count) => (mergedStreams = count),
        progress: () => options.onProgress?.({ events, position: lastPosition, head }),
      },
      options.readFile ?? true,
    );
    // What was read from the file cannot be vouched for: everything is verified again through SQLite.
    if (outcome === READ_THROUGH_SQLITE) return verifyLog(store, { ...options, readFile: false });
    fileRead = outcome.fileRead;
    if (outcome.broken) return fail(outcome.broken);
  } else {
    const broken = await verifySequentially(store, head, pageSize, {
      lastPosition: () => lastPosition,
      cross: (position) => (position > boundary ? crossTo(position) : undefined),
      row: (row, state) => {
        lastPosition = row.globalPosition;
        if (state === undefined) {
          streams.set(row.streamId, {
            revision: row.revision,
            hash: row.hash,
            idJson: jsonStringLiteral(row.streamId),
          });
        } else {
          state.revision = row.revision;
          state.hash = row.hash;
        }
        if (checkSeals) segment.add(row.hash);
        const isSeal = row.streamId === LOG_SEAL_STREAM;
        const misplaced = counted(row.globalPosition, isSeal, row.id);
        if (!isSeal && firstUnsealed?.position === row.globalPosition)
          firstUnsealed.recordedAt = row.recordedAt;
        if (misplaced === undefined) return undefined;
        return { ...chainBreak(row, 'out-of-order'), reason: 'seal-position-invalid', detail: misplaced };
      },
      streams,
      progress: () => options.onProgress?.({ events, position: lastPosition, head }),
    });
    if (broken) return fail(broken);
  }

  // Seals still pending cover positions the log no longer reaches: their newest events were removed.
  while (checkSeals && ahead !== undefined) {
    const broken = closeSegment(ahead);
    if (broken) return fail(broken);
    ahead = await (cursor as SealCursor).next();
    const invalid = checkAhead(ahead);
    if (invalid) return fail(invalid);
  }
  if (storedHead > head) {
    const [row] = await store.readAllStored({ after: head, maxCount: 1 });
    if (row) return fail(unsafePositionBreak(row));
  }
  if (knownFound.size < known.size) {
    const missing = [...known].filter((digest) => !knownFound.has(digest));
    const last = lastSeal
      ? `its last seal covers ${lastSeal.count} events up to position ${lastSeal.position}`
      : 'it holds no seal';
    return fail({
      streamId: LOG_SEAL_STREAM,
      reason: 'known-seal-missing',
      detail:
        `${missing.length} of the ${known.size} seal digest(s) witnessed outside the log ${missing.length === 1 ? 'is' : 'are'} not in it ` +
        `(the first: ${missing[0]}); ${last}: the log no longer holds what was sealed and witnessed, ` +
        'so it was cut back to an earlier seal, restored from a copy that lacks its newest events (a backup without its -wal), or its seals were replaced',
    });
  }
  await completeFirstUnsealed();
  return { ok: true, ...summary() };
}

/** A revision that jumps: a gap if the missing revision is nowhere, a reordering if it comes later. */
async function jumpReason(
  store: EventStore,
  streamId: string,
  expected: number,
): Promise<'out-of-order' | 'revision-gap'> {
  const missing = await store.readStream(streamId, { fromRevision: expected, maxCount: 1 }).catch(() => []);
  return missing[0]?.revision === expected ? 'out-of-order' : 'revision-gap';
}

interface SequentialPass {
  lastPosition(): number;
  /** Closes the seal segments the pass leaves behind before `position`; a seal's break, if any. */
  cross(position: number): Promise<LogBreak | undefined> | undefined;
  /** A row whose chain verifies: update its stream's head and count it. */
  row(row: StoredEvent, state: StreamHead | undefined): LogBreak | undefined;
  streams: Map<string, StreamHead>;
  progress(): void;
}

/** The single-threaded pass over readAllStored pages: each row's chain checked, then counted. */
async function verifySequentially(
  store: EventStore,
  head: number,
  pageSize: number,
  pass: SequentialPass,
): Promise<LogBreak | undefined> {
  const streams = pass.streams;
  // Last-value caches: consecutive events mostly share an append time, a type and a version.
  let recordedAt: string | undefined;
  let recordedAtJson = '';
  let type: string | undefined;
  let typeJson = '';
  let schemaVersion: number | undefined;
  let schemaVersionJson = '';

  let nextPage: Promise<StoredEvent[]> | undefined =
    head > 0 ? store.readAllStored({ after: 0, maxCount: pageSize }) : undefined;
  while (nextPage) {
    const page = await nextPage;
    const full = page.length === pageSize && page[page.length - 1].globalPosition < head;
    // Read ahead: a store with its own I/O (PostgreSQL) fetches the next page while this one is hashed.
    nextPage = full
      ? store.readAllStored({ after: page[page.length - 1].globalPosition, maxCount: pageSize })
      : undefined;

    for (let i = 0; i < page.length; i++) {
      const row = page[i];
      const position = row.globalPosition;
      if (position > head) {
        nextPage = undefined;
        break;
      }
      if (!(position > pass.lastPosition())) return chainBreak(row, 'position-out-of-order');
      const crossed = pass.cross(position);
      if (crossed) {
        const broken = await crossed;
        if (broken) return broken;
      }
      const fault = storedEventFault(row);
      if (fault !== 0) return storedValueBreak(row, fault);

      const streamId = row.streamId;
      const state = streams.get(streamId);
      const expected = state === undefined ? 0 : state.revision + 1;
      const previousHash = state === undefined ? GENESIS_HASH : state.hash;
      if (row.revision !== expected) {
        if (row.revision > expected) return chainBreak(row, await jumpReason(store, streamId, expected));
        return chainBreak(row, row.revision >= 0 ? 'duplicate-revision' : 'out-of-order');
      }
      if (row.prevHash !== previousHash)
        return chainBreak(row, expected === 0 ? 'bad-genesis' : 'broken-link');

      if (row.recordedAt !== recordedAt) recordedAtJson = jsonStringLiteral((recordedAt = row.recordedAt));
      if (row.type !== type) typeJson = jsonStringLiteral((type = row.type));
      if (row.schemaVersion !== schemaVersion)
        schemaVersionJson = canonicalNumber((schemaVersion = row.schemaVersion));
      const computed = chainHashOfJson(
        row.dataJson,
        jsonStringLiteral(row.id),
        row.metadataJson,
        // The previous hash is a verified hex digest (or GENESIS_HASH): no escaping needed.
        `"${previousHash}"`,
        recordedAtJson,
        String(row.revision),
        schemaVersionJson,
        state === undefined ? jsonStringLiteral(streamId) : state.idJson,
        typeJson,
        previousHash,
      );
      if (computed !== row.hash) return chainBreak(row, 'hash-mismatch');
      const broken = pass.row(row, state);
      if (broken) return broken;
    }
    pass.progress();
  }
  return undefined;
}

function chainBreak(row: StoredEvent, reason: ChainBreakReason | 'position-out-of-order'): LogBreak {
  return {
    streamId: row.streamId,
    revision: row.revision,
    position: row.globalPosition,
    eventId: row.id,
    reason,
    detail: REASON_TEXT[reason],
  };
}

async function verifyOneStream(store: EventStore, streamId: string): Promise<LogVerification> {
  const read = await store.readStoredStream(streamId);
  // A SQLite file's rows are checked on their stored bytes, as the whole-log pass does.
  const source = store.parallelReadSource?.();
  const sqliteFaults = source ? sqliteStreamFaults(source.filename, streamId) : undefined;
  const faultOf = (row: StoredEvent) => sqliteFaults?.get(row.globalPosition) ?? storedEventFault(row);
  // The chain up to the first row with a stored value fault, which breaks there if nothing before does.
  const faulty = read.findIndex((row) => faultOf(row) !== 0);
  const rows = faulty < 0 ? read : read.slice(0, faulty);
  const result = verifyStreamChain(rows, { streamId });
  const summary: LogVerificationSummary = {
    scope: 'stream',
    events: result.ok ? result.count : rows.findIndex((row) => row.id === result.broken.eventId),
    streams: 1,
    head: read.length ? read[read.length - 1].globalPosition : 0,
    threads: 1,
    fileRead: false,
    seals: { checked: false, signaturesChecked: false, count: 0 },
    unsealed: { count: 0 },
  };
  if (result.ok && faulty >= 0) {
    const row = read[faulty];
    return { ok: false, broken: storedValueBreak(row, faultOf(row)), ...summary, events: faulty };
  }
  if (result.ok) return { ok: true, ...summary };
  const row = rows.find((r) => r.id === result.broken.eventId);
  return {
    ok: false,
    broken: {
      streamId,
      revision: result.broken.revision,
      position: row?.globalPosition,
      eventId: result.broken.eventId,
      reason: result.broken.reason,
      detail: REASON_TEXT[result.broken.reason],
    },
    ...summary,
  };
}
