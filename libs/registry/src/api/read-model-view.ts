import { Document } from '@tadamon/read-store';

/** A read-model document as the API shows it: without the projection's bookkeeping (position, search keys). */
export const withoutInternals = <T extends Document>({
  _position: _p,
  search: _s,
  ...view
}: T & { _position?: unknown; search?: unknown }) => view;

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
