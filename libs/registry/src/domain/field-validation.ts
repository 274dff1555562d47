import {
  findGeoUnit,
  GeoCode,
  isCountryCode,
  isGeoScheme,
  isSectorCode,
  Money,
  parseMoney,
  SCHEME_2015,
} from '@tadamon/reference-data';
import { FieldIssue, ValidationFailed } from './errors';

/** Collects every refused field of a command, then throws them together. */
export class FieldIssues {
  private readonly issues: FieldIssue[] = [];
  add(field: string, reason: string): void {
    this.issues.push({ field, reason });
  }
  get count(): number {
    return this.issues.length;
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationFailed(this.issues);
  }
}

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 5000;
export const MAX_LIST = 50;

// Stable ids travel in stream names: keep them to the characters a stream id accepts.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const checkId = (issues: FieldIssues, field: string, value: unknown): string => {
  if (typeof value !== 'string' || !ID.test(value)) {
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

export type GeoLevel = 'region' | 'province';

/** A GeoCode with its scheme, of the given levels; `currentOnly` refuses the 1997 scheme. */
export const checkGeoCode = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  {
    levels = ['region', 'province'],
    currentOnly = false,
  }: { levels?: GeoLevel[]; currentOnly?: boolean } = {},
): GeoCode => {
  const { scheme, code } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (!isGeoScheme(scheme)) {
    issues.add(`${field}.scheme`, 'must be iso3166-2:2015 or iso3166-2:1997');
    return { scheme: SCHEME_2015, code: String(code) };
  }
  const unit = typeof code === 'string' ? findGeoUnit(scheme, code) : undefined;
  if (!unit) issues.add(`${field}.code`, `is not a code of scheme ${scheme}`);
  else if (!levels.includes(unit.level)) issues.add(`${field}.code`, `must be a ${levels.join(' or ')}`);
  else if (currentOnly && scheme !== SCHEME_2015) issues.add(`${field}.scheme`, `must be ${SCHEME_2015}`);
  return { scheme, code: String(code) };
};

/** A calendar date YYYY-MM-DD, no later than `notAfter` (the command's `now`) when given. */
export const checkDate = (issues: FieldIssues, field: string, value: unknown, notAfter?: string): string => {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const [, y, m, d] = match ?? [];
  const days = [31, Number(y) % 4 === 0 && (Number(y) % 100 !== 0 || Number(y) % 400 === 0) ? 29 : 28];
  const monthDays = [...days, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (!match || Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > monthDays[Number(m) - 1]) {
    issues.add(field, 'must be a calendar date YYYY-MM-DD');
  } else if (notAfter !== undefined && String(value) > notAfter.slice(0, 10)) {
    issues.add(field, 'must not be in the future');
  }
  return String(value);
};

export const checkCount = (issues: FieldIssues, field: string, value: unknown, max = 10_000_000): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    issues.add(field, `must be a whole number from 0 to ${max}`);
  }
  return Number(value);
};

/** An http(s) address, at most 300 characters. */
export const checkWebsite = (issues: FieldIssues, field: string, value: unknown): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  let ok = text.length > 0 && text.length <= 300;
  if (ok) {
    try {
      const url = new URL(text);
      ok = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      ok = false;
    }
  }
  if (!ok) issues.add(field, 'must be an http or https address of at most 300 characters');
  return text;
};

/** Money with a positive amount in a known currency. */
export const checkPositiveMoney = (issues: FieldIssues, field: string, value: unknown): Money => {
  try {
    const money = parseMoney(value);
    if (money.amountMinor <= 0) issues.add(`${field}.amountMinor`, 'must be positive');
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

/** Order-insensitive equality of JSON values (keys sorted), for "did anything change?". */
export const sameJson = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
