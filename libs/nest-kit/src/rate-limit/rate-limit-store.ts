/** A client's count in its current window, as the store left it after counting one request. */
export interface RateLimitWindow {
  readonly count: number;
  /** Epoch milliseconds at which the window ends and the count starts again from zero. */
  readonly resetAtMs: number;
}

/**
 * Where request counts live. The in-memory adapter serves one process; instances that must share a
 * limit (the distributed profile behind a load balancer) use an adapter on a shared server instead.
 */
export interface RateLimitStore {
  /** Counts one request of `key`; a new window of `windowMs` starts when the last one has ended. */
  hit(key: string, windowMs: number, nowMs: number): RateLimitWindow | Promise<RateLimitWindow>;
  close(): void | Promise<void>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
