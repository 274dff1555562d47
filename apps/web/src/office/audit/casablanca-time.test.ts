import { describe, expect, it } from 'vitest';
import { casablancaToInstant, instantToCasablanca } from './casablanca-time';

describe('Casablanca wall time', () => {
  it('reads a wall time at UTC+1 outside Ramadan and at UTC+0 during it', () => {
    expect(casablancaToInstant('2026-12-07T10:30')).toBe('2026-12-07T09:30:00.000Z');
    // Ramadan 2026: Morocco is at UTC+0 from 15 February to 22 March.
    expect(casablancaToInstant('2026-03-01T10:30:15')).toBe('2026-03-01T10:30:15.000Z');
  });

  it('refuses what is not a wall time', () => {
    expect(casablancaToInstant('')).toBeUndefined();
    expect(casablancaToInstant('2026-12-07')).toBeUndefined();
    expect(casablancaToInstant('2026-12-07T10:30Z')).toBeUndefined();
  });

  it('shows an instant as Casablanca wall time, and back', () => {
    expect(instantToCasablanca('2026-12-07T09:30:05.123Z')).toBe('2026-12-07T10:30:05');
    expect(casablancaToInstant(instantToCasablanca('2026-06-01T23:59:59.000Z'))).toBe(
      '2026-06-01T23:59:59.000Z',
    );
  });
});
