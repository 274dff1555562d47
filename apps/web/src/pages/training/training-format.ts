import { ApiRecord, recordField, textField } from '../../api/record-fields';
import { asProblem, Problem } from '../../api/problem';
import type { Language } from '../../i18n/languages';
import { dateTimeFormat, displayNames, numberFormat } from '../../format/intl-cache';

/**
 * The training pages' pure readers and formatters: texts in the reader's language, a session's
 * times in its own time zone, the verdict of a certificate's verification, the answer of a check-in.
 */

const LANGUAGE_ORDER = (language: Language) => [language, 'fr', 'ar', 'en'];

/**
 * A text the API gives in one of its shapes, in the reader's language: a plain string, a
 * `{ ar, fr, en }` record, language-tagged values (`[{ '@value', '@language' }]`), or a record
 * whose `name` is one of those (an achievement). Undefined when none of them.
 */
export function textIn(value: unknown, language: Language): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (Array.isArray(value)) {
    const tagged = value.filter(
      (v): v is ApiRecord => v !== null && typeof v === 'object' && typeof v['@value'] === 'string',
    );
    for (const candidate of LANGUAGE_ORDER(language)) {
      const match = tagged.find((v) => v['@language'] === candidate);
      if (match) return match['@value'] as string;
    }
    return tagged[0] ? (tagged[0]['@value'] as string) : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as ApiRecord;
    for (const candidate of LANGUAGE_ORDER(language)) {
      const text = textField(record, candidate);
      if (text) return text;
    }
    if ('name' in record) return textIn(record['name'], language);
  }
  return undefined;
}

/** A module's competences: codes as they are, labels in the reader's language. */
export const competencesIn = (record: ApiRecord, language: Language): string[] => {
  const value = record['competences'];
  return Array.isArray(value)
    ? value.map((c) => textIn(c, language)).filter((c): c is string => c !== undefined)
    : [];
};

/** A duration in minutes as hours in the reader's locale ("21 heures", "٢١ ساعة"). */
export function formatHours(minutes: number, locale: string): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(hours);
}

/** A language's name (ar, fr, en) in the reader's language. */
export function formatLanguage(code: string, locale: string): string {
  try {
    return displayNames(locale, { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The time zone's name to show beside times: a valid IANA name, else none. */
const validZone = (timeZone: string | undefined): string | undefined => {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
};

/**
 * A sitting or a session from its start to its end, in the session's time zone (where it is
 * held), written in the reader's locale: "13 février 2027, 10:00 – 14:00".
 */
export function formatSpan(startsAt: string, endsAt: string, timeZone: string | undefined, locale: string) {
  const zone = validZone(timeZone);
  const format = dateTimeFormat(locale, {
    ...(zone && { timeZone: zone }),
    dateStyle: 'long',
    timeStyle: 'short',
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** The days a session runs, in its time zone: "13 – 14 février 2027". */
export function formatDays(startsAt: string, endsAt: string, timeZone: string | undefined, locale: string) {
  const zone = validZone(timeZone);
  const format = dateTimeFormat(locale, { ...(zone && { timeZone: zone }), dateStyle: 'long' });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** Where a session is held: its city and country, or online. */
export type SessionPlaceView = { online: true } | { online: false; city?: string; country?: string };

export function placeOf(record: ApiRecord): SessionPlaceView {
  const place = recordField(record, 'place');
  if (!place || textField(place, 'mode') === 'online') return { online: true };
  return { online: false, city: textField(place, 'city'), country: textField(place, 'country') };
}

// ---- verification ----

export type Verdict = 'valid' | 'revoked' | 'suspended' | 'invalid';
export type VerdictReason =
  | 'notFound'
  | 'expired'
  | 'notYetValid'
  | 'revoked'
  | 'suspended'
  | 'signature'
  | 'issuer'
  | 'dates'
  | 'unreadable'
  | 'unknownStatus';

export interface VerificationResult {
  verdict: Verdict;
  reasons: VerdictReason[];
}

/**
 * A certificate's public status (GET …/verification) as a verdict: revoked and suspended say so
 * whatever the dates; an active certificate outside its validity is invalid. Never valid unless
 * the status is `active` and now lies within its dates.
 */
export function certificateVerdict(status: ApiRecord | null, now: Date): VerificationResult {
  if (!status) return { verdict: 'invalid', reasons: ['notFound'] };
  const state = textField(status, 'status');
  if (state === 'revoked') return { verdict: 'revoked', reasons: ['revoked'] };
  if (state === 'suspended') return { verdict: 'suspended', reasons: ['suspended'] };
  if (state !== 'active') return { verdict: 'invalid', reasons: ['unknownStatus'] };
  const validFrom = textField(status, 'validFrom');
  const validUntil = textField(status, 'validUntil');
  if (validFrom && new Date(validFrom).getTime() > now.getTime())
    return { verdict: 'invalid', reasons: ['notYetValid'] };
  if (validUntil && new Date(validUntil).getTime() < now.getTime())
    return { verdict: 'invalid', reasons: ['expired'] };
  return { verdict: 'valid', reasons: [] };
}

const CHECKS: readonly (readonly [string, VerdictReason])[] = [
  ['signature', 'signature'],
  ['issuer', 'issuer'],
  ['dates', 'dates'],
  ['revocation', 'revoked'],
  ['suspension', 'suspended'],
];

/**
 * A presented credential's verification (POST /api/training/verify) as a verdict: valid only when
 * the API says valid and every check passed; a failed revocation check is "revoked", a failed
 * suspension check "suspended" (whatever else failed too), any other failure "invalid".
 */
export function presentedVerdict(answer: ApiRecord): VerificationResult {
  const checks = recordField(answer, 'checks') ?? {};
  const failed = CHECKS.filter(([check]) => checks[check] !== true).map(([, reason]) => reason);
  if (answer['valid'] === true && failed.length === 0) return { verdict: 'valid', reasons: [] };
  const reasons = failed.length > 0 ? failed : (['unreadable'] as VerdictReason[]);
  if (failed.includes('revoked')) return { verdict: 'revoked', reasons };
  if (failed.includes('suspended')) return { verdict: 'suspended', reasons };
  return { verdict: 'invalid', reasons };
}

/** What the verify form sends: a JSON credential (Data Integrity), or a VC-JWT's text. */
export type PresentedCredential =
  { credential: Record<string, unknown> } | { jwt: string } | { error: 'empty' | 'json' };

export function readPresented(text: string): PresentedCredential {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'empty' };
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? { credential: parsed as Record<string, unknown> }
        : { error: 'json' };
    } catch {
      return { error: 'json' };
    }
  }
  return { jwt: trimmed.replace(/\s+/g, '') };
}

// ---- check-in ----

export type CheckInAnswer =
  | 'present'
  | 'late'
  | 'tooEarly'
  | 'tooLate'
  | 'wrongSitting'
  | 'notEnrolled'
  | 'alreadyMarked'
  | 'invalidCode'
  | 'signIn'
  | 'network'
  | 'other';

const REFUSALS: Record<string, CheckInAnswer> = {
  CHECK_IN_TOO_EARLY: 'tooEarly',
  CHECK_IN_TOO_LATE: 'tooLate',
  CHECK_IN_WRONG_SITTING: 'wrongSitting',
  CHECK_IN_NOT_ENROLLED: 'notEnrolled',
  CHECK_IN_ALREADY_MARKED: 'alreadyMarked',
  CHECK_IN_CODE_INVALID: 'invalidCode',
};

/** The check-in's answer: accepted (present or late, as the API says) or the refusal by its code. */
export function checkInAnswerOf(outcome: { accepted: unknown } | { problem: Problem }): CheckInAnswer {
  if ('accepted' in outcome) {
    const record = (outcome.accepted ?? {}) as ApiRecord;
    if (textField(record, 'outcome') !== 'accepted') return 'other';
    return textField(record, 'status') === 'late' ? 'late' : 'present';
  }
  const { problem } = outcome;
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  if (code && REFUSALS[code]) return REFUSALS[code];
  if (problem.status === 0) return 'network';
  if (problem.status === 401) return 'signIn';
  // A session or sitting the code names but that does not exist: not a code for anything here.
  if (problem.status === 404) return 'invalidCode';
  return 'other';
}

export const isAccepted = (answer: CheckInAnswer) => answer === 'present' || answer === 'late';

/** The check-in's code kept across the sign-in (the #fragment does not survive ?next=) and a reload. */
export interface PendingCheckIn {
  code: string;
  /** Once the API answered: what it said (a reload shows it, the code is not sent again). */
  answer?: CheckInAnswer;
}

export const CHECK_IN_STORAGE_KEY = 'tadamon.training.checkIn';

export function readPendingCheckIn(storage: Storage): PendingCheckIn | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(CHECK_IN_STORAGE_KEY) ?? 'null');
    if (value === null || typeof value !== 'object') return null;
    const record = value as ApiRecord;
    const code = textField(record, 'code');
    if (!code) return null;
    const answer = textField(record, 'answer') as CheckInAnswer | undefined;
    return answer ? { code, answer } : { code };
  } catch {
    return null;
  }
}

export const writePendingCheckIn = (storage: Storage, pending: PendingCheckIn | null) =>
  pending === null
    ? storage.removeItem(CHECK_IN_STORAGE_KEY)
    : storage.setItem(CHECK_IN_STORAGE_KEY, JSON.stringify(pending));

/** The code of a check-in address's fragment (`#code=…`), as the trainer's QR carries it. */
export function codeOfFragment(hash: string): string | undefined {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim();
  return code ? code.slice(0, 2000) : undefined;
}

export { asProblem };
