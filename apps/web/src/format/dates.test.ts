import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('dates', () => {
  it('are the day in Casablanca, not the reader’s nor UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Morocco (UTC+1).
    expect(formatDate('2026-12-31T23:30:00Z', 'fr-MA')).toBe('1 janvier 2027');
    expect(formatDate('2026-12-31T23:30:00Z', 'en-GB')).toBe('1 January 2027');
    expect(formatDate('2026-12-31T23:30:00Z', 'ar-MA-u-nu-arab')).toBe('١ يناير ٢٠٢٧');
    expect(formatDate('2026-12-31T23:30:00Z', 'ar-MA-u-nu-latn')).toBe('1 يناير 2027');
  });

  it('give the time in Casablanca', () => {
    expect(formatDateTime('2026-07-01T09:00:00Z', 'en-GB')).toBe('1 July 2026 at 10:00');
  });
});
