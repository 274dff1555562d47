import { Document } from '@tadamon/read-store';

/**
 * A read-model document as the API shows it: without the projection's bookkeeping (store key,
 * position, search keys, the directory's `public` flag, which a reader derives from `status`).
 * The entity's own id field (associationId, needId...) is the id clients use.
 */
export const withoutInternals = <T extends Document>({
  _id: _i,
  _position: _p,
  search: _s,
  public: _public,
  ...view
}: T & { _position?: unknown; search?: unknown; public?: unknown }) => view;

/** A page of documents, each without internals. */
export const pageView = <T extends Document>(page: {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}) => ({
  ...page,
  items: page.items.map(withoutInternals),
});
