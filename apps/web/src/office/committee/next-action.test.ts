import { describe, expect, it } from 'vitest';
import { committeeAction, evaluatorsProgress } from './next-action';

const evaluators = (scored: number, assigned: number) => [
  ...Array.from({ length: assigned }, (_, i) => ({
    evaluatorId: `user-evaluator${i + 1}`,
    status: 'assigned',
    ...(i < scored && { scoredAt: '2026-12-07T10:00:00Z' }),
  })),
  { evaluatorId: 'user-removed', status: 'removed', scoredAt: '2026-12-07T09:00:00Z' },
];

describe('the committee’s next action on an application', () => {
  it('computes the consensus only once every evaluator still on it has scored', () => {
    expect(evaluatorsProgress({ evaluators: evaluators(2, 3) })).toEqual({ scored: 2, assigned: 3 });
    expect(committeeAction({ status: 'under-evaluation', evaluators: evaluators(2, 3) })).toBe('wait');
    expect(committeeAction({ status: 'under-evaluation', evaluators: evaluators(3, 3) })).toBe('consensus');
  });

  it('recommends a scored one, decides a recommended one, rejects a not-recommended one', () => {
    expect(committeeAction({ status: 'scored' })).toBe('recommend');
    expect(committeeAction({ status: 'recommended' })).toBe('decide');
    expect(committeeAction({ status: 'not-recommended' })).toBe('reject');
    expect(committeeAction({ status: 'awarded' })).toBe('view');
  });

  it('decides a pending appeal first', () => {
    expect(committeeAction({ status: 'rejected', appeal: { status: 'lodged' } })).toBe('appeal');
    expect(committeeAction({ status: 'rejected', appeal: { status: 'dismissed' } })).toBe('view');
  });
});
