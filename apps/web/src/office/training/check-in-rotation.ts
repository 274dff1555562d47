/**
 * The rotation of a sitting's check-in code on the trainer's screen. The platform answers the code
 * of the current step and when it ends (`validUntil`); a code is still accepted a few seconds past
 * that (its clock-skew tolerance), so the screen asks for the next one just after `validUntil`,
 * while the shown code is still good, and never sooner than the code's step allows.
 */

/** After `validUntil`: the next step has begun on the platform's clock (the shown code is still accepted). */
export const REFRESH_AFTER_EXPIRY_MS = 300;
/** Never ask more often than this (a clock far off, a code already past its end). */
export const MIN_REFRESH_MS = 1_000;
/** Nor wait longer than the platform's longest step. */
export const MAX_REFRESH_MS = 600_000;

const instant = (value: string): number => {
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new RangeError(`not an instant: ${value}`);
  return at;
};

/** How long until the screen asks for the next code. */
export function refreshDelay(validUntil: string, now: number): number {
  const delay = instant(validUntil) - now + REFRESH_AFTER_EXPIRY_MS;
  return Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, delay));
}

/** Whole seconds the shown code has left, as the countdown says them (0 once it ended). */
export function secondsLeft(validUntil: string, now: number): number {
  return Math.max(0, Math.ceil((instant(validUntil) - now) / 1000));
}

/**
 * The address the QR carries: the platform's `checkInUrl` is a path (`/training/check-in#code=…`),
 * made absolute on this site's origin; an absolute one is kept as it is.
 */
export function absoluteCheckInUrl(checkInUrl: string, origin: string): string {
  return new URL(checkInUrl, origin).toString();
}
