import { FieldShapes, ListSearch, readSearch, writeSearch } from '../shared/search-params';

export const ACTIVITY_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;

export interface ProjectFilters {
  region?: string;
  sector?: string;
  status?: string;
}
export type ProjectsSearch = ProjectFilters & ListSearch;

const SHAPES: FieldShapes<ProjectFilters> = {
  region: /^MA-\d{2}$/,
  sector: /^\d{3,5}$/,
  status: /^[1-6]$/,
};

/** The map page's filters and list page, from the address (anything malformed left out). */
export const readProjectsSearch = (params: URLSearchParams): ProjectsSearch =>
  readSearch<ProjectsSearch>(params, SHAPES);

export const writeProjectsSearch = (search: ProjectsSearch): URLSearchParams => writeSearch(search);
