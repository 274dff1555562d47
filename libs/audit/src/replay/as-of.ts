const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An as-of that is not an ISO 8601 date or instant with its zone, to the millisecond. */
export class InvalidAsOf extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAsOf';
  }
}

/**
 * An as-of: an ISO 8601 date (`2014-07-20`, midnight UTC) or instant with its zone
 * (`2014-07-20T12:00:00Z`, `2014-07-20T14:00+02:00`); default now. A time without a zone is
 * refused: it would depend on the auditor's machine. So are non-zero digits below the millisecond:
 * the log records milliseconds, and dropping them silently would answer for another instant than
 * the one asked. `name` is how the caller calls it (`--as-of`, `asOf`).
 */
export function parseAsOf(
  value: string | undefined,
  now: () => Date = () => new Date(),
  name = '--as-of',
): Date {
  if (value === undefined) return now();
  const ms = Date.parse(value);
  const match = ISO_INSTANT.exec(value);
  if (!match || Number.isNaN(ms)) {
    throw new InvalidAsOf(
      `${name} must be an ISO 8601 date or instant with its zone (2014-07-20, 2014-07-20T12:00:00Z), not "${value}"`,
    );
  }
  const fraction = match[3] ?? '';
  if (/[1-9]/.test(fraction.slice(4))) {
    throw new InvalidAsOf(
      `${name} "${value}" has digits below the millisecond (${fraction.slice(1)}): the log records instants to the millisecond; give at most 3 fractional digits (${value.replace(fraction, fraction.slice(0, 4))} or the next millisecond)`,
    );
  }
  return new Date(ms);
}
