import { callsControllerList, mapControllerRegions } from './generated';

// Query functions over the generated client: its types are the only API types of the web app.
// `throwOnError` turns a problem+json answer into a rejected query (TanStack Query's error state).

export const regionFiguresQuery = {
  queryKey: ['registry', 'map', 'regions'] as const,
  queryFn: async () => (await mapControllerRegions({ throwOnError: true })).data,
};

/** Only the total is read: one item per page is enough. The public sees the open calls only. */
export const openCallsCountQuery = {
  queryKey: ['funding', 'calls', 'open', 'count'] as const,
  queryFn: async () => (await callsControllerList({ query: { pageSize: 1 }, throwOnError: true })).data.total,
};
