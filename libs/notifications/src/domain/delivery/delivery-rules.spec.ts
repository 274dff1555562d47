import { MINISTRY_TIME_ZONE, quietHoursEnd } from './quiet-hours';
import { nextAttemptAt, WEBHOOK_RETRY_DELAYS_MS } from './retry-schedule';

describe('the webhook retry schedule', () => {
  const failedAt = '2026-03-02T10:00:00.000Z';
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after attempts 1 to 7, then gives up', () => {
    const after = (attempt: number) => {
      const next = nextAttemptAt(attempt, failedAt);
      return next === null ? null : (Date.parse(next) - Date.parse(failedAt)) / 1000;
    };
    expect([1, 2, 3, 4, 5, 6, 7].map(after)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(after(8)).toBeNull();
    expect(WEBHOOK_RETRY_DELAYS_MS).toHaveLength(8);
  });

  it('honours a longer Retry-After, never a shorter one', () => {
    expect(nextAttemptAt(1, failedAt, 120)).toBe('2026-03-02T10:02:00.000Z');
    expect(nextAttemptAt(3, failedAt, 120)).toBe('2026-03-02T10:30:00.000Z');
  });
});

describe('quiet hours in Africa/Casablanca', () => {
  const night = { from: '22:00', to: '07:00' };
  it('holds a message sent at 23:30 in Casablanca (UTC+1) until 07:00 there', () => {
    // 2026-05-04 22:30 UTC is 23:30 in Casablanca (UTC+1 outside Ramadan).
    expect(quietHoursEnd('2026-05-04T22:30:00Z', night)).toBe('2026-05-05T06:00:00.000Z');
    expect(quietHoursEnd('2026-05-05T05:59:00Z', night)).toBe('2026-05-05T06:00:00.000Z');
  });

  it('lets a message through outside the window, or with no quiet hours', () => {
    expect(quietHoursEnd('2026-05-05T06:00:00Z', night)).toBeNull();
    expect(quietHoursEnd('2026-05-04T12:00:00Z', night)).toBeNull();
    expect(quietHoursEnd('2026-05-04T22:30:00Z', null)).toBeNull();
    expect(quietHoursEnd('2026-05-04T22:30:00Z', { from: '08:00', to: '08:00' })).toBeNull();
  });

  it('handles a window within one day', () => {
    expect(quietHoursEnd('2026-05-04T11:15:00Z', { from: '12:00', to: '14:00' })).toBe(
      '2026-05-04T13:00:00.000Z',
    );
  });

  it('follows the clock through Ramadan, when Casablanca is at UTC+0', () => {
    const offsetAt = (instant: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: MINISTRY_TIME_ZONE, timeZoneName: 'shortOffset' })
        .formatToParts(new Date(instant))
        .find((p) => p.type === 'timeZoneName')?.value;
    // Ramadan 2026 (about 18 February to 19 March): the IANA rules set Casablanca to GMT+0.
    const ramadan = '2026-03-05T23:30:00Z';
    expect(offsetAt(ramadan)).toBe('GMT+0');
    expect(offsetAt('2026-05-04T23:30:00Z')).toBe('GMT+1');
    expect(quietHoursEnd(ramadan, night)).toBe('2026-03-06T07:00:00.000Z');
    // The night the clock goes back to GMT+1 (2026-03-22 at 02:00 UTC): 07:00 there is 06:00 UTC.
    expect(offsetAt('2026-03-22T01:00:00Z')).toBe('GMT+0');
    expect(quietHoursEnd('2026-03-21T23:00:00Z', night)).toBe('2026-03-22T06:00:00.000Z');
  });
});
