import {
  applicationsControllerGet,
  applicationsControllerList,
  associationsControllerGet,
  callsControllerList,
} from '../../api/generated';
import { revisionOf } from '../../api/revision';

// The association's own records. Keys start with 'funding' / 'registry' like the portal's, so a
// command that invalidates ['funding', 'applications'] refreshes the list and the record.

export const myProfileQuery = (associationId: string) => ({
  queryKey: ['registry', 'associations', associationId, 'profile'] as const,
  queryFn: async () => {
    const { data, response } = await associationsControllerGet({
      path: { associationId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

/** The platform answers an association's list with its own applications only. */
export const myApplicationsQuery = (page: number) => ({
  queryKey: ['funding', 'applications', 'mine', { page }] as const,
  queryFn: async () =>
    (await applicationsControllerList({ query: { page, pageSize: 20 }, throwOnError: true })).data,
});

export const applicationQuery = (applicationId: string) => ({
  queryKey: ['funding', 'applications', applicationId] as const,
  queryFn: async () => {
    const { data, response } = await applicationsControllerGet({
      path: { applicationId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

/** The calls an association may apply to: the published ones. */
export const publishedCallsQuery = {
  queryKey: ['funding', 'calls', 'published'] as const,
  queryFn: async () =>
    (await callsControllerList({ query: { status: 'published', pageSize: 100 }, throwOnError: true })).data
      .items,
};
