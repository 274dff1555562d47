import { RateLimitStore, RateLimitWindow } from './rate-limit-store';

export interface InMemoryRateLimitOptions {
  /** Clients tracked at most; past it the client whose window started first is forgotten. */
  maxClients?: number;
  /** How often ended windows are dropped (one timer for the whole store). */
  sweepEveryMs?: number;
}

interface Counter {
  count: number;
  resetAtMs: number;
}

/**
 * A fixed-window counter per key in one Map: a hit is one lookup and one write, whatever the
 * number of clients. No timer per hit (the cost that made the previous limiter collapse under load):
 * one unref'd interval drops ended windows, and the Map never holds more than `maxClients` keys.
 */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, Counter>();
  private readonly maxClients: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: InMemoryRateLimitOptions = {}) {
    this.maxClients = options.maxClients ?? 100_000;
    if (!Number.isSafeInteger(this.maxClients) || this.maxClients < 1)
      throw new RangeError('maxClients must be a positive integer');
    this.sweeper = setInterval(() => this.sweep(Date.now()), options.sweepEveryMs ?? 60_000);
    this.sweeper.unref();
  }

  hit(key: string, windowMs: number, nowMs: number): RateLimitWindow {
    const counter = this.counters.get(key);
    if (counter && counter.resetAtMs > nowMs) {
      counter.count += 1;
      return { count: counter.count, resetAtMs: counter.resetAtMs };
    }
    // Deleted and set again, so the Map's order stays the order in which windows started.
    if (counter) this.counters.delete(key);
    else if (this.counters.size >= this.maxClients) this.forgetOldest();
    this.counters.set(key, { count: 1, resetAtMs: nowMs + windowMs });
    return { count: 1, resetAtMs: nowMs + windowMs };
  }

  /** Keys tracked now (ended windows count until the next sweep). */
  get size(): number {
    return this.counters.size;
  }

  sweep(nowMs: number): void {
    for (const [key, counter] of this.counters) if (counter.resetAtMs <= nowMs) this.counters.delete(key);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.counters.clear();
  }

  private forgetOldest(): void {
    const oldest = this.counters.keys().next();
    if (!oldest.done) this.counters.delete(oldest.value);
  }
}
