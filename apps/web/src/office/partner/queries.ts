import {
  actorsControllerDirectory,
  actorsControllerGet,
  associationsControllerDirectory,
  regionalNeedsControllerCatalogue,
  regionalNeedsControllerGet,
  regionalNeedsControllerMatches,
  type RegionalNeedsControllerCatalogueData,
} from '../../api/generated';
import { revisionOf } from '../../api/revision';

export type NeedStatus = NonNullable<NonNullable<RegionalNeedsControllerCatalogueData['query']>['status']>;

export const myOrganisationQuery = (actorId: string) => ({
  queryKey: ['registry', 'actors', actorId] as const,
  queryFn: async () => {
    const { data, response } = await actorsControllerGet({ path: { actorId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

/** The partner's own needs in every status (the platform answers its publisher all of them). */
export const myNeedsQuery = (publisherId: string, page: number, status: NeedStatus | undefined) => ({
  queryKey: ['registry', 'needs', 'mine', { publisherId, page, status }] as const,
  queryFn: async () =>
    (
      await regionalNeedsControllerCatalogue({
        query: { publisherId, page, pageSize: 20, ...(status && { status }) },
        throwOnError: true,
      })
    ).data,
});

export const needQuery = (needId: string) => ({
  queryKey: ['registry', 'needs', needId] as const,
  queryFn: async () => {
    const { data, response } = await regionalNeedsControllerGet({ path: { needId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

export const needMatchesQuery = (needId: string) => ({
  queryKey: ['registry', 'needs', needId, 'matches'] as const,
  queryFn: async () => (await regionalNeedsControllerMatches({ path: { needId }, throwOnError: true })).data,
});

/** Names of the verified associations and of the funders, to name the suggested matches. */
export const partyNamesQuery = {
  queryKey: ['registry', 'party-names'] as const,
  queryFn: async () => {
    const [associations, funders] = await Promise.all([
      associationsControllerDirectory({ query: { pageSize: 100 }, throwOnError: true }),
      actorsControllerDirectory({ query: { pageSize: 100 }, throwOnError: true }),
    ]);
    return [...associations.data.items, ...funders.data.items];
  },
};
