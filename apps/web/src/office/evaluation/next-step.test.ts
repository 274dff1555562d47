import { describe, expect, it } from 'vitest';
import { furthestStep, nextStep } from './next-step';

const line = (assignment: object | null) => ({ applicationId: 'application-1', assignment });

describe('an evaluator’s next step on a dossier', () => {
  it('goes declare → open → score → done as the platform records each', () => {
    expect(nextStep(line({ status: 'assigned' }))).toBe('declare');
    expect(nextStep(line({ status: 'assigned', declaration: 'no-conflict' }))).toBe('open');
    expect(
      nextStep(
        line({ status: 'assigned', declaration: 'no-conflict', dossierOpenedAt: '2026-12-07T10:00:00Z' }),
      ),
    ).toBe('score');
    expect(
      nextStep(
        line({
          status: 'assigned',
          declaration: 'no-conflict',
          dossierOpenedAt: '2026-12-07T10:00:00Z',
          scoredAt: '2026-12-07T11:00:00Z',
        }),
      ),
    ).toBe('done');
  });

  it('ends at a declared or detected conflict, and when the evaluator was removed', () => {
    expect(nextStep(line({ status: 'assigned', declaration: 'conflict', conflict: 'declared' }))).toBe(
      'conflict',
    );
    expect(nextStep(line({ conflict: 'detected' }))).toBe('conflict');
    expect(nextStep(line({ status: 'removed', declaration: 'no-conflict' }))).toBe('removed');
    expect(nextStep(line(null))).toBe('removed');
  });

  it('keeps the step a command of this page reached while the list is a moment behind', () => {
    expect(furthestStep('declare', 'open')).toBe('open');
    expect(furthestStep('declare', 'conflict')).toBe('conflict');
    expect(furthestStep('score', 'open')).toBe('score');
    expect(furthestStep('conflict', 'score')).toBe('conflict');
    expect(furthestStep('open', null)).toBe('open');
  });
});
