import {
  attendanceReadsControllerMine,
  certificatesControllerCredential,
  certificatesControllerMine,
  certificatesControllerPrintable,
  contactPersonsControllerList,
  enrolmentsControllerMine,
  enrolmentsControllerOfAssociation,
  enrolmentsControllerTrainedManagers,
  modulesControllerList,
  sessionsControllerList,
} from '../../api/generated';
import type { ApiRecord } from '../../api/record-fields';
import { CredentialFormat } from './learning';

// Keys start with 'training' so that a command invalidating ['training'] refreshes every list
// of the area (an enrolment changes my enrolments, a session's seats, an association's lines).
export const TRAINING_KEY = ['training'] as const;

export const myEnrolmentsQuery = (page: number) => ({
  queryKey: [...TRAINING_KEY, 'enrolments', 'mine', { page }] as const,
  queryFn: async () =>
    (await enrolmentsControllerMine({ query: { page, pageSize: 20 }, throwOnError: true })).data,
});

/** My line of a session: each sitting's mark, whether I gave feedback (404 when never enrolled). */
export const myAttendanceQuery = (sessionId: string) => ({
  queryKey: [...TRAINING_KEY, 'attendance', 'mine', sessionId] as const,
  queryFn: async () =>
    (await attendanceReadsControllerMine({ path: { sessionId }, throwOnError: true })).data as ApiRecord,
  retry: false,
});

export const myCertificatesQuery = {
  queryKey: [...TRAINING_KEY, 'certificates', 'mine'] as const,
  queryFn: async () =>
    (await certificatesControllerMine({ query: { pageSize: 100 }, throwOnError: true })).data,
};

/** The module catalogue (public), for the modules' titles. */
export const modulesQuery = {
  queryKey: [...TRAINING_KEY, 'modules'] as const,
  queryFn: async () =>
    (await modulesControllerList({ query: { pageSize: 100 }, throwOnError: true })).data.items,
  staleTime: 5 * 60_000,
};

/** The sessions whose enrolment is open (public catalogue), soonest first. */
export const openSessionsQuery = {
  queryKey: [...TRAINING_KEY, 'sessions', 'open'] as const,
  queryFn: async () =>
    (
      await sessionsControllerList({
        query: { status: 'enrolment-open', pageSize: 100 },
        throwOnError: true,
      })
    ).data.items,
};

export const associationEnrolmentsQuery = (associationId: string, page: number) => ({
  queryKey: [...TRAINING_KEY, 'enrolments', 'association', associationId, { page }] as const,
  queryFn: async () =>
    (
      await enrolmentsControllerOfAssociation({
        path: { associationId },
        query: { page, pageSize: 50 },
        throwOnError: true,
      })
    ).data,
});

export const trainedManagersQuery = (associationId: string) => ({
  queryKey: [...TRAINING_KEY, 'trained-managers', associationId] as const,
  queryFn: async () =>
    (await enrolmentsControllerTrainedManagers({ path: { associationId }, throwOnError: true })).data,
});

/** The association's contact persons, as the Registry lists them to the association itself. */
export const contactPersonsQuery = (associationId: string) => ({
  queryKey: ['registry', 'contacts', associationId] as const,
  queryFn: async () =>
    (await contactPersonsControllerList({ path: { associationId }, throwOnError: true })).data,
});

/** The signed credential, fetched with the session's token (a plain link would not carry it). */
export async function fetchCredential(certificateId: string, format: CredentialFormat): Promise<Blob> {
  const { data } = await certificatesControllerCredential({
    path: { certificateId },
    query: { format },
    parseAs: 'blob',
    throwOnError: true,
  });
  return data as unknown as Blob;
}

export async function fetchPrintable(certificateId: string, lang: 'ar' | 'fr' | 'en'): Promise<Blob> {
  const { data } = await certificatesControllerPrintable({
    path: { certificateId },
    query: { lang },
    parseAs: 'blob',
    throwOnError: true,
  });
  return data as unknown as Blob;
}
