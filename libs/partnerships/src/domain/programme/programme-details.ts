import { isCalendarDate } from '@tadamon/domain-kit';
import { Money } from '@tadamon/reference-data';
import {
  checkDate,
  checkId,
  checkIds,
  checkList,
  checkLocalizedText,
  checkMoney,
  checkObject,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
} from '../field-validation';

export type ProgrammePeriod = { readonly start: string; readonly end: string };

/** A framework with an external partner (the IOM joint initiative, the EU mobility project). */
export type ProgrammeDetails = {
  readonly name: LocalizedText;
  readonly description: LocalizedText | null;
  /** The external partner: a Registry actor id (IOM, the EU delegation ...). */
  readonly partnerId: string;
  /** Registry actor ids, sorted. */
  readonly funderIds: readonly string[];
  /** One positive amount per currency, sorted by currency. */
  readonly budget: readonly Money[];
  readonly period: ProgrammePeriod;
};
export type ProgrammeDetail = keyof ProgrammeDetails;
export const PROGRAMME_DETAILS: readonly ProgrammeDetail[] = [
  'name',
  'description',
  'partnerId',
  'funderIds',
  'budget',
  'period',
];

export const MAX_PROGRAMME_BUDGET_CURRENCIES = 12;

const checkBudget = (issues: FieldIssues, field: string, value: unknown): Money[] => {
  const budget = checkList(issues, field, value, (f, v) => checkMoney(issues, f, v), {
    min: 1,
    max: MAX_PROGRAMME_BUDGET_CURRENCIES,
    key: (m) => m.currency,
  });
  const listed = Array.isArray(value) ? Math.min(value.length, MAX_PROGRAMME_BUDGET_CURRENCIES) : 0;
  if (budget.length < listed) issues.add(field, 'one amount per currency');
  return budget.sort((a, b) => (a.currency < b.currency ? -1 : 1));
};

const checkPeriod = (issues: FieldIssues, field: string, value: unknown): ProgrammePeriod => {
  const input = checkObject(issues, field, value);
  const start = checkDate(issues, `${field}.start`, input['start']);
  const end = checkDate(issues, `${field}.end`, input['end']);
  if (isCalendarDate(start) && isCalendarDate(end) && end <= start)
    issues.add(`${field}.end`, 'must be after the start');
  return { start, end };
};

/** Every detail checked, every refused one listed under `prefix` (`''` or `changes.`). */
export const checkProgrammeDetails = (
  issues: FieldIssues,
  prefix: string,
  input: Record<string, unknown>,
): ProgrammeDetails => {
  const description = input['description'];
  return {
    name: checkLocalizedText(issues, `${prefix}name`, input['name']),
    description:
      description === undefined || description === null
        ? null
        : checkLocalizedText(issues, `${prefix}description`, description, MAX_LONG_TEXT),
    partnerId: checkId(issues, `${prefix}partnerId`, input['partnerId']),
    funderIds: checkIds(issues, `${prefix}funderIds`, input['funderIds'], { min: 1 }),
    budget: checkBudget(issues, `${prefix}budget`, input['budget']),
    period: checkPeriod(issues, `${prefix}period`, input['period']),
  };
};
