import { ApiRecord, numberField, recordField, recordListField, textField } from '../../api/record-fields';
import { dateTimeFormat } from '../../format/intl-cache';

/**
 * Training's lists are free-form records in the OpenAPI document: these readers give the pages the
 * few fields they show, each narrowed (a field of another shape reads as absent).
 */

export type EnrolmentStatus = 'confirmed' | 'waiting' | 'cancelled' | 'requested';
export type CertificateStatus = 'active' | 'suspended' | 'revoked';
export type AttendanceStatus = 'present' | 'late' | 'absent' | 'excused';

export interface SessionSummary {
  sessionId: string;
  moduleId: string;
  status: string;
  timezone: string | undefined;
  startsAt: string | undefined;
  endsAt: string | undefined;
  city: string | undefined;
  country: string | undefined;
  online: boolean;
  url: string | undefined;
  seatsFree: number | undefined;
  waiting: number | undefined;
}

export interface EnrolmentLine {
  sessionId: string;
  traineeId: string;
  status: EnrolmentStatus | undefined;
  waitingPosition: number | undefined;
  requestedAt: string | undefined;
  completed: boolean;
  attendancePercent: number | undefined;
  session: SessionSummary | undefined;
}

const ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['confirmed', 'waiting', 'cancelled', 'requested'];
const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['active', 'suspended', 'revoked'];
const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((v) => v === value);

export function sessionSummary(record: ApiRecord): SessionSummary {
  const place = recordField(record, 'place') ?? {};
  return {
    sessionId: textField(record, 'sessionId') ?? '',
    moduleId: textField(record, 'moduleId') ?? '',
    status: textField(record, 'status') ?? '',
    timezone: textField(record, 'timezone'),
    startsAt: textField(record, 'startsAt'),
    endsAt: textField(record, 'endsAt'),
    city: textField(place, 'city'),
    country: textField(place, 'country'),
    online: textField(place, 'mode') === 'online',
    url: textField(place, 'url'),
    seatsFree: numberField(record, 'seatsFree'),
    waiting: numberField(record, 'waiting'),
  };
}

export function enrolmentLine(record: ApiRecord): EnrolmentLine {
  const session = recordField(record, 'session');
  return {
    sessionId: textField(record, 'sessionId') ?? '',
    traineeId: textField(record, 'traineeId') ?? '',
    status: oneOf(ENROLMENT_STATUSES, textField(record, 'status')),
    waitingPosition: numberField(record, 'waitingPosition'),
    requestedAt: textField(record, 'requestedAt'),
    completed: record['completed'] === true,
    attendancePercent: numberField(record, 'attendancePercent'),
    session: session ? sessionSummary(session) : undefined,
  };
}

/** What the trainee may still do with an enrolment: cancel it while it holds a seat or a place. */
export const canCancel = (line: EnrolmentLine): boolean =>
  (line.status === 'confirmed' || line.status === 'waiting') &&
  !line.completed &&
  !['held', 'closed', 'cancelled'].includes(line.session?.status ?? '');

/** Feedback is offered on a confirmed seat not yet rated; the platform decides when (and says why not). */
export const offersFeedback = (line: EnrolmentLine, feedbackGiven: boolean | undefined): boolean =>
  line.status === 'confirmed' && feedbackGiven === false && line.session?.status !== 'cancelled';

export interface SittingMark {
  sittingId: string;
  startsAt: string | undefined;
  endsAt: string | undefined;
  status: AttendanceStatus | undefined;
}

/** The trainee's own attendance line: each sitting with its mark (none yet: undefined). */
export function myAttendance(record: ApiRecord): { sittings: SittingMark[]; feedbackGiven: boolean } {
  const marks = new Map(
    recordListField(record, 'attendance').map((mark) => [
      textField(mark, 'sittingId') ?? '',
      oneOf(ATTENDANCE_STATUSES, textField(mark, 'status')),
    ]),
  );
  return {
    sittings: recordListField(record, 'sittings').map((sitting) => {
      const sittingId = textField(sitting, 'sittingId') ?? '';
      return {
        sittingId,
        startsAt: textField(sitting, 'startsAt'),
        endsAt: textField(sitting, 'endsAt'),
        status: marks.get(sittingId),
      };
    }),
    feedbackGiven: record['feedbackGiven'] === true,
  };
}

export const certificateStatus = (record: ApiRecord): CertificateStatus | undefined =>
  oneOf(CERTIFICATE_STATUSES, textField(record, 'status'));

/** The colour that says a status at a glance (shade 9 of these hues: white text on it keeps WCAG AA; orange 9 does not). */
export const CERTIFICATE_COLOURS: Record<CertificateStatus, string> = {
  active: 'teal.9',
  suspended: 'grape.9',
  revoked: 'red.9',
};

export const ENROLMENT_COLOURS: Record<EnrolmentStatus, string> = {
  confirmed: 'teal.9',
  waiting: 'blue.9',
  cancelled: 'gray.9',
  requested: 'grape.9',
};

export const ATTENDANCE_COLOURS: Record<AttendanceStatus, string> = {
  present: 'teal.9',
  late: 'blue.9',
  absent: 'red.9',
  excused: 'gray.9',
};

/**
 * A session's day and hour where it is held (its own time zone, named), in the reader's locale: a
 * sitting in Brussels at 10:00 reads 10:00 there, whatever the reader's clock.
 */
export function formatInZone(iso: string, locale: string, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timeZone ?? 'Africa/Casablanca',
  };
  try {
    return dateTimeFormat(locale, options).format(new Date(iso));
  } catch {
    // A zone this browser does not know: Casablanca's, the programme's.
    return dateTimeFormat(locale, { ...options, timeZone: 'Africa/Casablanca' }).format(new Date(iso));
  }
}

/** The sessions an association may still enrol a person into: open, and where the person holds no seat or place. */
export function openSessionsFor(
  sessions: readonly SessionSummary[],
  enrolments: readonly EnrolmentLine[],
  traineeId: string,
): SessionSummary[] {
  const taken = new Set(
    enrolments.filter((e) => e.traineeId === traineeId && e.status !== 'cancelled').map((e) => e.sessionId),
  );
  return sessions.filter((s) => s.status === 'enrolment-open' && !taken.has(s.sessionId));
}

export type CredentialFormat = 'ldp' | 'jwt';

/** The file a credential is saved as: Data Integrity JSON or a VC-JWT. */
export const credentialFileName = (certificateId: string, format: CredentialFormat): string =>
  format === 'jwt' ? `${certificateId}.vc.jwt` : `${certificateId}.vc.json`;

export const credentialMediaType = (format: CredentialFormat): string =>
  format === 'jwt' ? 'application/vc+jwt' : 'application/json';

/** The public verification page of a certificate (the portal's, no sign-in). */
export const verificationPath = (certificateId: string): string =>
  `/verify/${encodeURIComponent(certificateId)}`;

/** A contact person's name from the Registry's list (an erased one has none). */
export function contactNames(contacts: readonly ApiRecord[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const contact of contacts) {
    const subjectId = textField(contact, 'subjectId');
    const card = recordField(contact, 'card');
    const fullName = card ? textField(card, 'fullName') : undefined;
    if (subjectId && fullName && textField(contact, 'status') !== 'erased') names.set(subjectId, fullName);
  }
  return names;
}

export interface TrainedManager {
  traineeId: string;
  completed: { moduleId: string; sessionId: string; endedAt: string | undefined }[];
}

export const trainedManager = (record: ApiRecord): TrainedManager => ({
  traineeId: textField(record, 'traineeId') ?? '',
  completed: recordListField(record, 'completed').map((c) => ({
    moduleId: textField(c, 'moduleId') ?? '',
    sessionId: textField(c, 'sessionId') ?? '',
    endedAt: textField(c, 'endedAt'),
  })),
});
