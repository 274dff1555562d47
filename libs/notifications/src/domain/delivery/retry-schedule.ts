/**
 * The webhook retry schedule (Standard Webhooks' recommendation, as the issue gives it): the delay
 * before each attempt, the first at once. After the last, the delivery has failed.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** An endpoint failing for this long without a success is disabled. */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/**
 * When attempt `attempt + 1` is due after attempt `attempt` failed at `failedAt`, or null when the
 * schedule is spent. A `Retry-After` (seconds) asking for longer is honoured, never a shorter one.
 */
export const nextAttemptAt = (
  attempt: number,
  failedAt: string,
  retryAfterSeconds: number | null = null,
  delays: readonly number[] = WEBHOOK_RETRY_DELAYS_MS,
): string | null => {
  if (attempt >= delays.length) return null;
  const scheduled = delays[attempt];
  const asked = retryAfterSeconds !== null && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
  return new Date(Date.parse(failedAt) + Math.max(scheduled, asked)).toISOString();
};
