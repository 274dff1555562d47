import { PROGRAMME_TIME_ZONE } from '../../format/dates';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall time of `instant` in Casablanca, as milliseconds of a UTC clock showing it. */
function wallTimeMs(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: PROGRAMME_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/**
 * A `datetime-local` value read as Casablanca's wall time (UTC+1, UTC+0 during Ramadan), as an
 * ISO instant; undefined for a value that is not one.
 */
export function casablancaToInstant(local: string): string | undefined {
  const match = LOCAL.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // The zone's offset at the guess, then again at the corrected instant (a change of offset between them).
  let instant = asUtc - (wallTimeMs(asUtc) - asUtc);
  instant = asUtc - (wallTimeMs(instant) - instant);
  return new Date(instant).toISOString();
}

/** An instant as a `datetime-local` value in Casablanca, to the second. */
export function instantToCasablanca(iso: string): string {
  return new Date(wallTimeMs(Date.parse(iso))).toISOString().slice(0, 19);
}
