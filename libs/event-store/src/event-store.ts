import { ExpectedRevision, NewEvent, RecordedEvent } from '@tadamon/eventsourcing';
import { SealedEvent } from './append-preparation';

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the stream's last event after the append: pass it as the next expectedRevision. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  lastPosition: number;
  /** The stored events of this append (for a retried append: the originally stored ones). */
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Default: the first event forwards, the last event backwards. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a greater global position. Default: from the start of the log. */
  after?: number;
  maxCount?: number;
  /** Only events of streams in these categories (`category` of `category-id`). */
  categories?: string[];
  /** Only events of these types. */
  types?: string[];
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** Called once per event in global order; the next event waits for the promise. */
  onEvent: (event: RecordedEvent) => Promise<void> | void;
  /** Called when the subscription stops on an error (including one thrown by onEvent). */
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Global position of the last event handed to onEvent (the checkpoint to resume after). */
  readonly position: number | undefined;
  stop(): Promise<void>;
}

/** A stored row exactly as kept (data and metadata as stored text): what an auditor verifies. */
export interface StoredEvent extends SealedEvent {
  globalPosition: number;
  /**
   * The category column, where a store keeps one beside the stream id and filters reads by it
   * (PostgreSQL; SQLite's verification reads its own): not hashed, so verifyLog checks it.
   */
  category?: string;
}

export interface ReadAllStoredOptions {
  /** Exclusive: rows with a greater global position. Default: from the start of the log. */
  after?: number;
  maxCount?: number;
}

/** A storage that worker threads can open on their own (SQLite: the file). */
export type ParallelReadSource = { kind: 'sqlite'; filename: string };

/**
 * The event store port. Every adapter passes the contract suite (@tadamon/event-store/testing).
 * Errors are the typed errors of @tadamon/eventsourcing (WrongExpectedRevision, StreamNotFound,
 * InvalidStreamName, EmptyAppend, InvalidEvent, EventTooLarge, DuplicateEventId).
 */
export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFound when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up from `after`, then live, in global order, with no gap and no duplicate. */
  subscribe(options: SubscribeOptions): Subscription;
  /** A stream's stored rows in revision order, unparsed, for chain verification. Throws StreamNotFound. */
  readStoredStream(streamId: string): Promise<StoredEvent[]>;
  /** Stored rows of the whole log in global order, unparsed, for verification in pages. */
  readAllStored(options?: ReadAllStoredOptions): Promise<StoredEvent[]>;
  /**
   * Where other threads can open the same storage read-only, for a verification in parallel
   * (verifyLog's `threads`). Optional: a store without it is verified on one thread.
   */
  parallelReadSource?(): ParallelReadSource | undefined;
  /**
   * Calls `listener` with each append this store object commits, synchronously after the commit
   * and before any other code can read the new rows: what this process wrote, as opposed to what
   * appeared in the log (the embedded sealer's accounting, docs/audit.md). Optional: a store whose
   * commits other readers may see first (a server) does not offer it. Returns the unsubscribe.
   */
  onCommitted?(listener: (result: AppendResult) => void): () => void;
  /** Global position of the newest event, 0 when the log is empty (for lag and progress). */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
