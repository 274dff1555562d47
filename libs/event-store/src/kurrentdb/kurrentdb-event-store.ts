import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  Filter,
  KurrentDBClient,
  NO_STREAM as KURRENT_NO_STREAM,
  ResolvedEvent,
  START,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type { JSONType } from '@kurrent/kurrentdb-client';
import {
  ANY,
  assertStreamName,
  canonicalJson,
  DuplicateEventId,
  EventTooLarge,
  ExpectedRevision,
  GENESIS_HASH,
  NewEvent,
  NO_STREAM,
  RecordedEvent,
  STREAM_EXISTS,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import {
  DEFAULT_MAX_EVENT_BYTES,
  PreparedEvent,
  SealedEvent,
  prepareAppend,
  sealEvents,
  toRecordedEvent,
} from '../append-preparation';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadAllStoredOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`; or a client the store borrows. */
  connectionString?: string;
  client?: KurrentDBClient;
  maxEventBytes?: number;
  /** The clock that stamps recordedAt. Default: the system clock. */
  now?: () => Date;
}

/**
 * What this adapter writes as each event's KurrentDB metadata: the reserved correlation keys that
 * KurrentDB's own projections read, and the envelope fields KurrentDB has no place for. `metadata`
 * is our EventMetadata; data and metadata are hashed as their canonical JSON (RFC 8785).
 */
export interface KurrentDbEventMetadata {
  $correlationId: string;
  $causationId: string;
  metadata: unknown;
  schemaVersion: number;
  revision: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** Our streams are `category-id` with a camelCase category: this also leaves out `$` system streams. */
const TADAMON_STREAM = /^[a-z][a-zA-Z0-9]*-/;
const MAX_APPEND_ATTEMPTS = 20;

type KurrentRecorded = NonNullable<ResolvedEvent['event']>;

/**
 * The event an append chains on: our revision and hash (from its metadata) and KurrentDB's own
 * revision of it, the expected state of the append. The two revisions are equal unless a stream
 * was rewritten outside the store (deleted and appended again), which the chain then reports.
 */
interface Basis {
  revision: number;
  hash: string;
  native?: bigint;
}

function basisOn(event: KurrentRecorded): Basis {
  const stored = toStored(event);
  return { revision: stored.revision, hash: stored.hash, native: event.revision };
}

/**
 * The KurrentDB (EventStoreDB) event store: a Tadamon stream is a KurrentDB stream of the same
 * name, event ids are KurrentDB event ids, and the global position is the event's commit position
 * in the KurrentDB log (a byte offset: exact as a JS number up to 2^53, i.e. 8 PiB of log).
 *
 * KurrentDB numbers revisions itself, so an append reads the event it chains on, seals the new
 * events on it and appends with that revision as the expected state: a concurrent writer makes
 * the append fail with WrongExpectedRevision rather than fork the chain.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly maxEventBytes: number;
  private readonly now: () => Date;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    readonly client: KurrentDBClient,
    private readonly ownsClient: boolean,
    options: KurrentDbEventStoreOptions,
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.now = options.now ?? (() => new Date());
  }

  static async connect(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    if (!options.client && !options.connectionString) throw new Error('give a connectionString or a client');
    const client = options.client ?? KurrentDBClient.connectionString(options.connectionString as string);
    return new KurrentDbEventStore(client, !options.client, options);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, this.maxEventBytes);
    const expected = options?.expectedRevision;
    for (let attempt = 1; ; attempt++) {
      const basis = await this.appendBasis(streamId, prepared, expected);
      if ('result' in basis) return basis.result;
      const sealed = sealEvents(prepared, {
        streamId,
        lastRevision: basis.revision,
        lastHash: basis.hash,
        recordedAt: this.now().toISOString(),
      });
      try {
        const written = await this.client.appendToStream(streamId, sealed.map(toKurrentEventData), {
          streamState: basis.native === undefined ? KURRENT_NO_STREAM : basis.native,
        });
        const positions =
          sealed.length === 1 && written.position
            ? [toPosition(written.position.commit)]
            : await this.positionsOf(streamId, sealed, written.nextExpectedRevision);
        const last = sealed[sealed.length - 1];
        return {
          streamId,
          nextExpectedRevision: last.revision,
          lastPosition: positions[positions.length - 1],
          events: sealed.map((event, i) => toRecordedEvent(event, positions[i])),
        };
      } catch (error) {
        if (errorType(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
          const bytes = sealed.reduce(
            (n, e) => n + Buffer.byteLength(e.dataJson) + Buffer.byteLength(e.metadataJson),
            0,
          );
          throw new EventTooLarge(
            sealed[0].id,
            bytes,
            (error as { maxAppendSize?: number }).maxAppendSize ?? 0,
          );
        }
        if (errorType(error) !== ErrorType.WRONG_EXPECTED_VERSION) throw error;
        // Someone appended since we read: the next pass re-reads, and tells a retry from a conflict.
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          throw new WrongExpectedRevision(streamId, expected, await this.lastRevision(streamId));
        }
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(streamId);
    const backwards = options.direction === 'backwards';
    if (options.maxCount === 0) {
      await this.readRaw(streamId, { maxCount: 1 });
      return [];
    }
    const rows = await this.readRaw(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined
          ? backwards
            ? END
            : START
          : BigInt(Math.max(0, options.fromRevision)),
      maxCount: options.maxCount,
    });
    return rows.map(toEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { categories, types } = options;
    if ((categories && categories.length === 0) || (types && types.length === 0)) return [];
    return this.readLog(options.after ?? 0, options.maxCount, categories, types, toEvent);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const after = options.after ?? 0;
    const { filter, keep } = allFilter(options.categories, options.types);
    const source = this.client.subscribeToAll({
      fromPosition: after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START,
      filter,
    });
    let position: number | undefined = options.after;
    let stopped = false;
    const empty = options.categories?.length === 0 || options.types?.length === 0;
    // for-await pulls the next event only after onEvent settled: events are handled one at a time.
    const running = (async () => {
      try {
        for await (const resolved of source) {
          if (stopped) break;
          const recorded = empty ? undefined : fromAll(resolved, position ?? 0, keep);
          if (!recorded) continue;
          const event = toEvent(recorded);
          await options.onEvent(event);
          position = event.globalPosition;
        }
      } catch (error) {
        if (!stopped) options.onError?.(error instanceof Error ? error : new Error(String(error)));
      } finally {
        stopped = true;
        await source.unsubscribe().catch(() => undefined);
      }
    })();
    const subscription: Subscription = {
      get position() {
        return position;
      },
      stop: async () => {
        stopped = true;
        await source.unsubscribe().catch(() => undefined);
        await running;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async readStoredStream(streamId: string): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamName(streamId);
    return (await this.readRaw(streamId, {})).map(toStored);
  }

  async readAllStored(options: ReadAllStoredOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.readLog(options.after ?? 0, options.maxCount, undefined, undefined, toStored);
  }

  /** The log after a commit position, filtered, up to maxCount events, each mapped by `as`. */
  private async readLog<T>(
    after: number,
    maxCount: number | undefined,
    categories: string[] | undefined,
    types: string[] | undefined,
    as: (event: KurrentRecorded) => T,
  ): Promise<T[]> {
    const limit = maxCount ?? Number.MAX_SAFE_INTEGER;
    const { filter, keep } = allFilter(categories, types);
    const events: T[] = [];
    if (limit <= 0) return events;
    for await (const resolved of this.client.readAll({
      fromPosition: after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START,
      direction: FORWARDS,
      filter,
    })) {
      const event = fromAll(resolved, after, keep);
      if (!event) continue;
      events.push(as(event));
      if (events.length >= limit) break;
    }
    return events;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { filter, keep } = allFilter(undefined, undefined);
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      filter,
      maxCount: 1,
    })) {
      const event = fromAll(resolved, 0, keep);
      if (event) return toPosition(requirePosition(event).commit);
    }
    return 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsClient) await this.client.dispose();
  }

  /**
   * What to chain the append on, or the stored result when the append is a retry. With a concrete
   * expected revision E the events after E are read: ours means a retry (the original result),
   * others a conflict. With ANY or STREAM_EXISTS the stream's last events are read and the append
   * chains on the last one; a retry is recognised when its ids are among those last events.
   */
  private async appendBasis(
    streamId: string,
    prepared: PreparedEvent[],
    expected: ExpectedRevision,
  ): Promise<Basis | { result: AppendResult }> {
    const n = prepared.length;
    if (expected === ANY || expected === STREAM_EXISTS) {
      const tail = (
        await this.readOrEmpty(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: n })
      ).reverse();
      const retried = retriedAppend(streamId, prepared, tail);
      if (retried) return { result: retried };
      if (tail.length === 0) {
        if (expected === STREAM_EXISTS) throw new WrongExpectedRevision(streamId, expected, -1);
        return { revision: -1, hash: GENESIS_HASH };
      }
      return basisOn(tail[tail.length - 1]);
    }
    if (expected !== NO_STREAM && !(Number.isInteger(expected) && expected >= 0)) {
      throw new WrongExpectedRevision(streamId, expected, await this.lastRevision(streamId));
    }
    const base = expected === NO_STREAM ? -1 : expected;
    const window = await this.readOrEmpty(streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(Math.max(base, 0)),
      maxCount: base < 0 ? n : n + 1,
    });
    const previous = base < 0 ? undefined : window[0];
    if (base >= 0 && (!previous || Number(previous.revision) !== base)) {
      throw new WrongExpectedRevision(streamId, expected, await this.lastRevision(streamId));
    }
    const later = base < 0 ? window : window.slice(1);
    if (later.length > 0) {
      const retried = retriedAppend(streamId, prepared, later);
      if (retried) return { result: retried };
      throw new WrongExpectedRevision(streamId, expected, await this.lastRevision(streamId));
    }
    return previous ? basisOn(previous) : { revision: -1, hash: GENESIS_HASH };
  }

  /** Global positions of just-appended events, read back (KurrentDB reports only the last one's). */
  private async positionsOf(streamId: string, sealed: SealedEvent[], lastNative: bigint): Promise<number[]> {
    const byId = new Map<string, number>();
    const stored = await this.readRaw(streamId, {
      direction: FORWARDS,
      fromRevision: lastNative - BigInt(sealed.length - 1),
      maxCount: sealed.length,
    });
    for (const event of stored) byId.set(event.id, toPosition(requirePosition(event).commit));
    return sealed.map((event) => {
      const position = byId.get(event.id);
      if (position === undefined)
        throw new Error(`appended event ${event.id} not found when reading it back`);
      return position;
    });
  }

  private async lastRevision(streamId: string): Promise<number> {
    const [last] = await this.readOrEmpty(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? Number(last.revision) : -1;
  }

  private async readOrEmpty(
    streamId: string,
    options: Parameters<KurrentDBClient['readStream']>[1],
  ): Promise<KurrentRecorded[]> {
    try {
      return await this.readRaw(streamId, options);
    } catch (error) {
      if (error instanceof StreamNotFound) return [];
      throw error;
    }
  }

  /** Reads a stream's events; a missing or deleted stream is StreamNotFound. */
  private async readRaw(
    streamId: string,
    options: Parameters<KurrentDBClient['readStream']>[1],
  ): Promise<KurrentRecorded[]> {
    const events: KurrentRecorded[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, options)) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      const type = errorType(error);
      if (type === ErrorType.STREAM_NOT_FOUND || type === ErrorType.STREAM_DELETED)
        throw new StreamNotFound(streamId);
      throw error;
    }
    // A read past the end of an existing stream is empty; a stream with no events is not found.
    if (events.length === 0 && (await this.lastRevisionRaw(streamId)) < 0) throw new StreamNotFound(streamId);
    return events;
  }

  private async lastRevisionRaw(streamId: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
      return -1;
    } catch (error) {
      const type = errorType(error);
      if (type === ErrorType.STREAM_NOT_FOUND || type === ErrorType.STREAM_DELETED) return -1;
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the KurrentDB event store is closed');
  }
}

function errorType(error: unknown): string | undefined {
  return (error as { type?: string } | undefined)?.type;
}

/**
 * Server-side filter (KurrentDB takes one, on stream names or on event types) plus the check the
 * server could not do. System streams (`$...`) and streams not named `category-id` never pass.
 */
function allFilter(
  categories: string[] | undefined,
  types: string[] | undefined,
): { filter: Filter; keep: (event: KurrentRecorded) => boolean } {
  const alternatives = (values: string[]) =>
    values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const inCategories = (event: KurrentRecorded) =>
    categories ? categories.includes(event.streamId.slice(0, event.streamId.indexOf('-'))) : true;
  const ofTypes = (event: KurrentRecorded) => (types ? types.includes(event.type) : true);
  const tadamon = (event: KurrentRecorded) => TADAMON_STREAM.test(event.streamId);
  if (types && !categories) {
    return {
      filter: eventTypeFilter({ regex: `^(?:${alternatives(types)})$` }),
      keep: (event) => tadamon(event) && ofTypes(event),
    };
  }
  return {
    filter: streamNameFilter({
      regex: categories ? `^(?:${alternatives(categories)})-` : TADAMON_STREAM.source,
    }),
    keep: (event) => tadamon(event) && inCategories(event) && ofTypes(event),
  };
}

/** An event from a $all read, or undefined when it is at or before `after` or filtered out. */
function fromAll(
  resolved: AllStreamResolvedEvent,
  after: number,
  keep: (event: KurrentRecorded) => boolean,
): KurrentRecorded | undefined {
  const event = resolved.event;
  if (!event || !keep(event)) return undefined;
  // $all reads are inclusive of fromPosition; the port's `after` is exclusive.
  if (toPosition(event.position.commit) <= after) return undefined;
  return event;
}

/** A sealed event as KurrentDB event data (exported for the tests' tampering, which forges some). */
export function toKurrentEventData(event: SealedEvent) {
  const metadata = JSON.parse(event.metadataJson) as { correlationId?: unknown; causationId?: unknown };
  const kurrentMetadata: KurrentDbEventMetadata = {
    $correlationId: String(metadata.correlationId ?? ''),
    $causationId: String(metadata.causationId ?? ''),
    metadata,
    schemaVersion: event.schemaVersion,
    revision: event.revision,
    recordedAt: event.recordedAt,
    prevHash: event.prevHash,
    hash: event.hash,
  };
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The client serialises with JSON.stringify; reads re-canonicalise (RFC 8785 is a fixed point).
    data: JSON.parse(event.dataJson) as JSONType,
    metadata: kurrentMetadata as unknown as JSONType,
  });
}

function requirePosition(event: KurrentRecorded): { commit: bigint; prepare: bigint } {
  if (!event.position) {
    throw new Error(
      `KurrentDB returned event ${event.id} without its log position (server older than 22.6?)`,
    );
  }
  return event.position;
}

/** A commit position as a JS number: exact up to 2^53 (a log of 8 PiB); beyond, refuse. */
function toPosition(commit: bigint): number {
  if (commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`KurrentDB commit position ${commit} is beyond 2^53 and cannot be a global position`);
  }
  return Number(commit);
}

/** A stored KurrentDB event back to the row we wrote; anything else in a Tadamon stream is refused. */
function toStored(event: KurrentRecorded): StoredEvent {
  const meta = event.metadata as Partial<KurrentDbEventMetadata> | undefined;
  if (
    !meta ||
    typeof meta !== 'object' ||
    meta.metadata === undefined ||
    typeof meta.revision !== 'number' ||
    typeof meta.schemaVersion !== 'number' ||
    typeof meta.recordedAt !== 'string' ||
    typeof meta.prevHash !== 'string' ||
    typeof meta.hash !== 'string'
  ) {
    throw new Error(`event ${event.id} of ${event.streamId} was not written by the Tadamon event store`);
  }
  const dataJson = event.isJson
    ? canonicalJson(event.data)
    : canonicalJson(JSON.parse(Buffer.from(event.data as Uint8Array).toString('utf8')));
  return {
    id: event.id,
    type: event.type,
    schemaVersion: meta.schemaVersion,
    dataJson,
    metadataJson: canonicalJson(meta.metadata),
    streamId: event.streamId,
    revision: meta.revision,
    recordedAt: meta.recordedAt,
    prevHash: meta.prevHash,
    hash: meta.hash,
    globalPosition: toPosition(requirePosition(event).commit),
  };
}

function toEvent(event: KurrentRecorded): RecordedEvent {
  const stored = toStored(event);
  return toRecordedEvent(stored, stored.globalPosition);
}

/**
 * `stored` holds consecutive events of the stream. When the append's first id is among them the
 * append is a retry: the same ids in order get the stored events back, anything else is
 * DuplicateEventId. Undefined when none of the append's ids is there.
 */
function retriedAppend(
  streamId: string,
  prepared: PreparedEvent[],
  stored: KurrentRecorded[],
): AppendResult | undefined {
  const ids = prepared.map((event) => event.id);
  const start = stored.findIndex((event) => event.id === ids[0]);
  if (start < 0) {
    const overlap = stored.find((event) => ids.includes(event.id));
    if (overlap) throw new DuplicateEventId(overlap.id, streamId);
    return undefined;
  }
  const events = ids.map((id, i) => {
    const event = stored[start + i];
    if (!event || event.id !== id) throw new DuplicateEventId(event?.id ?? id, streamId);
    return toEvent(event);
  });
  const last = events[events.length - 1];
  return { streamId, nextExpectedRevision: last.revision, lastPosition: last.globalPosition, events };
}
