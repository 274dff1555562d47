import type { DirectoryQuery } from '../../api/queries';
import { FieldShapes, ListSearch, readSearch, writeSearch } from '../shared/search-params';

/** The directory's filters, free text and page, as the address carries them. */
export interface DirectorySearch extends ListSearch {
  text?: string;
  region?: string;
  hostCountry?: string;
  sector?: string;
}

export const DIRECTORY_PAGE_SIZE = 20;

// The shapes the API accepts (AssociationDirectoryQueryDto): anything else is ignored, not sent.
const SHAPES: FieldShapes<Omit<DirectorySearch, 'page'>> = {
  text: /^.{1,100}$/su,
  region: /^MA-[0-9]{2}$/,
  hostCountry: /^[A-Z]{2}$/,
  sector: /^[0-9]{5}$/,
};

export const readDirectorySearch = (params: URLSearchParams): DirectorySearch =>
  readSearch<DirectorySearch>(params, SHAPES);

export const writeDirectorySearch = (search: DirectorySearch): URLSearchParams => writeSearch(search);

export const toDirectoryQuery = (search: DirectorySearch): DirectoryQuery => ({
  ...search,
  pageSize: DIRECTORY_PAGE_SIZE,
  sort: 'name',
  order: 'asc',
});

/**
 * Host countries offered in the filter (the diaspora's main ones). The API has no list of the
 * countries present in the directory; a code typed in the address still filters.
 */
export const HOST_COUNTRIES = ['BE', 'CA', 'DE', 'ES', 'FR', 'GB', 'IT', 'NL', 'US'] as const;
