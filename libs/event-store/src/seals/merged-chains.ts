import { ROW_HASH_OK, ROW_ID_TEXT, ROW_PREV_COMPARABLE } from './verify-log-worker';

/**
 * Why a row breaks its stream's chain; `jump` is a revision gap or a reordering (told apart later);
 * `unexpected-storage`: a stored value fault (stored-values.ts), checked before anything else.
 */
export type ChainBreakReason =
  | 'unexpected-storage'
  | 'jump'
  | 'duplicate-revision'
  | 'out-of-order'
  | 'bad-genesis'
  | 'broken-link'
  | 'hash-mismatch';

export interface ChainBreakAt {
  position: number;
  reason: ChainBreakReason;
  /** For a jump: the revision the stream expected next. */
  expected?: number;
  /** For unexpected-storage: the fault's code. */
  fault?: number;
}

/** Four '0' bytes as an int32 (in either byte order): the genesis hash is 64 of them. */
const ZEROS = 0x30303030;

/**
 * Every stream's chain, checked row by row in global order on the coordinating thread from what the
 * worker threads hashed: the semantics and order of the single-threaded pass (the stored values,
 * then the revision, then the link to the previous hash, then the stream id, then the hash). State per stream: its last
 * revision and hash (64 hex bytes in a slab), by slot; streams are told apart by the workers' keys
 * (one per distinct stored stream id).
 */
export class MergedChains {
  private revisions = new Float64Array(1024).fill(-1);
  /** Each stream's last hash, 16 int32 per slot (compared and copied as words; byte order is moot). */
  private slab = new Int32Array(16 * 1024);
  private readonly slots = new Map<string, number>();
  /** Streams with at least one row that verified. */
  verifiedStreams = 0;

  /** The slot of a stream, by the key a worker gave it. */
  slotOf(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(key, slot);
      if (slot >= this.revisions.length) this.grow();
    }
    return slot;
  }

  /**
   * Checks a row of stream `slot`: its stored value fault (0 for none), its revision, its flags
   * (ROW_*) and its stored prevHash and hash, 64 bytes each (16 int32) at word `at` of `prevs` and
   * `hashes`. Records the row and returns
   * undefined when it holds; otherwise the reason (and, for a jump, the revision expected).
   */
  check(
    slot: number,
    fault: number,
    revision: number,
    flags: number,
    prevs: Int32Array,
    hashes: Int32Array,
    at: number,
  ): Omit<ChainBreakAt, 'position'> | undefined {
    if (fault !== 0) return { reason: 'unexpected-storage', fault };
    const known = this.revisions[slot];
    const expected = known + 1;
    if (revision !== expected) {
      // NaN (a revision that is no number) is neither above nor at/after 0: out of order, as on one thread.
      if (revision > expected) return { reason: 'jump', expected };
      return { reason: revision >= 0 ? 'duplicate-revision' : 'out-of-order' };
    }
    if (!(flags & ROW_PREV_COMPARABLE) || !this.linked(slot, known < 0, prevs, at)) {
      return { reason: expected === 0 ? 'bad-genesis' : 'broken-link' };
    }
    if (!(flags & ROW_ID_TEXT) || !(flags & ROW_HASH_OK)) return { reason: 'hash-mismatch' };
    if (known < 0) this.verifiedStreams++;
    this.revisions[slot] = revision;
    const last = 16 * slot;
    for (let i = 0; i < 16; i++) this.slab[last + i] = hashes[at + i];
    return undefined;
  }

  /** The row's prevHash is the stream's last hash (the genesis hash for a first row). */
  private linked(slot: number, first: boolean, prevs: Int32Array, at: number): boolean {
    if (first) {
      for (let i = 0; i < 16; i++) if (prevs[at + i] !== ZEROS) return false;
      return true;
    }
    const last = 16 * slot;
    for (let i = 0; i < 16; i++) if (prevs[at + i] !== this.slab[last + i]) return false;
    return true;
  }

  private grow(): void {
    const revisions = new Float64Array(2 * this.revisions.length).fill(-1);
    revisions.set(this.revisions);
    this.revisions = revisions;
    const slab = new Int32Array(2 * this.slab.length);
    slab.set(this.slab);
    this.slab = slab;
  }
}
