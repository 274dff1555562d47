import {
  actorsControllerDirectory,
  associationsControllerDirectory,
  associationsControllerGet,
  contactPersonsControllerExport,
  contactPersonsControllerGet,
  contactPersonsControllerList,
  networksControllerGet,
  networksControllerList,
  regionalNeedsControllerCatalogue,
  regionalNeedsControllerGet,
  regionalNeedsControllerMatches,
  type ActorsControllerDirectoryData,
  type AssociationsControllerDirectoryData,
  type RegionalNeedsControllerCatalogueData,
} from '../../api/generated';

// The officer's reads of the Registry. Every key starts with REGISTRY_KEY: a command of this area
// invalidates the whole area (and the portal's registry pages, which show verified associations).
export const REGISTRY_KEY = ['officeRegistry'] as const;
export const INVALIDATED_BY_COMMANDS = [REGISTRY_KEY, ['registry']];

import { revisionOf } from '../../api/revision';

export { revisionOf };

export type AssociationsQuery = NonNullable<AssociationsControllerDirectoryData['query']>;

/** The directory as officers read it: every status (the queue asks for `submitted`). */
export const associationsQuery = (query: AssociationsQuery) => ({
  queryKey: [...REGISTRY_KEY, 'associations', query] as const,
  queryFn: async () => (await associationsControllerDirectory({ query, throwOnError: true })).data,
});

/** One association from its stream, with the revision to send back as If-Match. */
export const associationQuery = (associationId: string) => ({
  queryKey: [...REGISTRY_KEY, 'association', associationId] as const,
  queryFn: async () => {
    const { data, response } = await associationsControllerGet({
      path: { associationId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

export const contactsQuery = (associationId: string) => ({
  queryKey: [...REGISTRY_KEY, 'contacts', associationId] as const,
  queryFn: async () =>
    (await contactPersonsControllerList({ path: { associationId }, throwOnError: true })).data,
});

export const contactQuery = (subjectId: string) => ({
  queryKey: [...REGISTRY_KEY, 'contact', subjectId] as const,
  queryFn: async () => {
    const { data, response } = await contactPersonsControllerGet({ path: { subjectId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

/** The data-subject access export; read only when the officer asks for it. */
export const contactExportQuery = (subjectId: string) => ({
  queryKey: [...REGISTRY_KEY, 'contact', subjectId, 'export'] as const,
  queryFn: async () =>
    (await contactPersonsControllerExport({ path: { subjectId }, throwOnError: true })).data,
  staleTime: 0,
});

export type ActorsQuery = NonNullable<ActorsControllerDirectoryData['query']>;

export const actorsQuery = (query: ActorsQuery) => ({
  queryKey: [...REGISTRY_KEY, 'actors', query] as const,
  queryFn: async () => (await actorsControllerDirectory({ query, throwOnError: true })).data,
});

export const networksQuery = (page: number) => ({
  queryKey: [...REGISTRY_KEY, 'networks', { page }] as const,
  queryFn: async () => (await networksControllerList({ query: { page }, throwOnError: true })).data,
});

export const networkQuery = (networkId: string) => ({
  queryKey: [...REGISTRY_KEY, 'network', networkId] as const,
  queryFn: async () => {
    const { data, response } = await networksControllerGet({ path: { networkId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

export type NeedsQuery = NonNullable<RegionalNeedsControllerCatalogueData['query']>;

/** Every need, whatever its status (officers see them all). */
export const needsQuery = (query: NeedsQuery) => ({
  queryKey: [...REGISTRY_KEY, 'needs', query] as const,
  queryFn: async () => (await regionalNeedsControllerCatalogue({ query, throwOnError: true })).data,
});

export const needQuery = (needId: string) => ({
  queryKey: [...REGISTRY_KEY, 'need', needId] as const,
  queryFn: async () => {
    const { data, response } = await regionalNeedsControllerGet({ path: { needId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

export const matchesQuery = (needId: string) => ({
  queryKey: [...REGISTRY_KEY, 'need', needId, 'matches'] as const,
  queryFn: async () => (await regionalNeedsControllerMatches({ path: { needId }, throwOnError: true })).data,
});
