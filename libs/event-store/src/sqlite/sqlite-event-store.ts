import Database from 'better-sqlite3';
import {
  DuplicateEventId,
  ExpectedRevision,
  GENESIS_HASH,
  NewEvent,
  RecordedEvent,
  StreamNotFound,
  WrongExpectedRevision,
  assertStreamName,
  revisionMatches,
} from '@tadamon/eventsourcing';
import {
  DEFAULT_MAX_EVENT_BYTES,
  PreparedEvent,
  prepareAppend,
  sealEvents,
  toRecordedEvent,
} from '../append-preparation';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ParallelReadSource,
  ReadAllOptions,
  ReadAllStoredOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { pollingSubscription, trackedSubscription } from '../polling-subscription';
import { EVENT_COLUMNS, EventRow, SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

export interface SqliteEventStoreOptions {
  /** The database file (created when absent). */
  filename: string;
  /** FULL (default) syncs the WAL at every commit: a decision survives a power cut. */
  synchronous?: SqliteSynchronous;
  /** How long a writer waits for another process's write transaction. Default 5000 ms. */
  busyTimeoutMs?: number;
  maxEventBytes?: number;
  /** Live subscriptions poll this often for appends by other processes. Default 20 ms. */
  pollIntervalMs?: number;
  /** Events read per page by subscriptions. Default 500. */
  subscriptionBatchSize?: number;
  /** The clock that stamps recordedAt. Default: the system clock. */
  now?: () => Date;
  /**
   * Opens an existing store read-only (the auditor): the file must exist and hold the current
   * schema; nothing is written to it (no migration, no journal mode change), and appends throw.
   */
  readOnly?: boolean;
}

const SYNCHRONOUS: readonly SqliteSynchronous[] = ['FULL', 'NORMAL', 'OFF'];

interface PendingAppend {
  streamId: string;
  prepared: PreparedEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}
type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Wake-ups for subscriptions of every store opened on a file in this process. */
const appendListeners = new Map<string, Set<() => void>>();

/**
 * The embedded event store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so the
 * appends of one process are serialised; appends of several processes (or several stores on one
 * file) are serialised by IMMEDIATE transactions, each waiting up to the busy timeout.
 */
export class SqliteEventStore implements EventStore {
  readonly filename: string;
  readonly synchronous: SqliteSynchronous;
  readonly readOnly: boolean;
  private readonly db: Database.Database;
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private readonly subscriptionBatchSize: number;
  private readonly now: () => Date;
  private readonly listeners: Set<() => void>;
  private readonly subscriptions = new Set<Subscription>();
  private readonly committed = new Set<(result: AppendResult) => void>();
  private readonly filtered = new Map<string, Database.Statement>();
  private readonly commitBatch: (batch: PendingAppend[]) => AppendOutcome[];
  /** Appends waiting for the next group commit (see appendToStream). */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private closed = false;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(options);
  }

  constructor(options: SqliteEventStoreOptions) {
    this.filename = options.filename;
    this.synchronous = options.synchronous ?? 'FULL';
    if (!SYNCHRONOUS.includes(this.synchronous)) {
      throw new Error(`synchronous must be one of ${SYNCHRONOUS.join(', ')}, not ${this.synchronous}`);
    }
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 20;
    this.subscriptionBatchSize = options.subscriptionBatchSize ?? 500;
    this.now = options.now ?? (() => new Date());
    this.readOnly = options.readOnly ?? false;

    this.db = new Database(
      options.filename,
      this.readOnly ? { readonly: true, fileMustExist: true } : undefined,
    );
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (this.readOnly) {
      this.assertSchema();
    } else {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${this.synchronous}`);
      this.db.pragma('foreign_keys = ON');
      this.migrate();
    }
    this.statements = prepareStatements(this.db);
    // Called inside the batch's transaction, better-sqlite3 runs this one as a SAVEPOINT: a refused
    // append rolls back alone and the others of the batch still commit.
    const appendOne = this.db.transaction(
      (streamId: string, prepared: PreparedEvent[], expected: ExpectedRevision) =>
        this.appendInTransaction(streamId, prepared, expected),
    );
    const batchTx = this.db.transaction((batch: PendingAppend[]) =>
      batch.map((append): AppendOutcome => {
        try {
          return { ok: true, result: appendOne(append.streamId, append.prepared, append.expected) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.commitBatch = (batch) => batchTx.immediate(batch);

    let listeners = appendListeners.get(this.filename);
    if (!listeners) appendListeners.set(this.filename, (listeners = new Set()));
    this.listeners = listeners;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    if (this.readOnly) throw new Error(`the event store on ${this.filename} is open read-only`);
    const prepared = prepareAppend(streamId, events, this.maxEventBytes);
    // Group commit: the appends issued in one turn of the event loop share one transaction, hence
    // one fsync; each still checks its own expected revision, in the order they were issued, and
    // none is answered before the transaction holding it is durable.
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, prepared, expected: options?.expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.commitBatch(batch);
    } catch (error) {
      // The commit itself failed (busy, I/O): nothing of the batch is stored.
      for (const append of batch) append.reject(error);
      return;
    }
    // Before anything else runs: this thread cannot read the new rows before they are announced.
    for (const outcome of outcomes)
      if (outcome.ok)
        for (const listener of this.committed) {
          try {
            listener(outcome.result);
          } catch {
            // A listener's fault must not leave the batch unanswered; what it missed it reports itself.
          }
        }
    for (const wake of this.listeners) wake();
    outcomes.forEach((outcome, i) =>
      outcome.ok ? batch[i].resolve(outcome.result) : batch[i].reject(outcome.error),
    );
  }

  onCommitted(listener: (result: AppendResult) => void): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(streamId);
    const limit = options.maxCount ?? -1;
    const rows = (
      options.direction === 'backwards'
        ? this.statements.readStreamBackwards.all(
            streamId,
            options.fromRevision ?? Number.MAX_SAFE_INTEGER,
            limit,
          )
        : this.statements.readStreamForwards.all(streamId, options.fromRevision ?? 0, limit)
    ) as EventRow[];
    if (rows.length === 0 && !this.statements.lastOfStream.get(streamId)) throw new StreamNotFound(streamId);
    return rows.map(toEvent);
  }

  /** A stream's events, or [] when it has none (no StreamNotFound to build and catch). */
  async readStreamOrEmpty(streamId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(streamId);
    return (this.statements.readStreamForwards.all(streamId, 0, -1) as EventRow[]).map(toEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAllSync(options.after ?? 0, options.maxCount ?? -1, options.categories, options.types);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const subscription = pollingSubscription(
      {
        read: (after, maxCount) => this.readAllSync(after, maxCount, options.categories, options.types),
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
    const rows = this.statements.readStreamForwards.all(streamId, Number.MIN_SAFE_INTEGER, -1) as EventRow[];
    if (rows.length === 0) throw new StreamNotFound(streamId);
    return rows.map(toStored);
  }

  parallelReadSource(): ParallelReadSource | undefined {
    // An in-memory database is this connection's own: another thread would open an empty one.
    if (this.filename === '' || this.filename === ':memory:' || this.filename.startsWith('file:'))
      return undefined;
    return { kind: 'sqlite', filename: this.filename };
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return (this.statements.head.get() as { head: number }).head;
  }

  async readAllStored(options: ReadAllStoredOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = this.statements.readAll.all(options.after ?? 0, options.maxCount ?? -1) as EventRow[];
    return rows.map(toStored);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.closed = true;
    this.db.close();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version >= SQLITE_SCHEMA_VERSION) return;
    this.db
      .transaction(() => {
        this.db.exec(SQLITE_SCHEMA);
        this.db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
      })
      .immediate();
  }

  /** Read-only: the file must already hold the schema this code reads (it cannot migrate it). */
  private assertSchema(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SQLITE_SCHEMA_VERSION) return;
    this.db.close();
    throw new Error(
      version === 0
        ? `${this.filename} is not a Tadamon event store (no events table)`
        : `${this.filename} has event store schema version ${version}; this code reads version ${SQLITE_SCHEMA_VERSION}`,
    );
  }

  private appendInTransaction(
    streamId: string,
    prepared: PreparedEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const { statements } = this;
    const last = statements.lastOfStream.get(streamId) as [number, string] | undefined;
    const actual = last ? last[0] : -1;
    // A retry is recognised by its first event id, looked up only when the append cannot go
    // ahead as it is (a revision conflict, or that id already stored): the common path reads less.
    if (!revisionMatches(expected, actual)) {
      const stored = statements.findById.get(prepared[0].id) as [string, number] | undefined;
      if (stored) return this.retriedAppend(streamId, prepared, stored[0], stored[1]);
      throw new WrongExpectedRevision(streamId, expected, actual);
    }

    const sealed = sealEvents(prepared, {
      streamId,
      lastRevision: actual,
      lastHash: last ? last[1] : GENESIS_HASH,
      recordedAt: this.now().toISOString(),
    });
    const category = streamId.slice(0, streamId.indexOf('-'));
    const events: RecordedEvent[] = [];
    for (const event of sealed) {
      let position: number;
      try {
        position = Number(
          statements.insert.run(
            streamId,
            category,
            event.revision,
            event.id,
            event.type,
            event.schemaVersion,
            event.dataJson,
            event.metadataJson,
            event.recordedAt,
            event.prevHash,
            event.hash,
          ).lastInsertRowid,
        );
      } catch (error) {
        const owner = statements.findById.get(event.id) as [string, number] | undefined;
        if (!owner) throw error;
        // Nothing inserted yet: the whole append may be a retry. Otherwise the transaction rolls back.
        if (events.length === 0) return this.retriedAppend(streamId, prepared, owner[0], owner[1]);
        throw new DuplicateEventId(event.id, owner[0]);
      }
      events.push(toRecordedEvent(event, position));
    }
    return {
      streamId,
      nextExpectedRevision: actual + sealed.length,
      lastPosition: events[events.length - 1].globalPosition,
      events,
    };
  }

  /** The first id is stored: a retry of the same append returns what it stored, anything else fails. */
  private retriedAppend(
    streamId: string,
    prepared: PreparedEvent[],
    storedStreamId: string,
    fromRevision: number,
  ): AppendResult {
    if (storedStreamId !== streamId) throw new DuplicateEventId(prepared[0].id, storedStreamId);
    const rows = this.statements.readStreamForwards.all(
      streamId,
      fromRevision,
      prepared.length,
    ) as EventRow[];
    prepared.forEach((event, i) => {
      if (rows[i]?.[3] !== event.id) throw new DuplicateEventId(rows[i]?.[3] ?? event.id, streamId);
    });
    const events = rows.map(toEvent);
    const lastEvent = events[events.length - 1];
    return {
      streamId,
      nextExpectedRevision: lastEvent.revision,
      lastPosition: lastEvent.globalPosition,
      events,
    };
  }

  private readAllSync(
    after: number,
    maxCount: number,
    categories: string[] | undefined,
    types: string[] | undefined,
  ): RecordedEvent[] {
    const nc = categories?.length ?? 0;
    const nt = types?.length ?? 0;
    if ((categories && nc === 0) || (types && nt === 0)) return [];
    const statement = nc === 0 && nt === 0 ? this.statements.readAll : this.filteredStatement(nc, nt);
    const rows = statement.all(after, ...(categories ?? []), ...(types ?? []), maxCount) as EventRow[];
    return rows.map(toEvent);
  }

  private filteredStatement(nc: number, nt: number): Database.Statement {
    const key = `${nc}:${nt}`;
    let statement = this.filtered.get(key);
    if (!statement) {
      const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
      const where = [
        'position > ?',
        ...(nc ? [`category IN (${marks(nc)})`] : []),
        ...(nt ? [`type IN (${marks(nt)})`] : []),
      ];
      statement = this.db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`)
        .raw(true);
      this.filtered.set(key, statement);
    }
    return statement;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the event store on ${this.filename} is closed`);
  }
}

function prepareStatements(db: Database.Database) {
  return {
    findById: db.prepare('SELECT stream_id, revision FROM events WHERE id = ?').raw(true),
    head: db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
    lastOfStream: db
      .prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .raw(true),
    insert: db.prepare(
      'INSERT INTO events (stream_id, category, revision, id, type, schema_version, data, metadata, ' +
        'recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    readStreamForwards: db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    readStreamBackwards: db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true),
    readAll: db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(true),
  };
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: row[3],
    type: row[4],
    schemaVersion: row[5],
    dataJson: row[6],
    metadataJson: row[7],
    streamId: row[1],
    revision: row[2],
    recordedAt: row[8],
    prevHash: row[9],
    hash: row[10],
    globalPosition: row[0],
  };
}

/** Same shape as toRecordedEvent, built straight from the raw row (readAll's hot path). */
function toEvent(row: EventRow): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[1],
    revision: row[2],
    globalPosition: row[0],
    recordedAt: row[8],
    data: JSON.parse(row[6]),
    metadata: JSON.parse(row[7]),
    prevHash: row[9],
    hash: row[10],
  };
}
