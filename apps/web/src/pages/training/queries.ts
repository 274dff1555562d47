import {
  credentialDocumentsControllerCertificateStatus,
  modulesControllerList,
  pathsControllerList,
  sessionsControllerGet,
  sessionsControllerList,
} from '../../api/generated';
import type { TrainingFilters } from './training-filters';

export const SESSIONS_PAGE_SIZE = 20;
/** The catalogue is small (a ministry's modules and paths): one page of the API's largest. */
const CATALOGUE_PAGE_SIZE = 100;

type Language = 'ar' | 'fr' | 'en';

export const modulesQuery = {
  queryKey: ['training', 'modules'] as const,
  queryFn: async () =>
    (
      await modulesControllerList({
        query: { status: 'active', pageSize: CATALOGUE_PAGE_SIZE },
        throwOnError: true,
      })
    ).data,
  staleTime: 5 * 60_000,
};

export const pathsQuery = {
  queryKey: ['training', 'paths'] as const,
  queryFn: async () =>
    (
      await pathsControllerList({
        query: { status: 'active', pageSize: CATALOGUE_PAGE_SIZE },
        throwOnError: true,
      })
    ).data,
  staleTime: 5 * 60_000,
};

const sessionsFilter = (filters: TrainingFilters) => ({
  status: 'enrolment-open' as const,
  ...(filters.module && { moduleId: filters.module }),
  ...(filters.country && { country: filters.country }),
  // readTrainingSearch lets only ar, fr and en through.
  ...(filters.language && { language: filters.language as Language }),
});

/** The sessions open for enrolment, soonest first. */
export const openSessionsQuery = (filters: TrainingFilters, page: number) => ({
  queryKey: ['training', 'sessions', 'open', sessionsFilter(filters), page] as const,
  queryFn: async () =>
    (
      await sessionsControllerList({
        query: { ...sessionsFilter(filters), page, pageSize: SESSIONS_PAGE_SIZE },
        throwOnError: true,
      })
    ).data,
});

/** Every open session (the country filter offers their countries). */
export const allOpenSessionsQuery = {
  queryKey: ['training', 'sessions', 'open', 'all'] as const,
  queryFn: async () =>
    (
      await sessionsControllerList({
        query: { status: 'enrolment-open', pageSize: CATALOGUE_PAGE_SIZE },
        throwOnError: true,
      })
    ).data,
};

export const sessionQuery = (sessionId: string) => ({
  queryKey: ['training', 'sessions', sessionId] as const,
  queryFn: async () => (await sessionsControllerGet({ path: { sessionId }, throwOnError: true })).data,
  retry: false,
});

/** A certificate's public status; null when the API knows no such certificate (404). */
export const certificateStatusQuery = (certificateId: string) => ({
  queryKey: ['training', 'certificates', certificateId, 'verification'] as const,
  queryFn: async (): Promise<Record<string, unknown> | null> => {
    const answer = await credentialDocumentsControllerCertificateStatus({ path: { certificateId } });
    if (answer.data) return answer.data as Record<string, unknown>;
    if (answer.response?.status === 404) return null;
    throw new Error(`certificate ${certificateId}: ${answer.response?.status}`);
  },
  retry: false,
  // Always asked afresh: a revocation shows at once.
  staleTime: 0,
  gcTime: 0,
});
