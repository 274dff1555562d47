import { dateTimeFormat } from './intl-cache';

/** Every date the UI shows is the programme's: Morocco's legal time, whatever the reader's clock. */
export const PROGRAMME_TIME_ZONE = 'Africa/Casablanca';

/** A day (15 June 2026, ١٥ يونيو ٢٠٢٦) in Casablanca. */
export function formatDate(value: string | number | Date, locale: string): string {
  return dateTimeFormat(locale, { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'long' }).format(new Date(value));
}

/** A day and time in Casablanca, with the zone named (for decisions and deadlines). */
export function formatDateTime(value: string | number | Date, locale: string): string {
  return dateTimeFormat(locale, {
    timeZone: PROGRAMME_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(value));
}
