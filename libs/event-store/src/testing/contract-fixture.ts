import { EventStore } from '../event-store';
import { SealedEvent } from '../append-preparation';

/**
 * Direct access to an adapter's storage, bypassing the store, so the contract suite can prove the
 * hash chain detects tampering. Each method changes stored rows only; hashes are left as stored.
 */
export interface ChainTamper {
  /** Changes one byte of the event's stored data text (it stays valid UTF-8 text). */
  flipByte(eventId: string): Promise<void>;
  /** Removes the event's row; the other rows keep their revisions and hashes. */
  deleteEvent(eventId: string): Promise<void>;
  /** Exchanges the stored revisions of two events of a stream, so a read returns them swapped. */
  swapRevisions(streamId: string, a: number, b: number): Promise<void>;
  /**
   * Stores a forged row at `forged.revision` of `forged.streamId`, first moving the stored
   * revision of every event of that stream at or after it up by one (their hashes unchanged).
   */
  insertForged(forged: SealedEvent): Promise<void>;
}

export interface ContractFixtureOptions {
  /** The adapter's limit on one event's data plus metadata (UTF-8 bytes); default: the adapter's. */
  maxEventBytes?: number;
}

export interface ContractFixture {
  store: EventStore;
  /** Absent when the storage cannot be altered (the chain-tampering cases then report NOT RUN). */
  tamper?: ChainTamper;
  /** A second, independent store on the same storage (another connection/file handle). */
  reopen?(): Promise<EventStore>;
  /** Closes the store and whatever reopen() created; removes temporary storage. */
  cleanup(): Promise<void>;
}

/**
 * Creates a store for the suite. Called once for the shared cases (with no options) and once more
 * with a small `maxEventBytes` for the oversize case; the storage may be shared between calls and
 * with other suites, since every case uses fresh random stream names and categories.
 */
export type ContractFixtureFactory = (options?: ContractFixtureOptions) => Promise<ContractFixture>;
