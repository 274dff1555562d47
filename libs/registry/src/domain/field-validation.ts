import { checkInteger, checkMoney, FieldIssue, FieldIssueList } from '@tadamon/domain-kit';
import { findGeoUnit, GeoCode, isGeoScheme, Money, SCHEME_2015 } from '@tadamon/reference-data';
import { ValidationFailed } from './errors';

// The checks shared with the other contexts live in @tadamon/domain-kit; the Registry's own follow.
export {
  MAX_TEXT,
  MAX_LONG_TEXT,
  MAX_LIST,
  checkId,
  checkText,
  checkOptionalText,
  checkLocalizedText,
  checkList,
  checkCountry,
  checkSector,
  checkDate,
  checkOneOf,
  sameJson,
} from '@tadamon/domain-kit';
export type { LocalizedText } from '@tadamon/domain-kit';

/** Collects every refused field of a command, then throws them together as ValidationFailed. */
export class FieldIssues extends FieldIssueList {
  protected failed(issues: readonly FieldIssue[]): ValidationFailed {
    return new ValidationFailed(issues);
  }
}

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

export const checkCount = (issues: FieldIssues, field: string, value: unknown, max = 10_000_000): number =>
  checkInteger(issues, field, value, 0, max);

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
export const checkPositiveMoney = (issues: FieldIssues, field: string, value: unknown): Money =>
  checkMoney(issues, field, value);
