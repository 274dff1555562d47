import { describe, expect, it } from 'vitest';
import { evaluatorProgress, nextStep } from './board-progress';

describe('a line of the application board', () => {
  it('counts the evaluators still named, those who declared no conflict and those who scored', () => {
    const line = {
      evaluators: [
        {
          evaluatorId: 'e1',
          status: 'assigned',
          declaration: 'no-conflict',
          scoredAt: '2026-01-02T10:00:00Z',
        },
        { evaluatorId: 'e2', status: 'assigned', declaration: 'no-conflict' },
        { evaluatorId: 'e3', status: 'assigned' },
        {
          evaluatorId: 'e4',
          status: 'removed',
          declaration: 'no-conflict',
          scoredAt: '2026-01-01T10:00:00Z',
        },
        { evaluatorId: 'e5', conflict: 'detected' },
      ],
    };
    expect(evaluatorProgress(line)).toEqual({ assigned: 3, declared: 2, scored: 1 });
  });

  it('says the next step: screen a submitted application, name evaluators once eligible, then the agreement', () => {
    expect(nextStep({ status: 'submitted' })).toBe('screen');
    expect(nextStep({ status: 'eligible' })).toBe('assign');
    expect(nextStep({ status: 'under-evaluation' })).toBe('follow');
    expect(nextStep({ status: 'awarded', agreement: null })).toBe('agreement');
    expect(nextStep({ status: 'awarded', agreement: { agreementId: 'a' } })).toBe('tranches');
    expect(nextStep({ status: 'ineligible' })).toBe('open');
  });
});
