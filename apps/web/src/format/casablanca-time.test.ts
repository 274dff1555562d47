import { describe, expect, it } from 'vitest';
import { casablancaLocalToIso, isoToCasablancaLocal } from './casablanca-time';

// As Node's time-zone data (tz 2025c) knows Casablanca: UTC+1, UTC+0 during Ramadan.
describe('a date and time typed in Casablanca', () => {
  it('is an hour ahead of UTC most of the year', () => {
    expect(casablancaLocalToIso('2026-06-30T23:59')).toBe('2026-06-30T22:59:00.000Z');
    expect(casablancaLocalToIso('2027-01-01T00:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('is UTC during Ramadan (Morocco sets its clocks back), to the second when given', () => {
    expect(casablancaLocalToIso('2026-03-01T12:00')).toBe('2026-03-01T12:00:00.000Z');
    expect(casablancaLocalToIso('2026-03-01T10:30:15')).toBe('2026-03-01T10:30:15.000Z');
  });

  it('is refused when it is not a date and time', () => {
    for (const text of ['', '30/06/2026 23:59', '2026-12-07', '2026-12-07T10:30Z'])
      expect(casablancaLocalToIso(text)).toBeNull();
  });

  it('is shown back as it was typed, to the minute or to the second', () => {
    for (const local of ['2026-06-30T23:59', '2026-03-01T12:00', '2027-01-01T00:30'])
      expect(isoToCasablancaLocal(casablancaLocalToIso(local) ?? '')).toBe(local);
    expect(isoToCasablancaLocal('2026-12-07T09:30:05.123Z', 'second')).toBe('2026-12-07T10:30:05');
    expect(isoToCasablancaLocal('not a date')).toBe('');
  });
});
