import {
  associationsControllerDirectory,
  callsControllerGet,
  callsControllerList,
  figuresControllerFigures,
  fundingFiguresControllerFigures,
  mapControllerRegions,
  regionalNeedsControllerCatalogue,
  type AssociationsControllerDirectoryData,
  type RegionalNeedsControllerCatalogueData,
} from './generated';

// Query functions over the generated client: its types are the only API types of the web app.
// `throwOnError` turns a problem+json answer into a rejected query (TanStack Query's error state).

export const regionFiguresQuery = {
  queryKey: ['registry', 'map', 'regions'] as const,
  queryFn: async () => (await mapControllerRegions({ throwOnError: true })).data,
};

/** Verified associations in all, per host country, per sector and per region of origin. */
export const associationFiguresQuery = {
  queryKey: ['registry', 'figures'] as const,
  queryFn: async () => (await figuresControllerFigures({ throwOnError: true })).data,
};

/** Grants awarded (withdrawn ones left out) and their amount per currency. */
export const fundingFiguresQuery = {
  queryKey: ['funding', 'figures'] as const,
  queryFn: async () => (await fundingFiguresControllerFigures({ throwOnError: true })).data,
};

export type DirectoryQuery = NonNullable<AssociationsControllerDirectoryData['query']>;

/** A page of the directory (the public sees verified associations only). */
export const associationDirectoryQuery = (query: DirectoryQuery) => ({
  queryKey: ['registry', 'associations', query] as const,
  queryFn: async () => (await associationsControllerDirectory({ query, throwOnError: true })).data,
});

export type NeedsQuery = NonNullable<RegionalNeedsControllerCatalogueData['query']>;

/** A page of the regional needs catalogue (the public sees open needs only). */
export const needsCatalogueQuery = (query: NeedsQuery) => ({
  queryKey: ['registry', 'needs', query] as const,
  queryFn: async () => (await regionalNeedsControllerCatalogue({ query, throwOnError: true })).data,
});

/** A page of the open calls for proposals. */
export const openCallsQuery = (page: number) => ({
  queryKey: ['funding', 'calls', 'open', { page }] as const,
  queryFn: async () => (await callsControllerList({ query: { page }, throwOnError: true })).data,
});

export const callQuery = (callId: string) => ({
  queryKey: ['funding', 'calls', callId] as const,
  queryFn: async () => (await callsControllerGet({ path: { callId }, throwOnError: true })).data,
});
