import { digestPeriod, isoWeek } from './digest-period';

describe('the digest period', () => {
  it('names ISO weeks, the year of the week’s Thursday included', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });

  it('sends a day’s digest from 08:00 in Casablanca (UTC+1 outside Ramadan), dated by the local day', () => {
    expect(digestPeriod('daily', new Date('2026-12-07T06:59:00Z'))).toBeNull();
    expect(digestPeriod('daily', new Date('2026-12-07T07:00:00Z'))).toBe('2026-12-07');
    // 22:59 UTC is 23:59 in Casablanca, still the 7th; 23:30 UTC is the 8th, before 08:00.
    expect(digestPeriod('daily', new Date('2026-12-07T22:59:00Z'))).toBe('2026-12-07');
    expect(digestPeriod('daily', new Date('2026-12-07T23:30:00Z'))).toBeNull();
  });

  it('sends a week’s digest from Monday 08:00, for the whole ISO week', () => {
    expect(digestPeriod('weekly', new Date('2026-12-07T06:00:00Z'))).toBeNull(); // Monday 07:00 local
    expect(digestPeriod('weekly', new Date('2026-12-07T08:00:00Z'))).toBe('2026-W50');
    expect(digestPeriod('weekly', new Date('2026-12-12T20:00:00Z'))).toBe('2026-W50'); // Saturday
  });

  it('follows Ramadan’s clock (UTC+0): 08:00 local is 08:00 UTC', () => {
    expect(digestPeriod('daily', new Date('2026-02-25T07:30:00Z'))).toBeNull();
    expect(digestPeriod('daily', new Date('2026-02-25T08:00:00Z'))).toBe('2026-02-25');
  });
});
