import { definePublication } from './publication';

/**
 * What Training tells the other contexts (topic `tadamon.training.events.v1`): the public catalogue
 * (modules and sessions), the seats people hold, and the certificates issued and revoked, for
 * notifications, the Registry's matching (an association's trained managers) and the public.
 *
 * Trainees are named by the Registry's contact person id (a pseudonym: the person's card stays in
 * the Registry, sealed). Never published: trainers (platform accounts), attendance marks, feedback
 * and remarks (free text about people), reasons given for a cancellation or a revocation, the
 * signed credential (it names the person) and its status-list position.
 */
type LocalizedText = { ar?: string; fr?: string; en?: string };
type Data = Record<string, unknown>;

export const TRAINING_CONTEXT = 'training';

export interface ModuleDefinedV1 {
  moduleId: string;
  code: string;
  title: LocalizedText;
  theme: string;
  durationMinutes: number;
  languages: string[];
  at: string;
}
export interface SessionPlace {
  mode: 'in-person' | 'online';
  city?: string;
  country?: string;
}
export interface SessionScheduledV1 {
  sessionId: string;
  moduleId: string;
  language: string;
  timezone: string;
  /** The city and country of an in-person session; an online session's link is given to its trainees only. */
  place: SessionPlace;
  sittings: { sittingId: string; startsAt: string; endsAt: string }[];
  capacity: number;
  at: string;
}
/** New sittings of a session (null when the reschedule changed something else, e.g. its trainers). */
export interface SessionRescheduledV1 {
  sessionId: string;
  sittings: { sittingId: string; startsAt: string; endsAt: string }[] | null;
  at: string;
}
export interface SessionStepV1 {
  sessionId: string;
  at: string;
}
export interface EnrolmentConfirmedV1 {
  sessionId: string;
  traineeId: string;
  associationId: string;
  promotedFromWaitingList: boolean;
  at: string;
}
/** A seat or waiting-list place given up (by the trainee, the association or an officer); never why. */
export interface EnrolmentCancelledV1 {
  sessionId: string;
  traineeId: string;
  at: string;
}
export interface CertificateIssuedV1 {
  certificateId: string;
  traineeId: string;
  associationId: string;
  sessionId: string;
  moduleId: string;
  achievement: LocalizedText;
  completedOn: string;
  at: string;
}
export interface CertificateStatusChangedV1 {
  certificateId: string;
  status: 'suspended' | 'active' | 'revoked';
  at: string;
}

const text = (d: Data, key: string): string => d[key] as string;
const sessionStep =
  (at: string) =>
  (d: Data): SessionStepV1 => ({ sessionId: text(d, 'sessionId'), at: text(d, at) });
const publicPlace = (place: Data): SessionPlace =>
  place['mode'] === 'online'
    ? { mode: 'online' }
    : { mode: 'in-person', city: text(place, 'city'), country: text(place, 'country') };
const publicSittings = (sittings: Data[]): SessionScheduledV1['sittings'] =>
  sittings.map((s) => ({
    sittingId: text(s, 'sittingId'),
    startsAt: text(s, 'startsAt'),
    endsAt: text(s, 'endsAt'),
  }));
const certificateStatus =
  (status: CertificateStatusChangedV1['status'], at: string) =>
  (d: Data): CertificateStatusChangedV1 => ({
    certificateId: text(d, 'certificateId'),
    status,
    at: text(d, at),
  });

export const trainingPublication = definePublication({
  context: TRAINING_CONTEXT,
  categories: ['trainingModule', 'trainingSession', 'trainingCertificate'],
  events: {
    ModuleDefined: {
      type: 'ModuleDefined',
      schemaVersion: 1,
      toData: (d: Data): ModuleDefinedV1 => ({
        moduleId: text(d, 'moduleId'),
        code: text(d, 'code'),
        title: d['title'] as LocalizedText,
        theme: text(d, 'theme'),
        durationMinutes: d['durationMinutes'] as number,
        languages: d['languages'] as string[],
        at: text(d, 'definedAt'),
      }),
    },
    SessionScheduled: {
      type: 'SessionScheduled',
      schemaVersion: 1,
      toData: (d: Data): SessionScheduledV1 => ({
        sessionId: text(d, 'sessionId'),
        moduleId: text(d, 'moduleId'),
        language: text(d, 'language'),
        timezone: text(d, 'timezone'),
        place: publicPlace(d['place'] as Data),
        sittings: publicSittings(d['sittings'] as Data[]),
        capacity: d['capacity'] as number,
        at: text(d, 'scheduledAt'),
      }),
    },
    SessionRescheduled: {
      type: 'SessionRescheduled',
      schemaVersion: 1,
      toData: (d: Data): SessionRescheduledV1 => {
        const sittings = (d['changes'] as Data | undefined)?.['sittings'] as Data[] | undefined;
        return {
          sessionId: text(d, 'sessionId'),
          sittings: sittings ? publicSittings(sittings) : null,
          at: text(d, 'rescheduledAt'),
        };
      },
    },
    EnrolmentOpened: { type: 'EnrolmentOpened', schemaVersion: 1, toData: sessionStep('openedAt') },
    EnrolmentClosed: { type: 'EnrolmentClosed', schemaVersion: 1, toData: sessionStep('closedAt') },
    SessionCancelled: { type: 'SessionCancelled', schemaVersion: 1, toData: sessionStep('cancelledAt') },
    SessionClosed: { type: 'SessionClosed', schemaVersion: 1, toData: sessionStep('closedAt') },
    EnrolmentConfirmed: {
      type: 'EnrolmentConfirmed',
      schemaVersion: 1,
      toData: (d: Data): EnrolmentConfirmedV1 => ({
        sessionId: text(d, 'sessionId'),
        traineeId: text(d, 'traineeId'),
        associationId: text(d, 'associationId'),
        promotedFromWaitingList: d['promotedFromWaitingList'] as boolean,
        at: text(d, 'confirmedAt'),
      }),
    },
    EnrolmentCancelled: {
      type: 'EnrolmentCancelled',
      schemaVersion: 1,
      toData: (d: Data): EnrolmentCancelledV1 => ({
        sessionId: text(d, 'sessionId'),
        traineeId: text(d, 'traineeId'),
        at: text(d, 'cancelledAt'),
      }),
    },
    CertificateIssued: {
      type: 'CertificateIssued',
      schemaVersion: 1,
      toData: (d: Data): CertificateIssuedV1 => {
        const issuance = d['issuance'] as Data;
        return {
          certificateId: text(issuance, 'certificateId'),
          traineeId: text(issuance, 'traineeId'),
          associationId: text(issuance, 'associationId'),
          sessionId: text(issuance, 'sessionId'),
          moduleId: text(issuance, 'moduleId'),
          achievement: issuance['achievement'] as LocalizedText,
          completedOn: text(issuance, 'completedOn'),
          at: text(d, 'issuedAt'),
        };
      },
    },
    CertificateSuspended: {
      type: 'CertificateStatusChanged',
      schemaVersion: 1,
      toData: certificateStatus('suspended', 'suspendedAt'),
    },
    CertificateReinstated: {
      type: 'CertificateStatusChanged',
      schemaVersion: 1,
      toData: certificateStatus('active', 'reinstatedAt'),
    },
    CertificateRevoked: {
      type: 'CertificateStatusChanged',
      schemaVersion: 1,
      toData: certificateStatus('revoked', 'revokedAt'),
    },
  },
});
