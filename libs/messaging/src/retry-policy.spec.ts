import { backoffAfter, retryPolicy, toError } from './retry-policy';

describe('retry policy', () => {
  it('doubles the backoff after each failed attempt up to its maximum', () => {
    const policy = retryPolicy({ maxAttempts: 6, initialBackoffMs: 100, maxBackoffMs: 500, multiplier: 2 });
    expect([1, 2, 3, 4, 5].map((attempt) => backoffAfter(policy, attempt))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });

  it('rejects a policy with no attempt or a shrinking backoff', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => retryPolicy({ initialBackoffMs: 100, maxBackoffMs: 50 })).toThrow(/backoff/);
  });

  it('turns what NestJS filters throw into errors that keep the message', () => {
    expect(toError({ status: 'error', message: 'Internal server error' }).message).toBe(
      'Internal server error',
    );
    const original = new RangeError('n out of range');
    expect(toError(original)).toBe(original);
    expect(toError('boom').message).toBe('boom');
  });
});
