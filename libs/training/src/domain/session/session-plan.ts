import {
  checkBoolean,
  checkCountry,
  checkId,
  checkIds,
  checkInstant,
  checkInteger,
  checkList,
  checkObject,
  checkOneOf,
  checkText,
  FieldIssues,
  isBefore,
} from '../field-validation';
import { TRAINING_LANGUAGES, TrainingLanguage } from '../module/module-details';

export type SessionPlace =
  | { readonly mode: 'in-person'; readonly city: string; readonly country: string }
  | { readonly mode: 'online'; readonly url: string };

/** One meeting of the session: ISO instants, within one day's teaching (12 h at most). */
export type Sitting = { readonly sittingId: string; readonly startsAt: string; readonly endsAt: string };

export type CompletionRule = {
  /** Whole percent of the session's minutes a trainee attends (present or late). */
  readonly minAttendancePercent: number;
  readonly feedbackRequired: boolean;
};
export const DEFAULT_COMPLETION_RULE: CompletionRule = { minAttendancePercent: 80, feedbackRequired: true };

/** What scheduling decides, apart from the capacity (ChangeSessionCapacity owns it). */
export type SessionArrangements = {
  readonly language: TrainingLanguage;
  /** IANA name, canonical as Intl resolves it: sittings are shown to trainees in this zone. */
  readonly timezone: string;
  readonly place: SessionPlace;
  /** In time order, not overlapping. */
  readonly sittings: readonly Sitting[];
  /** User ids, sorted. */
  readonly trainers: readonly string[];
};
export type SessionArrangement = keyof SessionArrangements;
export const SESSION_ARRANGEMENTS: readonly SessionArrangement[] = [
  'language',
  'timezone',
  'place',
  'sittings',
  'trainers',
];

export type SessionPlan = SessionArrangements & {
  readonly moduleId: string;
  readonly capacity: number;
  readonly completionRule: CompletionRule;
};

export const MAX_CAPACITY = 1000;
export const MAX_SITTINGS = 50;
export const MAX_TRAINERS = 10;
const MAX_SITTING_MS = 12 * 3_600_000;

export const checkTimezone = (issues: FieldIssues, field: string, value: unknown): string => {
  // An offset (`+01:00`) is not a zone, though newer engines accept it: it ignores daylight saving.
  if (typeof value === 'string' && /^[A-Za-z]/.test(value)) {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      // An unknown zone: Intl throws a RangeError, refused below.
    }
  }
  issues.add(field, 'must be an IANA time zone such as Africa/Casablanca');
  return String(value);
};

const checkHttpsUrl = (issues: FieldIssues, field: string, value: unknown): string => {
  const text = checkText(issues, field, value, 2000);
  if (text === '') return text;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' && url.hostname !== '') return url.toString();
  } catch {
    // Not a URL at all: refused below.
  }
  issues.add(field, 'must be an https URL');
  return text;
};

export const checkPlace = (issues: FieldIssues, field: string, value: unknown): SessionPlace => {
  const input = checkObject(issues, field, value);
  const mode = checkOneOf(issues, `${field}.mode`, input['mode'], ['in-person', 'online'] as const);
  if (mode === 'online') return { mode, url: checkHttpsUrl(issues, `${field}.url`, input['url']) };
  return {
    mode: 'in-person',
    city: checkText(issues, `${field}.city`, input['city']),
    country: checkCountry(issues, `${field}.country`, input['country']),
  };
};

const checkSitting = (issues: FieldIssues, field: string, value: unknown): Sitting => {
  const input = checkObject(issues, field, value);
  const sittingId = checkId(issues, `${field}.sittingId`, input['sittingId']);
  const before = issues.count;
  const startsAt = checkInstant(issues, `${field}.startsAt`, input['startsAt']);
  const endsAt = checkInstant(issues, `${field}.endsAt`, input['endsAt']);
  if (issues.count === before) {
    if (Date.parse(endsAt) - Date.parse(startsAt) < 60_000)
      issues.add(`${field}.endsAt`, 'must be at least a minute after startsAt');
    else if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_SITTING_MS)
      issues.add(`${field}.endsAt`, 'must be at most 12 hours after startsAt');
  }
  return { sittingId, startsAt, endsAt };
};

export const checkSittings = (issues: FieldIssues, field: string, value: unknown): Sitting[] => {
  const sittings = checkList(issues, field, value, (f, v) => checkSitting(issues, f, v), {
    min: 1,
    max: MAX_SITTINGS,
    key: (s) => s.sittingId,
  });
  const listed = Array.isArray(value) ? Math.min(value.length, MAX_SITTINGS) : 0;
  if (sittings.length < listed) issues.add(field, 'must not list a sittingId twice');
  sittings.forEach((sitting, i) => {
    const previous = sittings[i - 1];
    if (previous && isBefore(sitting.startsAt, previous.endsAt))
      issues.add(`${field}[${i}].startsAt`, 'must not be before the end of the previous sitting');
  });
  return sittings;
};

export const checkCompletionRule = (issues: FieldIssues, field: string, value: unknown): CompletionRule => {
  if (value === undefined || value === null) return DEFAULT_COMPLETION_RULE;
  const input = checkObject(issues, field, value);
  const min = input['minAttendancePercent'];
  const feedback = input['feedbackRequired'];
  return {
    minAttendancePercent:
      min === undefined
        ? DEFAULT_COMPLETION_RULE.minAttendancePercent
        : checkInteger(issues, `${field}.minAttendancePercent`, min, 0, 100),
    feedbackRequired:
      feedback === undefined
        ? DEFAULT_COMPLETION_RULE.feedbackRequired
        : checkBoolean(issues, `${field}.feedbackRequired`, feedback),
  };
};

export const checkCapacity = (issues: FieldIssues, field: string, value: unknown): number =>
  checkInteger(issues, field, value, 1, MAX_CAPACITY);

export const checkArrangements = (
  issues: FieldIssues,
  prefix: string,
  input: Record<string, unknown>,
): SessionArrangements => ({
  language: checkOneOf(issues, `${prefix}language`, input['language'], TRAINING_LANGUAGES),
  timezone: checkTimezone(issues, `${prefix}timezone`, input['timezone']),
  place: checkPlace(issues, `${prefix}place`, input['place']),
  sittings: checkSittings(issues, `${prefix}sittings`, input['sittings']),
  trainers: checkIds(issues, `${prefix}trainers`, input['trainers'], { min: 1, max: MAX_TRAINERS }),
});

export const checkSessionPlan = (issues: FieldIssues, input: Record<string, unknown>): SessionPlan => ({
  moduleId: checkId(issues, 'moduleId', input['moduleId']),
  ...checkArrangements(issues, '', input),
  capacity: checkCapacity(issues, 'capacity', input['capacity']),
  completionRule: checkCompletionRule(issues, 'completionRule', input['completionRule']),
});

/** Minutes of a sitting (whole minutes; a started minute does not count). */
export const sittingMinutes = (sitting: Sitting): number =>
  Math.floor((Date.parse(sitting.endsAt) - Date.parse(sitting.startsAt)) / 60_000);
