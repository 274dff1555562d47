import { PROGRAMME_TIME_ZONE } from '../../format/dates';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far ahead of UTC the programme's clock is at `instant` (ms): +1 h, or 0 during Ramadan. */
function offsetAt(instant: number): number {
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
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * A date and time typed in Casablanca (`2026-06-30T23:59`, a datetime-local input's value) as the
 * ISO instant the API takes (`2026-06-30T22:59:00.000Z`), whatever the reader's own clock; null
 * when it is not one. Morocco's offset changes around Ramadan, so it is the offset at that instant.
 */
export function casablancaLocalToIso(local: string): string | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return null;
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** An ISO instant as a datetime-local value in Casablanca (to edit a deadline). */
export function isoToCasablancaLocal(iso: string): string {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  return new Date(instant + offsetAt(instant)).toISOString().slice(0, 16);
}
