import { Filter, DocumentStore, SortSpec } from '@tadamon/read-store';
import { AssociationStatus } from '../domain/association/association';
import { FieldIssues, MAX_TEXT } from '../domain/field-validation';
import { ASSOCIATION_DIRECTORY, AssociationDirectoryDoc } from './association-directory';
import { textCondition } from './search-text';

export const DIRECTORY_SORTS = ['name', 'members', 'verifiedAt'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface AssociationDirectoryQuery {
  /** A 2015 region code: matches declared origin regions and the regions of declared provinces. */
  region?: string;
  province?: string;
  hostCountry?: string;
  sector?: string;
  status?: AssociationStatus;
  /** Only what the public may see (verified associations). */
  publicOnly?: boolean;
  /** Free text on the names (any language) and the acronym; accents and case ignored. */
  text?: string;
  sort?: DirectorySort;
  order?: 'asc' | 'desc';
  /** From 1. */
  page?: number;
  /** 1 to MAX_PAGE_SIZE. */
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const SORT_FIELDS: Record<DirectorySort, string> = {
  name: 'names.fr',
  members: 'members',
  verifiedAt: 'verifiedAt',
};

/** The Mongo filter of a directory query (only equality, `$or`, `$and` and an escaped `$regex`). */
export const associationDirectoryFilter = (query: AssociationDirectoryQuery): Filter => {
  const and: Filter[] = [];
  if (query.publicOnly) and.push({ public: true });
  if (query.status !== undefined) and.push({ status: query.status });
  if (query.region !== undefined)
    and.push({ $or: [{ originRegions: query.region }, { originProvinceRegions: query.region }] });
  if (query.province !== undefined) and.push({ originProvinces: query.province });
  if (query.hostCountry !== undefined) and.push({ hostCountries: query.hostCountry });
  if (query.sector !== undefined) and.push({ sectors: query.sector });
  const text = query.text === undefined ? undefined : textCondition(query.text);
  if (text) and.push({ $or: [{ 'search.names': text }, { 'search.acronym': text }] });
  if (and.length === 0) return {};
  return and.length === 1 ? and[0] : { $and: and };
};

/** The sort of a directory query; ties broken by id so that pages never overlap. */
export const associationDirectorySort = (query: AssociationDirectoryQuery): SortSpec => {
  const direction = query.order === 'desc' ? -1 : 1;
  return { [SORT_FIELDS[query.sort ?? 'name']]: direction, _id: 1 };
};

/** Page and size, checked: ValidationFailed lists every bad parameter. */
export const directoryPage = (
  query: Pick<AssociationDirectoryQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'text'>,
): { page: number; pageSize: number; skip: number } => {
  const issues = new FieldIssues();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(page) || page < 1) issues.add('page', 'must be an integer from 1');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    issues.add('pageSize', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  if (query.sort !== undefined && !DIRECTORY_SORTS.includes(query.sort))
    issues.add('sort', `must be one of ${DIRECTORY_SORTS.join(', ')}`);
  if (query.order !== undefined && query.order !== 'asc' && query.order !== 'desc')
    issues.add('order', 'must be asc or desc');
  if (query.text !== undefined && (typeof query.text !== 'string' || query.text.length > MAX_TEXT))
    issues.add('text', `must be a text of at most ${MAX_TEXT} characters`);
  issues.throwIfAny();
  return { page, pageSize, skip: (page - 1) * pageSize };
};

/** One page of the association directory, with the total number of matches. */
export const queryAssociationDirectory = async (
  docs: DocumentStore,
  query: AssociationDirectoryQuery,
): Promise<Page<AssociationDirectoryDoc>> => {
  const { page, pageSize, skip } = directoryPage(query);
  const collection = docs.collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY);
  const filter = associationDirectoryFilter(query);
  const { items, total } = await collection.findPage(filter, {
    sort: associationDirectorySort(query),
    skip,
    limit: pageSize,
  });
  return { items, total, page, pageSize };
};
