import { Document, DocumentCollection, FieldProjection, Filter, SortSpec } from './document-store';

/** Which page of a list endpoint, in which order. */
export interface PageRequest {
  /** From 1 (default 1). */
  page?: number;
  /** Default 20; the endpoint's query DTO bounds it. */
  pageSize?: number;
  /** End it with a unique key (`_id`) so that pages do not overlap. */
  sort: SortSpec;
  projection?: FieldProjection;
}

/** A list endpoint's answer: one page of items and how many match in all. */
export interface Page<V> {
  items: V[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the documents that match `filter`, each as `view` shows it, with the count of all. */
export async function listPage<T extends Document, V>(
  collection: DocumentCollection<T>,
  filter: Filter,
  { page = 1, pageSize = 20, sort, projection }: PageRequest,
  view: (doc: T) => V,
): Promise<Page<V>> {
  const { items, total } = await collection.findPage(filter, {
    sort,
    skip: (page - 1) * pageSize,
    limit: pageSize,
    ...(projection && { projection }),
  });
  return { items: items.map(view), total, page, pageSize };
}
