/**
 * The seconds an HTTP `Retry-After` asks to wait: a number of seconds, or an HTTP date (counted
 * from `now`, never below 0). Null when absent or unreadable.
 */
export const retryAfterSeconds = (value: string | string[] | undefined, now: Date): number | null => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  // Every HTTP-date form begins with the day's name; Date.parse alone would read "-5" as a year.
  const date = /^[A-Za-z]/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
};
