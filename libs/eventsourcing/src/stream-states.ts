/**
 * A stream's state as folded at one revision, kept between the commands of a busy stream so the
 * next command reads and folds only the events after it (a session of 500 enrolments is otherwise
 * read and folded whole by each of them).
 *
 * An entry is taken (removed) when a command starts and kept again only after the command's
 * outcome is known against the store: a state folded by an evolve that changes its input in place
 * is never seen half-applied, and two commands never share one.
 */
export interface StreamStates<S> {
  take(streamId: string): KnownState<S> | undefined;
  keep(streamId: string, known: KnownState<S>): void;
}

/**
 * The state folded up to `revision`, whose event had the id `lastEventId`: the next read starts
 * at that event and checks its id, so a stream that is not the one folded (a store emptied and
 * written again, in tests) is read whole instead of trusted.
 */
export interface KnownState<S> {
  state: S;
  revision: number;
  lastEventId: string;
}

/** At most `capacity` streams, the least recently used forgotten first. */
export class LruStreamStates<S> implements StreamStates<S> {
  private readonly entries = new Map<string, KnownState<S>>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  take(streamId: string): KnownState<S> | undefined {
    const entry = this.entries.get(streamId);
    this.entries.delete(streamId);
    return entry;
  }

  keep(streamId: string, known: KnownState<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, known);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
