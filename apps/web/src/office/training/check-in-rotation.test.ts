import { describe, expect, it } from 'vitest';
import {
  absoluteCheckInUrl,
  MAX_REFRESH_MS,
  MIN_REFRESH_MS,
  refreshDelay,
  REFRESH_AFTER_EXPIRY_MS,
  secondsLeft,
} from './check-in-rotation';

const NOW = Date.parse('2026-12-08T10:00:00.000Z');

describe('the check-in code’s rotation', () => {
  it('asks for the next code just after the shown one’s step ends', () => {
    expect(refreshDelay('2026-12-08T10:00:42.000Z', NOW)).toBe(42_000 + REFRESH_AFTER_EXPIRY_MS);
  });

  it('waits at least a second when the code has already ended (a clock behind the platform’s)', () => {
    expect(refreshDelay('2026-12-08T09:59:00.000Z', NOW)).toBe(MIN_REFRESH_MS);
    expect(refreshDelay('2026-12-08T10:00:00.100Z', NOW)).toBe(MIN_REFRESH_MS);
  });

  it('never waits longer than the platform’s longest step', () => {
    expect(refreshDelay('2026-12-08T11:00:00.000Z', NOW)).toBe(MAX_REFRESH_MS);
  });

  it('counts down whole seconds, rounding up, and stops at zero', () => {
    expect(secondsLeft('2026-12-08T10:00:59.001Z', NOW)).toBe(60);
    expect(secondsLeft('2026-12-08T10:00:59.000Z', NOW)).toBe(59);
    expect(secondsLeft('2026-12-08T10:00:00.000Z', NOW)).toBe(0);
    expect(secondsLeft('2026-12-08T09:00:00.000Z', NOW)).toBe(0);
  });

  it('refuses a validity that is no instant rather than rotating at random', () => {
    expect(() => refreshDelay('soon', NOW)).toThrow(RangeError);
  });

  it('makes the check-in page’s path absolute on this site, the code kept in the fragment', () => {
    expect(absoluteCheckInUrl('/training/check-in#code=k1.abc.def', 'https://tadamon.example')).toBe(
      'https://tadamon.example/training/check-in#code=k1.abc.def',
    );
    expect(absoluteCheckInUrl('https://other.example/x#code=1', 'https://tadamon.example')).toBe(
      'https://other.example/x#code=1',
    );
  });
});
