import { IndicatorValue } from './results-commands';
import { IndicatorDefinition } from './results-events';
import { IndicatorUpdate } from './results-state';

export type PeriodProgress = {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly target: IndicatorValue;
  /** From approved updates only; null while none of the period is approved. */
  readonly actual: IndicatorValue | null;
  /**
   * How far from the baseline towards the target (0 at the baseline, 1 at the target, beyond 1
   * when exceeded, negative when worse than the baseline), rounded to 4 decimals; null when
   * qualitative or without an actual.
   */
  readonly progress: number | null;
  readonly approved: number;
  readonly pending: number;
};

const SCALE = 10_000;
const scaled = (value: number): number => Math.round(value * SCALE);
const round = (value: number): number => Math.round(value * SCALE) / SCALE;

/** The approved update of the period submitted last: a later update of a period corrects the earlier one. */
const latestApproved = (updates: readonly IndicatorUpdate[]): IndicatorUpdate | undefined =>
  updates
    .filter((u) => u.status === 'approved')
    .reduce<IndicatorUpdate | undefined>(
      (latest, u) => (!latest || u.submittedAt >= latest.submittedAt ? u : latest),
      undefined,
    );

const progressTowards = (actual: number, target: number, baseline: number, ascending: boolean): number => {
  const span = ascending ? target - baseline : baseline - target;
  const gain = ascending ? actual - baseline : baseline - actual;
  if (span === 0) return gain >= 0 ? 1 : 0;
  return round(gain / span);
};

/**
 * Progress per target period. Periodic: the period's latest approved value. Cumulative unit: each
 * period's latest approved value is what the period added, and the actual is the baseline plus the
 * running total up to that period. Cumulative percentage: a percentage is already a level, so the
 * period's latest approved value, as periodic. Qualitative: the latest approved text, no ratio.
 */
export const indicatorProgress = (
  indicator: IndicatorDefinition,
  updates: readonly IndicatorUpdate[],
): PeriodProgress[] => {
  const ofIndicator = updates.filter((u) => u.indicatorId === indicator.indicatorId);
  const runningTotal = indicator.measure === 'unit' && indicator.aggregation === 'cumulative';
  const baseline = indicator.baseline.value;
  let totalScaled = typeof baseline === 'number' ? scaled(baseline) : 0;
  return indicator.targets.map((target) => {
    const ofPeriod = ofIndicator.filter(
      (u) => u.periodStart === target.periodStart && u.periodEnd === target.periodEnd,
    );
    const latest = latestApproved(ofPeriod);
    let actual: IndicatorValue | null = latest?.value ?? null;
    if (runningTotal && typeof actual === 'number') {
      totalScaled += scaled(actual);
      actual = totalScaled / SCALE;
    }
    const progress =
      typeof actual === 'number' && typeof target.value === 'number' && typeof baseline === 'number'
        ? progressTowards(actual, target.value, baseline, indicator.ascending)
        : null;
    return {
      periodStart: target.periodStart,
      periodEnd: target.periodEnd,
      target: target.value,
      actual,
      progress,
      approved: ofPeriod.filter((u) => u.status === 'approved').length,
      pending: ofPeriod.filter((u) => u.status === 'pending').length,
    };
  });
};
