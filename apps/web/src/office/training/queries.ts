import {
  attendanceControllerCheckInCode,
  attendanceReadsControllerRoster,
  certificatesControllerList,
  modulesControllerList,
  sessionsControllerGet,
  sessionsControllerList,
  type CertificatesControllerListData,
  type SessionsControllerListData,
} from '../../api/generated';
import { revisionOf } from '../../api/revision';

export type SessionsQuery = NonNullable<SessionsControllerListData['query']>;
export type SessionStatus = NonNullable<SessionsQuery['status']>;
export type CertificatesQuery = NonNullable<CertificatesControllerListData['query']>;
export type CertificateStatus = NonNullable<CertificatesQuery['status']>;

export const SESSION_STATUSES: readonly SessionStatus[] = [
  'scheduled',
  'enrolment-open',
  'enrolment-closed',
  'held',
  'closed',
  'cancelled',
];
export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['active', 'suspended', 'revoked'];
export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const REVOCATION_CODES = [
  'issued-in-error',
  'completion-annulled',
  'misconduct',
  'superseded',
  'other',
] as const;

/** Every query of this area starts with one of these: a command invalidates them. */
export const SESSIONS_KEY = ['training', 'sessions'] as const;
export const CERTIFICATES_KEY = ['training', 'certificates'] as const;

/** The largest page the API gives: a trainer's sessions are filtered from it (the API has no trainer filter). */
export const SESSIONS_PAGE_SIZE = 100;

export const sessionsQuery = (query: SessionsQuery) => ({
  queryKey: [...SESSIONS_KEY, 'list', query] as const,
  queryFn: async () => (await sessionsControllerList({ query, throwOnError: true })).data,
});

export const sessionQuery = (sessionId: string) => ({
  queryKey: [...SESSIONS_KEY, sessionId] as const,
  queryFn: async () => {
    const { data, response } = await sessionsControllerGet({ path: { sessionId }, throwOnError: true });
    return { record: data as Record<string, unknown>, revision: revisionOf(response) };
  },
});

export const rosterQuery = (sessionId: string) => ({
  queryKey: [...SESSIONS_KEY, sessionId, 'roster'] as const,
  queryFn: async () =>
    (await attendanceReadsControllerRoster({ path: { sessionId }, throwOnError: true })).data,
});

/** One call: the rotation decides when to ask again (no cache: a code is for its step only). */
export const fetchCheckInCode = async (sessionId: string, sittingId: string) =>
  (await attendanceControllerCheckInCode({ path: { sessionId, sittingId }, throwOnError: true })).data;

export const certificatesQuery = (query: CertificatesQuery) => ({
  queryKey: [...CERTIFICATES_KEY, 'list', query] as const,
  queryFn: async () => (await certificatesControllerList({ query, throwOnError: true })).data,
});

/** The catalogue's modules, to name each session's module in the reader's language. */
export const modulesQuery = {
  queryKey: ['training', 'modules', 'names'] as const,
  queryFn: async () =>
    (await modulesControllerList({ query: { pageSize: 100 }, throwOnError: true })).data.items,
  staleTime: 5 * 60_000,
};
