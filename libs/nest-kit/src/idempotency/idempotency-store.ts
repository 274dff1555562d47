export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type IdempotencyRecord =
  | { state: 'in-flight'; fingerprint: string }
  | { state: 'completed'; fingerprint: string; response: StoredResponse };

/** Where responses to Idempotency-Key requests are kept; keys are already scoped by actor. */
export interface IdempotencyStore {
  /**
   * Atomically claims `key` for a first execution: returns undefined when claimed, or the record
   * already there (in flight or completed). An expired record counts as absent.
   */
  reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined>;
  /** Stores the response of the claimed execution, kept until the TTL runs out. */
  complete(key: string, response: StoredResponse, ttlMs: number): Promise<void>;
  /** Gives up a claim (the execution failed), so a retry runs again. */
  release(key: string): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
