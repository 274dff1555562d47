import { RecordedEvent } from '@tadamon/eventsourcing';
import { Document, DocumentStore } from '../document-store';
import { guardedOps } from './guarded-writes';
import { CHECKPOINTS_COLLECTION, Projection, ProjectionWrite } from './projection';

/** What a runner reads: the event store port satisfies it. */
export interface ProjectionSource {
  readAll(options: {
    after?: number;
    maxCount?: number;
    categories?: string[];
    types?: string[];
  }): Promise<RecordedEvent[]>;
  /** Global position of the newest event, when the store can tell (used for progress and lag). */
  headPosition?(): Promise<number>;
}

export interface ProjectionProgress {
  projection: string;
  events: number;
  position: number;
  head?: number;
}

export interface RunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  onProgress?: (progress: ProjectionProgress) => void;
  onError?: (error: Error) => void;
}

const MAX_CACHED_DOCUMENTS = 200_000;

interface CheckpointDoc extends Document {
  _id: string;
  position: number;
  version: number;
  rebuilding?: boolean;
}

/**
 * Applies a projection to its read models: reads the log after its checkpoint in batches, writes
 * each batch with guarded bulk ops, then stores the checkpoint. A crash between the two replays
 * the batch, which changes nothing (see guardedOps). No multi-document transactions.
 */
export class ProjectionRunner {
  private running = false;
  /** The log head read at the start of the last catch-up that reached the end: events of other
   * categories up to it need no processing, so they do not count as lag. */
  private caughtUpTo = 0;
  private rebuildCaches?: Map<string, Map<string, Document>>;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by notify(): an append the catch-up in progress may not have read. */
  private woken = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly source: ProjectionSource,
    private readonly docs: DocumentStore,
    readonly projection: Projection,
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  private checkpoints() {
    return this.docs.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
  }

  async checkpoint(): Promise<CheckpointDoc | null> {
    return this.checkpoints().get(this.projection.name);
  }

  /** Events after the checkpoint, when the source can tell its head. */
  async lag(): Promise<number | undefined> {
    if (!this.source.headPosition) return undefined;
    const [head, checkpoint] = await Promise.all([this.source.headPosition(), this.checkpoint()]);
    return Math.max(0, head - Math.max(checkpoint?.position ?? 0, this.caughtUpTo));
  }

  /** Processes everything after the checkpoint; returns the number of events applied. */
  async catchUp(): Promise<number> {
    const checkpoint = await this.checkpoint();
    if (checkpoint && checkpoint.version !== this.projection.version) return (await this.rebuild()).events;
    let position = checkpoint?.position ?? 0;
    const head = this.source.headPosition ? await this.source.headPosition() : undefined;
    let events = 0;
    for (;;) {
      const batch = await this.source.readAll({
        after: position,
        maxCount: this.batchSize,
        categories: this.projection.categories,
        types: this.projection.types,
      });
      if (batch.length === 0) break;
      await this.apply(batch);
      position = batch[batch.length - 1].globalPosition;
      await this.checkpoints().upsert(this.projection.name, {
        $set: { position, version: this.projection.version },
      });
      events += batch.length;
      this.options.onProgress?.({ projection: this.projection.name, events, position, head });
      if (batch.length < this.batchSize) break;
    }
    if (head !== undefined) this.caughtUpTo = Math.max(this.caughtUpTo, head);
    // The batches' upserts already moved the position; only a finished rebuild has a flag to clear.
    if (checkpoint?.rebuilding) {
      await this.checkpoints().upsert(this.projection.name, {
        $set: { rebuilding: false, position, version: this.projection.version },
      });
    }
    return events;
  }

  /** Drops the projection's collections and replays the whole log into them. */
  async rebuild(): Promise<{ events: number; durationMs: number }> {
    const started = Date.now();
    // The checkpoint is marked first: a rebuild killed half way resumes from its checkpoint.
    await this.checkpoints().upsert(this.projection.name, {
      $set: { position: 0, version: this.projection.version, rebuilding: true },
    });
    for (const name of this.projection.collections) await this.docs.collection(name).drop();
    this.rebuildCaches = new Map(this.projection.collections.map((name) => [name, new Map()]));
    try {
      const events = await this.catchUp();
      return { events, durationMs: Date.now() - started };
    } finally {
      this.rebuildCaches = undefined;
    }
  }

  /** Catches up, then follows the log until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        this.woken = false;
        try {
          const applied = await this.catchUp();
          // A catch-up that ended short of a full batch reached the head: it sleeps until the next
          // notify or poll, unless a notify came while it ran (then at once, for what it missed).
          const reachedHead = applied === 0 || applied % this.batchSize !== 0;
          if (reachedHead && !this.woken) await this.sleep();
        } catch (error) {
          this.options.onError?.(error as Error);
          await this.sleep();
        }
      }
    })();
  }

  /** Wakes a started runner at once (e.g. after a local append). */
  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** During a rebuild the runner is the only writer of collections it emptied: it keeps their
   * documents (up to a bound) so an adapter need not read them back. */
  private rebuildCache(collection: string): Map<string, Document> | undefined {
    if (!this.rebuildCaches) return undefined;
    const cache = this.rebuildCaches.get(collection);
    if (cache && cache.size > MAX_CACHED_DOCUMENTS) {
      this.rebuildCaches.delete(collection);
      return undefined;
    }
    return cache;
  }

  private async apply(batch: RecordedEvent[]): Promise<void> {
    const writes: Array<{ position: number; write: ProjectionWrite }> = [];
    for (const event of batch) {
      for (const write of this.projection.project(event))
        writes.push({ position: event.globalPosition, write });
    }
    const byCollection = guardedOps(writes);
    await Promise.all(
      [...byCollection].map(([name, ops]) =>
        this.docs.collection(name).bulk(ops, { cache: this.rebuildCache(name) }),
      ),
    );
  }
}
