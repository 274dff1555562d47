/** Bounded retries with exponential backoff. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  multiplier: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialBackoffMs: 100,
  maxBackoffMs: 2000,
  multiplier: 2,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
  if (policy.initialBackoffMs < 0 || policy.maxBackoffMs < policy.initialBackoffMs || policy.multiplier < 1) {
    throw new Error('backoff needs 0 <= initialBackoffMs <= maxBackoffMs and multiplier >= 1');
  }
  return policy;
}

/** The wait before the attempt that follows failed attempt number `failedAttempt` (from 1). */
export function backoffAfter(policy: RetryPolicy, failedAttempt: number): number {
  const delay = policy.initialBackoffMs * policy.multiplier ** Math.max(0, failedAttempt - 1);
  return Math.min(policy.maxBackoffMs, delay);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function toError(value: unknown): Error {
  // An error made in another realm (Node's core under a test runner's sandbox) fails instanceof;
  // rebuilding it would lose its code (ECONNREFUSED...), by which a delivery knows to wait it out.
  if (value instanceof Error || Object.prototype.toString.call(value) === '[object Error]')
    return value as Error;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  ) {
    const error = new Error((value as { message: string }).message);
    error.name = 'HandlerError';
    return error;
  }
  return new Error(String(value));
}
