import {
  checkDate,
  checkInteger,
  checkList,
  checkObject,
  checkOptionalText,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
} from '../field-validation';
import { IndicatorEvidence, IndicatorMeasure, IndicatorValue, ProjectPeriod } from './results-commands';
import { IndicatorBaseline, IndicatorTarget } from './results-events';

export const MAX_DECIMALS = 4;
const SHA256 = /^[0-9a-f]{64}$/;

/** A number (at most 4 decimals, not negative; a percentage up to 100), or a text when qualitative. */
export const checkIndicatorValue = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  measure: IndicatorMeasure,
): IndicatorValue => {
  if (measure === 'qualitative') return checkText(issues, field, value, MAX_LONG_TEXT);
  const max = measure === 'percentage' ? 100 : Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)
    issues.add(field, `must be a number from 0 to ${max}`);
  else if (Number(value.toFixed(MAX_DECIMALS)) !== value)
    issues.add(field, `must have at most ${MAX_DECIMALS} decimals`);
  return value as number;
};

export const checkBaseline = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  measure: IndicatorMeasure,
): IndicatorBaseline => {
  const input = checkObject(issues, field, value);
  const date =
    input['date'] === undefined || input['date'] === null
      ? null
      : checkDate(issues, `${field}.date`, input['date']);
  const given = input['year'];
  let year = date !== null ? Number(date.slice(0, 4)) : Number(given);
  if (given !== undefined && given !== null) {
    year = checkInteger(issues, `${field}.year`, given, 1950, 2100);
    if (date !== null && String(year) !== date.slice(0, 4))
      issues.add(`${field}.year`, 'must be the year of the date');
  } else if (date === null) issues.add(`${field}.year`, 'must be given, or the date');
  return {
    year,
    date,
    value: checkIndicatorValue(issues, `${field}.value`, input['value'], measure),
    comment: checkOptionalText(issues, `${field}.comment`, input['comment'], MAX_LONG_TEXT),
  };
};

export const checkProjectPeriod = (issues: FieldIssues, value: unknown): ProjectPeriod | null => {
  if (value === undefined || value === null) return null;
  const input = checkObject(issues, 'projectPeriod', value);
  return {
    start: checkDate(issues, 'projectPeriod.start', input['start']),
    end: checkDate(issues, 'projectPeriod.end', input['end']),
  };
};

/**
 * IndicatorTarget periods: each ends on or after it starts, none overlaps another, all inside the project's
 * dates when given; numeric targets lie on the better side of the baseline. Returned in period order.
 */
export const checkTargets = (
  issues: FieldIssues,
  value: unknown,
  {
    measure,
    ascending,
    baseline,
  }: { measure: IndicatorMeasure; ascending: boolean; baseline: IndicatorBaseline },
  projectPeriod: ProjectPeriod | null,
): IndicatorTarget[] => {
  const before = issues.count;
  let index = 0;
  const targets = checkList(
    issues,
    'targets',
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      const target: IndicatorTarget = {
        periodStart: checkDate(issues, `${f}.periodStart`, input['periodStart']),
        periodEnd: checkDate(issues, `${f}.periodEnd`, input['periodEnd']),
        value: checkIndicatorValue(issues, `${f}.value`, input['value'], measure),
      };
      if (target.periodEnd < target.periodStart)
        issues.add(`${f}.periodEnd`, 'must not be before periodStart');
      return target;
    },
    { min: 1, key: () => String(index++) },
  );
  if (issues.count > before) return targets;
  targets.forEach((t, i) => {
    const f = `targets[${i}]`;
    if (projectPeriod && t.periodStart < projectPeriod.start)
      issues.add(`${f}.periodStart`, `must not be before the project's start ${projectPeriod.start}`);
    if (projectPeriod && t.periodEnd > projectPeriod.end)
      issues.add(`${f}.periodEnd`, `must not be after the project's end ${projectPeriod.end}`);
    const overlapped = targets.findIndex(
      (o, j) => j < i && o.periodStart <= t.periodEnd && t.periodStart <= o.periodEnd,
    );
    if (overlapped >= 0) issues.add(f, `overlaps targets[${overlapped}]`);
    if (typeof t.value === 'number' && typeof baseline.value === 'number') {
      if (ascending ? t.value < baseline.value : t.value > baseline.value)
        issues.add(
          `${f}.value`,
          `must not be ${ascending ? 'below' : 'above'} the baseline ${baseline.value}`,
        );
    }
  });
  return [...targets].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
};

export const checkEvidence = (issues: FieldIssues, value: unknown): IndicatorEvidence[] =>
  checkList(
    issues,
    'evidence',
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      const sha256 = input['sha256'];
      if (typeof sha256 !== 'string' || !SHA256.test(sha256))
        issues.add(`${f}.sha256`, 'must be a lower-case hex SHA-256 (64 characters)');
      return { sha256: String(sha256), name: checkText(issues, `${f}.name`, input['name']) };
    },
    { min: 1, key: (e) => e.sha256 },
  );
