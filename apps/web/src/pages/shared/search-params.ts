/**
 * A list page's state lives in the address (shareable, survives a reload, the back button works):
 * each field is read from a search parameter when it has the expected shape, else left out;
 * written back without the defaults, so `/associations` and `/associations?page=1` are one page.
 */
export type FieldShapes<S> = { [K in keyof S]-?: RegExp };

export interface ListSearch {
  page: number;
}

const MAX_PAGE = 100_000;

export function readSearch<S extends ListSearch>(
  params: URLSearchParams,
  shapes: FieldShapes<Omit<S, 'page'>>,
): S {
  const pageText = params.get('page') ?? '';
  const page = /^[1-9][0-9]{0,5}$/.test(pageText) ? Math.min(Number(pageText), MAX_PAGE) : 1;
  const search: Record<string, unknown> = { page };
  for (const [key, shape] of Object.entries(shapes) as [string, RegExp][]) {
    const value = params.get(key)?.trim();
    if (value && shape.test(value)) search[key] = value;
  }
  return search as S;
}

export function writeSearch<S extends ListSearch>(search: S): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search).sort(([a], [b]) => a.localeCompare(b))) {
    if (key === 'page' ? value === 1 : value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  return params;
}

/** A changed filter starts again at the first page; a changed page keeps the filters. */
export function withFilter<S extends ListSearch, K extends Exclude<keyof S, 'page'>>(
  search: S,
  key: K,
  value: S[K] | undefined,
): S {
  return { ...search, [key]: value === '' ? undefined : value, page: 1 };
}
