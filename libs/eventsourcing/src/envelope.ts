/** Who issued a command: recorded with every event it produced. */
export interface Actor {
  id: string;
  roles: string[];
}

export interface EventMetadata {
  correlationId: string;
  causationId: string;
  commandId: string;
  actor: Actor;
  tenant?: string;
}

/** A JSON value: what event data may hold (no undefined, functions, bigint, NaN or Infinity). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An event as a decider produces it, before the store gives it a place in the log. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** Derived from the command id (see eventIdFor), so a retried command never appends twice. */
  id: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

/**
 * An event as stored. `revision` counts from 0 within its stream; `globalPosition` orders the whole
 * log (strictly increasing, gaps allowed). `hash` = SHA-256 of the canonical JSON of the hashed
 * fields (see hashedContent) followed by `prevHash`; the first event of a stream has GENESIS_HASH.
 */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  revision: number;
  globalPosition: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}
