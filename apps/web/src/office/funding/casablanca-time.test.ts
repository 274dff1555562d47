import { describe, expect, it } from 'vitest';
import { casablancaLocalToIso, isoToCasablancaLocal } from './casablanca-time';

describe('a deadline typed in Casablanca', () => {
  it('is an hour ahead of UTC most of the year', () => {
    expect(casablancaLocalToIso('2026-06-30T23:59')).toBe('2026-06-30T22:59:00.000Z');
    expect(casablancaLocalToIso('2027-01-01T00:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('is UTC during Ramadan (Morocco sets its clocks back)', () => {
    // Ramadan 2026: about 18 February to 19 March; Morocco is on UTC+0 then.
    expect(casablancaLocalToIso('2026-03-01T12:00')).toBe('2026-03-01T12:00:00.000Z');
  });

  it('is refused when it is not a date and time', () => {
    expect(casablancaLocalToIso('')).toBeNull();
    expect(casablancaLocalToIso('30/06/2026 23:59')).toBeNull();
  });

  it('is shown back as it was typed', () => {
    for (const local of ['2026-06-30T23:59', '2026-03-01T12:00', '2027-01-01T00:30'])
      expect(isoToCasablancaLocal(casablancaLocalToIso(local) ?? '')).toBe(local);
  });
});
