import { UsageError } from '../cli/command-line';
import { parseAsOf } from './as-of';

describe('parseAsOf', () => {
  it('reads ISO dates (midnight UTC) and instants with their zone; default now', () => {
    expect(parseAsOf('2014-07-20').toISOString()).toBe('2014-07-20T00:00:00.000Z');
    expect(parseAsOf('2014-07-20T12:00:00Z').toISOString()).toBe('2014-07-20T12:00:00.000Z');
    expect(parseAsOf('2014-07-20T14:00+02:00').toISOString()).toBe('2014-07-20T12:00:00.000Z');
    expect(parseAsOf('2014-07-20T12:00:00.123000Z').toISOString()).toBe('2014-07-20T12:00:00.123Z');
    expect(parseAsOf('2014-07-20T12:00:00.1Z').toISOString()).toBe('2014-07-20T12:00:00.100Z');
    const now = new Date('2030-01-01T00:00:00Z');
    expect(parseAsOf(undefined, () => now)).toBe(now);
  });

  it.each([
    '2014-07-20T12:00:00.123456Z',
    '2014-07-20T12:00:00.0001Z',
    '2014-07-20T14:00:00.999999999+02:00',
  ])(
    'refuses %j: digits below the millisecond, which the log does not record, are not dropped silently',
    (value) => {
      expect(() => parseAsOf(value)).toThrow(UsageError);
      expect(() => parseAsOf(value)).toThrow(/digits below the millisecond .*at most 3 fractional digits/);
    },
  );

  it.each(['yesterday', '2014-07-20T12:00:00', '20/07/2014', '2014-13-40', ''])('refuses %j', (value) => {
    expect(() => parseAsOf(value)).toThrow(UsageError);
  });
});
