import { Pool, PoolClient } from 'pg';
import {
  assertStreamName,
  DuplicateEventId,
  ExpectedRevision,
  GENESIS_HASH,
  NewEvent,
  NO_STREAM,
  RecordedEvent,
  StreamNotFound,
  WrongExpectedRevision,
  revisionMatches,
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
import { pollingSubscription, trackedSubscription } from '../polling-subscription';
import { assertMigrated, assertSchemaName, migrate } from './migrations';

export interface PostgresEventStoreOptions {
  /** Either a connection string (the store creates and owns its pool) or a pool it borrows. */
  connectionString?: string;
  pool?: Pool;
  /** The schema holding the store's tables. Default `tadamon_events`. */
  schema?: string;
  maxEventBytes?: number;
  /** Live subscriptions poll this often for appends by other processes. Default 50 ms. */
  pollIntervalMs?: number;
  /** Events read per page by subscriptions. Default 500. */
  subscriptionBatchSize?: number;
  /** The clock that stamps recordedAt. Default: the system clock. */
  now?: () => Date;
  /**
   * Opens an existing store read-only (the auditor): no migration is applied (the schema must hold
   * every migration), appends throw, and a pool the store creates has its sessions set to
   * `default_transaction_read_only`, so the server itself refuses writes.
   */
  readOnly?: boolean;
  /**
   * Test seam: when set, each append runs in an explicit transaction and this runs after the
   * events are inserted and before COMMIT (the gap test uses it to commit one append late).
   */
  beforeCommit?: (streamId: string) => Promise<void>;
}

/** Raised by append_events when the stream is not at the head the events were sealed on. */
const STALE_HEAD = 'TD409';
const UNIQUE_VIOLATION = '23505';
const MAX_APPEND_ATTEMPTS = 100;
const HEAD_CACHE_SIZE = 10_000;

interface StreamHead {
  revision: number;
  hash: string;
}

interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  category: string;
  revision: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

const EVENT_COLUMNS =
  'global_position, event_id, stream_id, category, revision, type, schema_version, data, metadata, ' +
  'recorded_at, prev_hash, hash';

/**
 * The PostgreSQL event store. An append is one call of the `append_events` function (one round
 * trip, one transaction): it checks the stream head the events were sealed on, takes global
 * positions under a row lock held until commit, and inserts the rows. Positions therefore become
 * visible in increasing order with no hole below a visible one, which is what lets readAll and
 * subscriptions page by position without ever skipping a late commit (docs/event-store.md).
 */
export class PostgresEventStore implements EventStore {
  private readonly s: string;
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private readonly subscriptionBatchSize: number;
  private readonly now: () => Date;
  private readonly beforeCommit?: (streamId: string) => Promise<void>;
  private readonly readOnly: boolean;
  /** Stream heads seen by this store: lets an append skip reading the head (checked in SQL anyway). */
  private readonly heads = new Map<string, StreamHead>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    readonly schema: string,
    options: PostgresEventStoreOptions,
  ) {
    this.s = `"${schema}"`;
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.subscriptionBatchSize = options.subscriptionBatchSize ?? 500;
    this.now = options.now ?? (() => new Date());
    this.beforeCommit = options.beforeCommit;
    this.readOnly = options.readOnly ?? false;
  }

  /** Connects and applies the schema's missing migrations (safe when processes start together). */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'tadamon_events';
    assertSchemaName(schema);
    if (!options.pool && !options.connectionString) throw new Error('give a connectionString or a pool');
    const pool =
      options.pool ??
      new Pool({
        connectionString: options.connectionString,
        // A client within 5 s or an error, rather than a wait for ever on an exhausted pool.
        connectionTimeoutMillis: 5_000,
        ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
      });
    // A connection lost (a server restart) fails the query of the client in use and is dropped by
    // the pool when idle; unheard, either would crash the process.
    if (!options.pool) {
      pool.on('error', () => undefined);
      pool.on('connect', (client) => client.on('error', () => undefined));
    }
    try {
      const encoding = await pool.query<{ server_encoding: string }>('SHOW server_encoding');
      // Canonical JSON is stored as text and must come back byte for byte.
      if (encoding.rows[0].server_encoding !== 'UTF8') {
        throw new Error(`the database encoding is ${encoding.rows[0].server_encoding}; the store needs UTF8`);
      }
      if (options.readOnly) await assertMigrated(pool, schema);
      else await migrate(pool, schema);
    } catch (error) {
      if (!options.pool) await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, !options.pool, schema, options);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    if (this.readOnly) throw new Error(`the event store on schema ${this.schema} is open read-only`);
    const prepared = prepareAppend(streamId, events, this.maxEventBytes);
    const expected = options?.expectedRevision;
    const category = streamId.slice(0, streamId.indexOf('-'));

    let head = await this.headFor(streamId, expected);
    for (let attempt = 1; ; attempt++) {
      if (!revisionMatches(expected, head.revision)) {
        const retried = await this.retriedAppend(streamId, prepared);
        if (retried) return retried;
        throw new WrongExpectedRevision(streamId, expected, head.revision);
      }
      const sealed = sealEvents(prepared, {
        streamId,
        lastRevision: head.revision,
        lastHash: head.hash,
        recordedAt: this.now().toISOString(),
      });
      try {
        const lastPosition = await this.insert(streamId, category, head, sealed);
        const last = sealed[sealed.length - 1];
        this.remember(streamId, { revision: last.revision, hash: last.hash });
        for (const wake of this.listeners) wake();
        const first = lastPosition - sealed.length + 1;
        return {
          streamId,
          nextExpectedRevision: last.revision,
          lastPosition,
          events: sealed.map((event, i) => toRecordedEvent(event, first + i)),
        };
      } catch (error) {
        const code = (error as { code?: string }).code;
        const constraint = (error as { constraint?: string }).constraint;
        if (code === STALE_HEAD) {
          head = parseHead((error as { detail?: string }).detail);
        } else if (code === UNIQUE_VIOLATION && constraint === 'events_event_id_key') {
          const retried = await this.retriedAppend(streamId, prepared);
          if (retried) return retried;
          throw error;
        } else if (code === UNIQUE_VIOLATION && constraint === 'events_stream_revision_key') {
          // Cannot happen while every writer goes through append_events; treated as a conflict.
          head = await this.readHead(streamId);
        } else {
          throw error;
        }
        this.remember(streamId, head);
        if (attempt >= MAX_APPEND_ATTEMPTS)
          throw new WrongExpectedRevision(streamId, expected, head.revision);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(streamId);
    const backwards = options.direction === 'backwards';
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 AND revision ${backwards ? '<=' : '>='} $2
       ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0), options.maxCount ?? null],
    );
    if (rows.length === 0) {
      const exists = await this.query(`SELECT 1 FROM ${this.s}.streams WHERE stream_id = $1`, [streamId]);
      if (exists.length === 0) throw new StreamNotFound(streamId);
    }
    return rows.map(toEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { categories, types } = options;
    if ((categories && categories.length === 0) || (types && types.length === 0)) return [];
    const values: unknown[] = [options.after ?? 0, options.maxCount ?? null];
    const where = ['global_position > $1'];
    if (categories) where.push(`category = ANY($${values.push(categories)}::text[])`);
    if (types) where.push(`type = ANY($${values.push(types)}::text[])`);
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE ${where.join(' AND ')}
       ORDER BY global_position LIMIT $2`,
      values,
    );
    return rows.map(toEvent);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const subscription = pollingSubscription(
      {
        read: (after, maxCount) =>
          this.readAll({ after, maxCount, categories: options.categories, types: options.types }),
        onAppend: (wake) => {
          this.listeners.add(wake);
          return () => this.listeners.delete(wake);
        },
      },
      { pollIntervalMs: this.pollIntervalMs, batchSize: this.subscriptionBatchSize },
      options,
    );
    return trackedSubscription(this.subscriptions, subscription);
  }

  async readStoredStream(streamId: string): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamName(streamId);
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 ORDER BY revision`,
      [streamId],
    );
    if (rows.length === 0) throw new StreamNotFound(streamId);
    return rows.map(toStored);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const rows = await this.query<{ head: string }>(
      `SELECT COALESCE(MAX(global_position), 0) AS head FROM ${this.s}.events`,
      [],
    );
    return Number(rows[0].head);
  }

  async readAllStored(options: ReadAllStoredOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [options.after ?? 0, options.maxCount ?? null],
    );
    return rows.map(toStored);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsPool) await this.pool.end();
  }

  /** The head to seal on: none for NO_STREAM, the cached one when it can be right, else read. */
  private async headFor(streamId: string, expected: ExpectedRevision): Promise<StreamHead> {
    if (expected === NO_STREAM) return { revision: -1, hash: GENESIS_HASH };
    const cached = this.heads.get(streamId);
    if (cached && (typeof expected !== 'number' || cached.revision === expected)) return cached;
    const head = await this.readHead(streamId);
    this.remember(streamId, head);
    return head;
  }

  private async readHead(streamId: string): Promise<StreamHead> {
    const rows = await this.query<{ revision: string; last_hash: string }>(
      `SELECT revision, last_hash FROM ${this.s}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows.length === 0
      ? { revision: -1, hash: GENESIS_HASH }
      : { revision: Number(rows[0].revision), hash: rows[0].last_hash };
  }

  private remember(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    if (head.revision < 0) return;
    if (this.heads.size >= HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(streamId, head);
  }

  /** Runs append_events: autocommitted (the server commits right after it), or with the test seam. */
  private async insert(streamId: string, category: string, head: StreamHead, sealed: SealedEvent[]) {
    const statement = {
      name: `tadamon-append-${this.schema}`,
      text: `SELECT ${this.s}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS last_position`,
      values: [
        streamId,
        category,
        head.revision,
        head.hash,
        sealed.map((e) => e.id),
        sealed.map((e) => e.type),
        sealed.map((e) => e.schemaVersion),
        sealed.map((e) => e.dataJson),
        sealed.map((e) => e.metadataJson),
        sealed[0].recordedAt,
        sealed.map((e) => e.prevHash),
        sealed.map((e) => e.hash),
      ],
    };
    if (!this.beforeCommit) {
      const result = await this.pool.query<{ last_position: string }>(statement);
      return Number(result.rows[0].last_position);
    }
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await client.query<{ last_position: string }>(statement);
      await this.beforeCommit(streamId);
      await client.query('COMMIT');
      return Number(result.rows[0].last_position);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * When the append's first event id is stored, this is a retry: the same ids at consecutive
   * revisions of the same stream get the stored events back; anything else is DuplicateEventId.
   * Returns undefined when none of the ids is stored.
   */
  private async retriedAppend(
    streamId: string,
    prepared: PreparedEvent[],
  ): Promise<AppendResult | undefined> {
    const ids = prepared.map((event) => event.id);
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position`,
      [ids],
    );
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    const first = byId.get(ids[0]);
    if (!first) throw new DuplicateEventId(rows[0].event_id, rows[0].stream_id);
    if (first.stream_id !== streamId) throw new DuplicateEventId(first.event_id, first.stream_id);
    const events = ids.map((id, i) => {
      const row = byId.get(id);
      if (!row || row.stream_id !== streamId || Number(row.revision) !== Number(first.revision) + i) {
        throw new DuplicateEventId(row?.event_id ?? ids[0], row?.stream_id ?? streamId);
      }
      return toEvent(row);
    });
    const last = events[events.length - 1];
    return { streamId, nextExpectedRevision: last.revision, lastPosition: last.globalPosition, events };
  }

  private async query<Row extends object>(text: string, values: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(text, values)).rows;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the event store on schema ${this.schema} is closed`);
  }
}

/** append_events puts the actual head in DETAIL as "<revision> <hash>" (-1 when absent). */
function parseHead(detail: string | undefined): StreamHead {
  const [revision, hash] = (detail ?? '-1 ').split(' ');
  const value = Number(revision);
  return value < 0 || !hash ? { revision: -1, hash: GENESIS_HASH } : { revision: value, hash };
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    dataJson: row.data,
    metadataJson: row.metadata,
    streamId: row.stream_id,
    revision: Number(row.revision),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
    globalPosition: Number(row.global_position),
    category: row.category,
  };
}

function toEvent(row: EventRow): RecordedEvent {
  return toRecordedEvent(toStored(row), Number(row.global_position));
}
