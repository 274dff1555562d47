import {
  type PublicProjectsControllerMapData,
  actorsControllerGet,
  associationsControllerGet,
  programmesControllerPage,
  publicProjectsControllerFigures,
  publicProjectsControllerList,
  publicProjectsControllerMap,
  publicProjectsControllerOne,
} from '../../api/generated';
import type { ProjectFilters } from './project-filters';

export const PROJECTS_PAGE_SIZE = 20;

type ProjectStatus = NonNullable<NonNullable<PublicProjectsControllerMapData['query']>['status']>;

const query = (filters: ProjectFilters) => ({
  ...(filters.region && { region: filters.region }),
  ...(filters.sector && { sector: filters.sector }),
  // readProjectsSearch lets only 1 to 6 through.
  ...(filters.status && { status: filters.status as ProjectStatus }),
});

/** The map's layer: one GeoJSON feature per location of each published project. */
export const projectsMapQuery = (filters: ProjectFilters) => ({
  queryKey: ['partnerships', 'map', query(filters)] as const,
  queryFn: async (): Promise<unknown> =>
    (await publicProjectsControllerMap({ query: query(filters), throwOnError: true })).data,
});

export const publicProjectsQuery = (filters: ProjectFilters, page: number) => ({
  queryKey: ['partnerships', 'public-projects', query(filters), page] as const,
  queryFn: async () =>
    (
      await publicProjectsControllerList({
        query: { ...query(filters), page, pageSize: PROJECTS_PAGE_SIZE },
        throwOnError: true,
      })
    ).data,
});

export const projectFiguresQuery = {
  queryKey: ['partnerships', 'figures'] as const,
  queryFn: async () => (await publicProjectsControllerFigures({ throwOnError: true })).data,
};

export const publicProjectQuery = (projectId: string) => ({
  queryKey: ['partnerships', 'public-projects', projectId] as const,
  queryFn: async () => (await publicProjectsControllerOne({ path: { projectId }, throwOnError: true })).data,
  retry: false,
});

export const programmePageQuery = (programmeId: string) => ({
  queryKey: ['partnerships', 'programmes', programmeId] as const,
  queryFn: async () => (await programmesControllerPage({ path: { programmeId }, throwOnError: true })).data,
  retry: false,
});

/**
 * A Registry organisation by id, as the portal names it: a partner organisation (actor) or a
 * verified association; null when neither answers (an association not verified is not public).
 * The projects name both kinds with one id field, so the actor is asked first, then the association.
 */
export const organisationQuery = (id: string) => ({
  queryKey: ['registry', 'organisation', id] as const,
  queryFn: async (): Promise<Record<string, unknown> | null> => {
    const actor = await actorsControllerGet({ path: { actorId: id } });
    if (actor.data) return actor.data as Record<string, unknown>;
    if (actor.response?.status !== 404) throw new Error(`actor ${id}: ${actor.response?.status}`);
    const association = await associationsControllerGet({ path: { associationId: id } });
    if (association.data) return association.data as Record<string, unknown>;
    if (association.response?.status !== 404)
      throw new Error(`association ${id}: ${association.response?.status}`);
    return null;
  },
  staleTime: 5 * 60_000,
});
