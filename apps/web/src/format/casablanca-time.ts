import { PROGRAMME_TIME_ZONE } from './dates';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall time of `instant` in Casablanca, as the milliseconds of a UTC clock showing it. */
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
 * A date and time typed in Casablanca (`2026-06-30T23:59`, or with seconds: a `datetime-local`
 * input's value) as the ISO instant the API takes, whatever the reader's own clock; null when it
 * is not one. Morocco's offset changes around Ramadan, so it is the offset at that instant, as the
 * browser's time-zone data knows it (docs/web.md, "Whose time-zone data").
 */
export function casablancaLocalToIso(local: string): string | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, Number.isNaN(second) ? 0 : second);
  if (Number.isNaN(asUtc)) return null;
  // The offset at the guess, then again at the corrected instant (a change of offset between them).
  let instant = asUtc - (wallTimeMs(asUtc) - asUtc);
  instant = asUtc - (wallTimeMs(instant) - instant);
  return new Date(instant).toISOString();
}

/** An ISO instant as a `datetime-local` value in Casablanca, to the minute or to the second. */
export function isoToCasablancaLocal(iso: string, precision: 'minute' | 'second' = 'minute'): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Date(wallTimeMs(instant)).toISOString().slice(0, precision === 'minute' ? 16 : 19);
}
