import { retryAfterSeconds } from './retry-after';

const now = new Date('2026-06-01T08:00:00.000Z');

describe('Retry-After', () => {
  it('reads seconds and an HTTP date (from now, never negative)', () => {
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds(' 120 ', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 01 Jun 2026 08:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Mon, 01 Jun 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(['30', '60'], now)).toBe(30);
  });

  it('is null when absent or unreadable', () => {
    expect(retryAfterSeconds(undefined, now)).toBeNull();
    expect(retryAfterSeconds('', now)).toBeNull();
    expect(retryAfterSeconds('-5', now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});
