import type { Readable } from 'node:stream';

/** What can be stored: bytes at hand, a Node stream, or any async source of byte chunks. */
export type ContentBody = Buffer | Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface PutOptions {
  /** A body longer than this is refused (ContentTooLarge) and nothing of it is kept. */
  maxBytes: number;
}

/** A stored object's address (its SHA-256, 64 lower-case hex digits) and length in bytes. */
export interface StoredContent {
  sha256: string;
  size: number;
}

/**
 * Immutable, content-addressed storage of documents: an object's key is the SHA-256 of its bytes.
 *
 * - `put` hashes while it streams, so the key is known only at the end; storing the same bytes
 *   twice (even concurrently) keeps one copy. An object becomes visible whole or not at all.
 * - `get` re-hashes while it streams and fails the stream with ContentCorrupted when the stored
 *   bytes no longer hash to the key: a consumer must treat a stream error as "no document"
 *   (pipeline() rejects), since the bytes before the end were already handed out.
 * - There is no delete: a document attached to a decision is evidence.
 */
export interface ContentStore {
  put(body: ContentBody, options: PutOptions): Promise<StoredContent>;
  /** The object's bytes, verified as they stream; undefined when no object has this key. */
  get(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** The stored length in bytes; undefined when absent. */
  size(sha256: string): Promise<number | undefined>;
  close(): Promise<void>;
}

export abstract class ContentStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidContentKey extends ContentStoreError {
  readonly code = 'INVALID_CONTENT_KEY';
  constructor(readonly key: unknown) {
    // The key is quoted only when short: it may be anything a client sent.
    super(
      `not a content key (64 lower-case hex digits of a SHA-256): ${
        typeof key === 'string' && key.length <= 80 ? JSON.stringify(key) : typeof key
      }`,
    );
  }
}

export class ContentTooLarge extends ContentStoreError {
  readonly code = 'CONTENT_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`the content is longer than ${maxBytes} bytes: refused, nothing stored`);
  }
}

export class ContentCorrupted extends ContentStoreError {
  readonly code = 'CONTENT_CORRUPTED';
  constructor(
    readonly sha256: string,
    readonly detail: string,
  ) {
    super(`stored content ${sha256} no longer matches its key: ${detail}`);
  }
}

const CONTENT_KEY = /^[0-9a-f]{64}$/;

export function isContentKey(key: unknown): key is string {
  return typeof key === 'string' && CONTENT_KEY.test(key);
}

export function assertContentKey(key: unknown): asserts key is string {
  if (!isContentKey(key)) throw new InvalidContentKey(key);
}

export function assertMaxBytes(maxBytes: number): void {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
}
