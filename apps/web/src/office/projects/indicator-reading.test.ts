import { describe, expect, it } from 'vitest';
import { baselineValue, chartPeriods, periodLabel, readProgress, readUpdate } from './indicator-reading';

const households = {
  indicatorId: 'households-connected',
  baseline: { year: 2015, value: 0 },
  progress: [
    {
      periodStart: '2015-03-01',
      periodEnd: '2015-12-31',
      target: 120,
      actual: 110,
      progress: 0.9167,
      approved: 1,
      pending: 0,
    },
    {
      periodStart: '2017-01-01',
      periodEnd: '2017-12-31',
      target: 450,
      actual: null,
      progress: null,
      approved: 0,
      pending: 1,
    },
  ],
};

describe('an indicator as the platform answers it', () => {
  it('gives the chart each period’s target and approved value, none while pending', () => {
    expect(chartPeriods(readProgress(households))).toEqual([
      { label: '2015', target: 120, actual: 110 },
      { label: '2017', target: 450, actual: null },
    ]);
    expect(baselineValue(households)).toBe(0);
  });

  it('has no chart when its values are texts (qualitative)', () => {
    const qualitative = {
      progress: [{ periodStart: '2017-01-01', periodEnd: '2017-12-31', target: 'adopted', actual: null }],
    };
    expect(chartPeriods(readProgress(qualitative))).toBeNull();
  });

  it('names a period spanning several years by its first and last', () => {
    expect(periodLabel('2016-07-01', '2017-06-30')).toBe('2016–2017');
  });

  it('reads an update’s state, and an unexpected one as unknown', () => {
    expect(
      readUpdate({
        updateId: 'hh-2017',
        status: 'pending',
        value: 410,
        evidence: [{ sha256: 'ab', name: 'a.csv' }],
      }),
    ).toMatchObject({
      updateId: 'hh-2017',
      status: 'pending',
      value: 410,
      evidence: [{ sha256: 'ab', name: 'a.csv' }],
    });
    expect(readUpdate({ status: 'lost' }).status).toBe('unknown');
  });
});
