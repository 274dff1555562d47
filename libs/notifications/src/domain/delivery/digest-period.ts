import { MINISTRY_TIME_ZONE } from './quiet-hours';

/** The hour (Africa/Casablanca) from which a day's or a week's digest goes out. */
export const DIGEST_HOUR = 8;

const localParts = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1,
  };
};

/** ISO 8601 week of a calendar date (YYYY-MM-DD): `2026-W49`. */
export const isoWeek = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday names its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
};

/**
 * The digest period a recipient's held notices go out in at `now`, or null before it is due: a
 * daily digest from 08:00 on the ministry's clock (the period is the local date), a weekly one from
 * Monday 08:00 (the period is the ISO week). One digest per recipient and period: the period is
 * part of the digest's source, so its notification id is the same however often it is looked at.
 */
export const digestPeriod = (
  cadence: 'daily' | 'weekly',
  now: Date,
  timeZone = MINISTRY_TIME_ZONE,
): string | null => {
  const local = localParts(now, timeZone);
  if (cadence === 'daily') return local.hour >= DIGEST_HOUR ? local.date : null;
  if (local.weekday === 1 && local.hour < DIGEST_HOUR) return null;
  return isoWeek(local.date);
};
