import { describe, expect, it } from 'vitest';
import { durationParts, supportNextStep } from './support-durations';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('how long a support request waited', () => {
  it('says days and hours, hours and minutes, or minutes: two units at most', () => {
    expect(durationParts(3 * DAY + 4 * HOUR + 59 * MINUTE)).toEqual([
      { unit: 'days', count: 3 },
      { unit: 'hours', count: 4 },
    ]);
    expect(durationParts(2 * DAY)).toEqual([{ unit: 'days', count: 2 }]);
    expect(durationParts(5 * HOUR + 10 * MINUTE)).toEqual([
      { unit: 'hours', count: 5 },
      { unit: 'minutes', count: 10 },
    ]);
    expect(durationParts(HOUR)).toEqual([{ unit: 'hours', count: 1 }]);
    expect(durationParts(59_999)).toEqual([{ unit: 'minutes', count: 0 }]);
    expect(durationParts(-5)).toEqual([{ unit: 'minutes', count: 0 }]);
  });

  it('gives the officer’s next step from the status', () => {
    expect(
      ['received', 'assigned', 'answered', 'closed', 'withdrawn', undefined].map(supportNextStep),
    ).toEqual(['assign', 'answer', 'close', 'none', 'none', 'none']);
  });
});
