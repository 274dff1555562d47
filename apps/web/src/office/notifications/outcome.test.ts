import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome';

describe('how a notice ended', () => {
  it('is delivered, with no reason', () => {
    expect(outcomeOf({ status: 'delivered', skipReason: null, lastFailure: null })).toEqual({
      status: 'delivered',
    });
  });

  it('is skipped with the reason the platform recorded', () => {
    expect(outcomeOf({ status: 'skipped', skipReason: 'no-consent' })).toEqual({
      status: 'skipped',
      reason: { kind: 'skip', code: 'no-consent' },
    });
  });

  it('failed (or is retried) with the transport’s last failure', () => {
    expect(outcomeOf({ status: 'failed', lastFailure: 'HTTP 500' }).reason).toEqual({
      kind: 'failure',
      text: 'HTTP 500',
    });
    expect(outcomeOf({ status: 'retrying', lastFailure: 'connection refused' }).reason?.kind).toBe('failure');
    // A failure before a later success is history, not the outcome.
    expect(outcomeOf({ status: 'delivered', lastFailure: 'HTTP 500' })).toEqual({ status: 'delivered' });
  });
});
