import {
  applicationsControllerList,
  auditControllerDossier,
  auditControllerGet,
  auditControllerList,
  auditControllerReplay,
  auditControllerStart,
  type LogVerificationDto,
} from '../../api/generated';
import type { CommandHeaders } from '../../api/use-command';

export const verificationsQuery = {
  queryKey: ['audit', 'verifications'] as const,
  queryFn: async () => (await auditControllerList({ throwOnError: true })).data,
};

/** A verification, polled every half second while it runs. */
export const verificationQuery = (verificationId: string) => ({
  queryKey: ['audit', 'verifications', verificationId] as const,
  queryFn: async () => (await auditControllerGet({ path: { verificationId }, throwOnError: true })).data,
  refetchInterval: (query: { state: { data?: LogVerificationDto } }) =>
    query.state.data?.status === 'running' ? 500 : false,
});

export const startVerification = async (headers: CommandHeaders) =>
  (await auditControllerStart({ headers, throwOnError: true })).data;

/** The applications the auditor reads (every status), a page at a time. */
export const auditedApplicationsQuery = (page: number) => ({
  queryKey: ['audit', 'applications', { page }] as const,
  queryFn: async () => (await applicationsControllerList({ query: { page }, throwOnError: true })).data,
});

/** `asOf`: an ISO instant, or undefined for now. */
export const replayQuery = (applicationId: string, asOf: string | undefined) => ({
  queryKey: ['audit', 'replay', applicationId, asOf ?? 'now'] as const,
  queryFn: async () =>
    (
      await auditControllerReplay({
        path: { applicationId },
        query: asOf === undefined ? {} : { asOf },
        throwOnError: true,
      })
    ).data,
  retry: false,
});

const FILE_NAME = /filename="([^"]+)"/;

/** The dossier's HTML and the file name the platform gives it. */
export async function fetchDossier(
  applicationId: string,
  lang: 'ar' | 'fr' | 'en',
  asOf: string | undefined,
): Promise<{ blob: Blob; fileName: string }> {
  const { data, response } = await auditControllerDossier({
    path: { applicationId },
    query: asOf === undefined ? { lang } : { lang, asOf },
    parseAs: 'blob',
    throwOnError: true,
  });
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = FILE_NAME.exec(disposition)?.[1] ?? `dossier-${applicationId}-${lang}.html`;
  return { blob: data as unknown as Blob, fileName };
}
