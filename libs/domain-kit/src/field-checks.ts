import { CurrencyCode, isCountryCode, isSectorCode, Money, parseMoney } from '@tadamon/reference-data';
import { FieldIssueList as FieldIssues } from './field-issues';

// The checks every context's deciders run on a command's data: each adds what it refuses to
// `issues` and returns the value read, so that one command lists every refused field.

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 5000;
export const MAX_LIST = 50;

// Stable ids travel in stream names: keep them to the characters a stream id accepts.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a stable id: one a stream may be named with. */
export const isStableId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

export const checkId = (issues: FieldIssues, field: string, value: unknown): string => {
  if (!isStableId(value)) {
    issues.add(field, 'must be 1 to 100 letters, digits or . _ : @ -, starting with a letter or digit');
  }
  return String(value);
};

/** A trimmed, non-empty text of at most `max` characters. */
export const checkText = (issues: FieldIssues, field: string, value: unknown, max = MAX_TEXT): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (typeof value !== 'string') issues.add(field, 'must be a text');
  else if (text === '') issues.add(field, 'must not be empty');
  else if (text.length > max) issues.add(field, `must be at most ${max} characters`);
  return text;
};

/** An optional text: absent, null or blank becomes null. */
export const checkOptionalText = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  max = MAX_TEXT,
): string | null => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return null;
  return checkText(issues, field, value, max);
};

export type LocalizedText = { readonly ar?: string; readonly fr: string; readonly en?: string };

/** Texts in ar/fr/en, French required (the administration's working language); blanks dropped. */
export const checkLocalizedText = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  max = MAX_TEXT,
): LocalizedText => {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null) issues.add(field, 'must be an object with ar, fr, en');
  for (const key of Object.keys(input)) {
    if (!['ar', 'fr', 'en'].includes(key)) issues.add(`${field}.${key}`, 'is not a served language');
  }
  const fr = checkText(issues, `${field}.fr`, input['fr'], max);
  const ar = checkOptionalText(issues, `${field}.ar`, input['ar'], max);
  const en = checkOptionalText(issues, `${field}.en`, input['en'], max);
  return { ...(ar !== null && { ar }), fr, ...(en !== null && { en }) };
};

/** A list of at most `max` items, each checked; duplicates (by `key`) dropped, first kept. */
export const checkList = <T>(
  issues: FieldIssues,
  field: string,
  value: unknown,
  item: (field: string, value: unknown) => T,
  {
    max = MAX_LIST,
    min = 0,
    key = (v: T) => JSON.stringify(v),
  }: { max?: number; min?: number; key?: (v: T) => string } = {},
): T[] => {
  if (!Array.isArray(value)) {
    issues.add(field, 'must be a list');
    return [];
  }
  if (value.length > max) issues.add(field, `must have at most ${max} items`);
  if (value.length < min) issues.add(field, `must have at least ${min} item${min > 1 ? 's' : ''}`);
  const seen = new Set<string>();
  const result: T[] = [];
  value.slice(0, max).forEach((v, i) => {
    const checked = item(`${field}[${i}]`, v);
    const k = key(checked);
    if (!seen.has(k)) {
      seen.add(k);
      result.push(checked);
    }
  });
  return result;
};

export const checkCountry = (issues: FieldIssues, field: string, value: unknown): string => {
  if (!isCountryCode(value)) issues.add(field, 'must be an ISO 3166-1 alpha-2 country code');
  return String(value);
};

export const checkSector = (issues: FieldIssues, field: string, value: unknown): string => {
  if (!isSectorCode(value)) issues.add(field, 'must be a supported OECD DAC purpose code');
  return String(value);
};

/** A list of distinct ids, sorted so that the same set always gives the same event. */
export const checkIds = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  { min = 0, max = MAX_LIST }: { min?: number; max?: number } = {},
): string[] =>
  checkList(issues, field, value, (f, v) => checkId(issues, f, v), { min, max, key: String }).sort();

/** An object (not null, not a list), read member by member. */
export const checkObject = (issues: FieldIssues, field: string, value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add(field, 'must be an object');
    return {};
  }
  return value as Record<string, unknown>;
};

/** Whether `value` is a calendar date YYYY-MM-DD (a day that exists). */
export const isCalendarDate = (value: unknown): value is string => {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= monthDays[m - 1];
};

/** A calendar date YYYY-MM-DD, no later than `notAfter` (the command's `now`) when given. */
export const checkDate = (issues: FieldIssues, field: string, value: unknown, notAfter?: string): string => {
  if (!isCalendarDate(value)) issues.add(field, 'must be a calendar date YYYY-MM-DD');
  else if (notAfter !== undefined && value > notAfter.slice(0, 10))
    issues.add(field, 'must not be in the future');
  return String(value);
};

export const checkInteger = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  min: number,
  max: number,
): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    issues.add(field, `must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
};

/** Money in a known currency with an amount of integer minor units, positive or (if allowed) zero. */
export const checkMoney = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  { allowZero = false, currency }: { allowZero?: boolean; currency?: CurrencyCode } = {},
): Money => {
  try {
    const money = parseMoney(value);
    if (money.amountMinor < 0 || (!allowZero && money.amountMinor === 0)) {
      issues.add(`${field}.amountMinor`, allowZero ? 'must not be negative' : 'must be positive');
    }
    if (currency !== undefined && money.currency !== currency) {
      issues.add(`${field}.currency`, `must be ${currency}`);
    }
    return money;
  } catch (error) {
    issues.add(field, error instanceof Error ? error.message : 'must be an amount with its currency');
    return value as Money;
  }
};

export const checkOneOf = <T extends string>(
  issues: FieldIssues,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T => {
  if (!(allowed as readonly unknown[]).includes(value))
    issues.add(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
};

export const checkBoolean = (issues: FieldIssues, field: string, value: unknown): boolean => {
  if (typeof value !== 'boolean') issues.add(field, 'must be true or false');
  return value === true;
};

/** Order-insensitive equality of JSON values (keys sorted), for "did anything change?". */
export const sameJson = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
