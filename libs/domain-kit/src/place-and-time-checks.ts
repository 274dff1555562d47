import { findGeoUnit, GeoCode, SCHEME_2015 } from '@tadamon/reference-data';
import { checkObject, isCalendarDate } from './field-checks';
import { FieldIssueList as FieldIssues } from './field-issues';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A region of today's (2015) scheme: calls and projects are placed in current regions. */
export const checkCurrentRegion = (issues: FieldIssues, field: string, value: unknown): GeoCode => {
  const { scheme, code } = checkObject(issues, field, value);
  const unit =
    scheme === SCHEME_2015 && typeof code === 'string' ? findGeoUnit(SCHEME_2015, code) : undefined;
  if (scheme !== SCHEME_2015) issues.add(`${field}.scheme`, `must be ${SCHEME_2015}`);
  else if (!unit || unit.level !== 'region')
    issues.add(`${field}.code`, 'must be a region of the 2015 scheme');
  return { scheme: SCHEME_2015, code: String(code) };
};

/** An ISO 8601 UTC instant (`2025-03-01T10:00:00Z`), returned in the form toISOString gives. */
export const checkInstant = (issues: FieldIssues, field: string, value: unknown): string => {
  if (typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value.slice(0, 10))) {
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  issues.add(field, 'must be an ISO 8601 UTC instant such as 2025-03-01T10:00:00Z');
  return String(value);
};

/** Instants compared as moments, not as strings (milliseconds may be absent). */
export const isBefore = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** The instant `days` whole days after `instant` (date arithmetic on a given time, no clock read). */
export const addDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * 86_400_000).toISOString();
