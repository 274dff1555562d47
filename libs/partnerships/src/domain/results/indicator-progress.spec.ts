import { indicatorProgress } from './indicator-progress';
import { IndicatorDefinition } from './results-events';
import { IndicatorUpdate } from './results-state';
import { households } from './results.fixtures';

const H1 = { periodStart: '2025-07-01', periodEnd: '2025-12-31' };
const H2 = { periodStart: '2026-01-01', periodEnd: '2026-06-30' };
let sequence = 0;
const update = (
  period: { periodStart: string; periodEnd: string },
  value: number | string,
  status: IndicatorUpdate['status'] = 'approved',
  indicatorId = households.indicatorId,
): IndicatorUpdate => ({
  updateId: `u${++sequence}`,
  indicatorId,
  ...period,
  value,
  evidence: [],
  comment: null,
  status,
  submittedAt: `2026-02-10T09:00:${String(sequence).padStart(2, '0')}.000Z`,
  submittedBy: 'md-officer-7',
  decidedAt: null,
  decidedBy: null,
  returnReason: null,
});
const periodic: IndicatorDefinition = { ...households, aggregation: 'periodic' };

describe('indicatorProgress', () => {
  it('takes the latest approved value of each period for a periodic indicator, counting what is pending', () => {
    const progress = indicatorProgress(periodic, [
      update(H1, 60),
      update(H1, 90),
      update(H1, 200, 'returned'),
      update(H1, 110, 'pending'),
      update(H1, 500, 'approved', 'other-indicator'),
    ]);
    expect(progress).toEqual([
      { ...H1, target: 120, actual: 90, progress: 0.75, approved: 2, pending: 1 },
      { ...H2, target: 300, actual: null, progress: null, approved: 0, pending: 0 },
    ]);
  });
  it('runs a total from the baseline across periods for a cumulative count', () => {
    const cumulative: IndicatorDefinition = {
      ...households,
      baseline: { ...households.baseline, value: 20 },
      targets: [
        { ...H1, value: 120 },
        { ...H2, value: 320 },
      ],
    };
    expect(indicatorProgress(cumulative, [update(H1, 40), update(H1, 80.5), update(H2, 119.5)])).toEqual([
      { ...H1, target: 120, actual: 100.5, progress: 0.805, approved: 2, pending: 0 },
      { ...H2, target: 320, actual: 220, progress: 0.6667, approved: 1, pending: 0 },
    ]);
  });
  it('takes a cumulative percentage as the level it is, not a sum', () => {
    const share: IndicatorDefinition = {
      ...households,
      measure: 'percentage',
      unit: null,
      baseline: { ...households.baseline, value: 10 },
      targets: [
        { ...H1, value: 50 },
        { ...H2, value: 90 },
      ],
    };
    expect(
      indicatorProgress(share, [update(H1, 30), update(H2, 95)]).map((p) => [p.actual, p.progress]),
    ).toEqual([
      [30, 0.5],
      [95, 1.0625],
    ]);
  });
  it('measures a descending indicator from the baseline down to the target', () => {
    const losses: IndicatorDefinition = {
      ...periodic,
      ascending: false,
      baseline: { ...households.baseline, value: 40 },
      targets: [
        { ...H1, value: 20 },
        { ...H2, value: 40 },
      ],
    };
    expect(indicatorProgress(losses, [update(H1, 35), update(H2, 45)]).map((p) => p.progress)).toEqual([
      0.25, 0,
    ]);
    expect(indicatorProgress(losses, [update(H1, 50)])[0].progress).toBe(-0.5);
  });
  it('gives the latest approved text of a qualitative indicator, without a ratio', () => {
    const coop: IndicatorDefinition = {
      ...periodic,
      measure: 'qualitative',
      unit: null,
      baseline: { ...households.baseline, value: 'Pas de coopérative' },
      targets: [{ ...H1, value: 'Coopérative agréée' }],
    };
    expect(
      indicatorProgress(coop, [update(H1, 'Statuts déposés'), update(H1, 'Coopérative agréée')]),
    ).toEqual([
      {
        ...H1,
        target: 'Coopérative agréée',
        actual: 'Coopérative agréée',
        progress: null,
        approved: 2,
        pending: 0,
      },
    ]);
  });
});
