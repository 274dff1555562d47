/** The ministry's time zone: Morocco is UTC+1, UTC+0 during Ramadan (the IANA rules know when). */
export const MINISTRY_TIME_ZONE = 'Africa/Casablanca';

/** A nightly window in the recipient's wall-clock time, "HH:MM" each; `from` after `to` spans midnight. */
export interface QuietHours {
  from: string;
  to: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isWallClockTime = (value: unknown): value is string =>
  typeof value === 'string' && HH_MM.test(value);

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight of an instant in a time zone. */
const localMinutes = (instant: Date, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
};

/**
 * The instant the quiet hours end if `now` falls inside them, else null. Computed on the wall
 * clock of `timeZone`, then corrected once if the offset changed overnight (Ramadan's change falls
 * at night), so the end is the first instant the local clock reads `to`.
 */
export const quietHoursEnd = (
  now: string,
  quiet: QuietHours | null,
  timeZone = MINISTRY_TIME_ZONE,
): string | null => {
  if (!quiet || quiet.from === quiet.to) return null;
  const at = new Date(now);
  const local = localMinutes(at, timeZone);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inside = from < to ? local >= from && local < to : local >= from || local < to;
  if (!inside) return null;
  const until = (to - local + 24 * 60) % (24 * 60);
  const start = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  let end = new Date(start.getTime() + until * 60_000);
  const drift = (localMinutes(end, timeZone) - to + 24 * 60) % (24 * 60);
  if (drift !== 0) end = new Date(end.getTime() - (drift > 12 * 60 ? drift - 24 * 60 : drift) * 60_000);
  return end.toISOString();
};
