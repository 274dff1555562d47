import { ApiRecord, numberField, recordField, recordListField, textField } from '../../api/record-fields';
import type { ChartPeriod } from './progress-chart';

export type IndicatorValue = number | string;

export interface PeriodProgressReading {
  periodStart: string;
  periodEnd: string;
  target: IndicatorValue | null;
  actual: IndicatorValue | null;
  progress: number | null;
  approved: number;
  pending: number;
}

export interface UpdateReading {
  updateId: string;
  periodStart: string;
  periodEnd: string;
  value: IndicatorValue | null;
  status: 'pending' | 'approved' | 'returned' | 'unknown';
  evidence: { sha256: string; name: string }[];
  comment?: string;
  submittedAt?: string;
  submittedBy?: string;
  decidedAt?: string;
  decidedBy?: string;
  returnReason?: string;
}

const valueField = (record: ApiRecord, key: string): IndicatorValue | null =>
  numberField(record, key) ?? textField(record, key) ?? null;

const STATUSES = ['pending', 'approved', 'returned'] as const;

/** A period's label on the chart: its year, or its first and last years when it spans several. */
export const periodLabel = (periodStart: string, periodEnd: string): string => {
  const [from, to] = [periodStart.slice(0, 4), periodEnd.slice(0, 4)];
  return from === to ? from : `${from}–${to}`;
};

export const readProgress = (indicator: ApiRecord): PeriodProgressReading[] =>
  recordListField(indicator, 'progress').map((p) => ({
    periodStart: textField(p, 'periodStart') ?? '',
    periodEnd: textField(p, 'periodEnd') ?? '',
    target: valueField(p, 'target'),
    actual: valueField(p, 'actual'),
    progress: numberField(p, 'progress') ?? null,
    approved: numberField(p, 'approved') ?? 0,
    pending: numberField(p, 'pending') ?? 0,
  }));

export const readUpdate = (update: ApiRecord): UpdateReading => {
  const status = textField(update, 'status');
  return {
    updateId: textField(update, 'updateId') ?? '',
    periodStart: textField(update, 'periodStart') ?? '',
    periodEnd: textField(update, 'periodEnd') ?? '',
    value: valueField(update, 'value'),
    status: STATUSES.find((s) => s === status) ?? 'unknown',
    evidence: recordListField(update, 'evidence').map((e) => ({
      sha256: textField(e, 'sha256') ?? '',
      name: textField(e, 'name') ?? '',
    })),
    comment: textField(update, 'comment'),
    submittedAt: textField(update, 'submittedAt'),
    submittedBy: textField(update, 'submittedBy'),
    decidedAt: textField(update, 'decidedAt'),
    decidedBy: textField(update, 'decidedBy'),
    returnReason: textField(update, 'returnReason'),
  };
};

/** The baseline's value (a number, or a text for a qualitative indicator). */
export const baselineValue = (indicator: ApiRecord): IndicatorValue | null => {
  const baseline = recordField(indicator, 'baseline');
  return baseline ? valueField(baseline, 'value') : null;
};

/**
 * What the chart draws: each target period with its target and approved value, when the
 * indicator is numeric (a qualitative indicator's values are texts: no chart, the table says them).
 */
export function chartPeriods(progress: readonly PeriodProgressReading[]): ChartPeriod[] | null {
  if (progress.length === 0) return null;
  const periods: ChartPeriod[] = [];
  for (const p of progress) {
    if (typeof p.target !== 'number' || (p.actual !== null && typeof p.actual !== 'number')) return null;
    periods.push({ label: periodLabel(p.periodStart, p.periodEnd), target: p.target, actual: p.actual });
  }
  return periods;
}
