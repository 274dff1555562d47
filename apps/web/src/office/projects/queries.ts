import {
  partnershipsIatiControllerValidation,
  projectDocumentsControllerDownload,
  projectDocumentsControllerList,
  projectsControllerList,
  projectsControllerPage,
  resultsControllerQueue,
  resultsControllerResults,
  type ProjectsControllerListData,
} from '../../api/generated';
import { revisionOf } from '../../api/revision';

export type ProjectsSearch = NonNullable<ProjectsControllerListData['query']>;

/** The projects the reader may see (the platform filters an association's or a partner's own). */
export const projectsQuery = (search: ProjectsSearch) => ({
  queryKey: ['partnerships', 'projects', 'list', search] as const,
  queryFn: async () => (await projectsControllerList({ query: search, throwOnError: true })).data,
});

/** A project page with its revision (the ETag), sent as If-Match by the officer's commands. */
export const projectQuery = (projectId: string) => ({
  queryKey: ['partnerships', 'projects', projectId] as const,
  queryFn: async () => {
    const { data, response } = await projectsControllerPage({ path: { projectId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

/** The results framework with its revision (the framework stream's, not the project's). */
export const resultsQuery = (projectId: string) => ({
  queryKey: ['partnerships', 'projects', projectId, 'results'] as const,
  queryFn: async () => {
    const { data, response } = await resultsControllerResults({ path: { projectId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

export const projectDocumentsQuery = (projectId: string) => ({
  queryKey: ['partnerships', 'projects', projectId, 'documents'] as const,
  queryFn: async () =>
    (await projectDocumentsControllerList({ path: { projectId }, throwOnError: true })).data,
});

export const iatiStatusQuery = (projectId: string) => ({
  queryKey: ['partnerships', 'projects', projectId, 'iati'] as const,
  queryFn: async () =>
    (await partnershipsIatiControllerValidation({ path: { projectId }, throwOnError: true })).data,
});

/** Pending updates across projects that the reader may decide (not their own: four eyes). */
export const decidableUpdatesQuery = (page: number) => ({
  queryKey: ['partnerships', 'indicator-updates', 'decidable', page] as const,
  queryFn: async () =>
    (await resultsControllerQueue({ query: { decidable: 'true', page }, throwOnError: true })).data,
});

/** A document's bytes, fetched with the session's token (a plain link would not carry it). */
export async function fetchProjectDocument(projectId: string, sha256: string): Promise<Blob> {
  const { data } = await projectDocumentsControllerDownload({
    path: { projectId, sha256 },
    parseAs: 'blob',
    throwOnError: true,
  });
  return data as unknown as Blob;
}
