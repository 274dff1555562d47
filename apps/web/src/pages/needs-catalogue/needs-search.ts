import type { NeedsQuery } from '../../api/queries';
import { FieldShapes, ListSearch, readSearch, writeSearch } from '../shared/search-params';

export const NEED_PRIORITIES = ['high', 'medium', 'low'] as const;
type Priority = (typeof NEED_PRIORITIES)[number];

/** The needs catalogue's filters and page, as the address carries them. */
export interface NeedsSearch extends ListSearch {
  region?: string;
  sector?: string;
  priority?: Priority;
}

export const NEEDS_PAGE_SIZE = 20;

const SHAPES: FieldShapes<Omit<NeedsSearch, 'page'>> = {
  region: /^MA-[0-9]{2}$/,
  sector: /^[0-9]{5}$/,
  priority: /^(high|medium|low)$/,
};

export const readNeedsSearch = (params: URLSearchParams): NeedsSearch =>
  readSearch<NeedsSearch>(params, SHAPES);
export const writeNeedsSearch = (search: NeedsSearch): URLSearchParams => writeSearch(search);
export const toNeedsQuery = (search: NeedsSearch): NeedsQuery => ({ ...search, pageSize: NEEDS_PAGE_SIZE });
