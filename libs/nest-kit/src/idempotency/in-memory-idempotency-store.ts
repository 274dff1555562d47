import { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store';

/** One process only (tests, a single embedded instance); entries expire after their TTL. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined> {
    this.sweep();
    const existing = this.records.get(key);
    if (existing) return existing.record;
    this.records.set(key, { record: { state: 'in-flight', fingerprint }, expiresAt: this.now() + ttlMs });
    return undefined;
  }

  async complete(key: string, response: StoredResponse, ttlMs: number): Promise<void> {
    const existing = this.records.get(key);
    if (!existing) return;
    this.records.set(key, {
      record: { state: 'completed', fingerprint: existing.record.fingerprint, response },
      expiresAt: this.now() + ttlMs,
    });
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, { expiresAt }] of this.records) if (expiresAt <= now) this.records.delete(key);
  }
}
