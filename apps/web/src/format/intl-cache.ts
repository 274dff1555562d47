/**
 * Intl's formatters are costly to build (each loads its locale's data: a table of 20 rows built
 * 100 of them and took 250 ms of a throttled first render) and free to reuse: one per locale and
 * options, kept for the page's life (a handful of locales and option sets).
 */
const built = new Map<string, unknown>();

function cached<T>(key: string, build: () => T): T {
  if (!built.has(key)) built.set(key, build());
  return built.get(key) as T;
}

const keyOf = (kind: string, locale: string, options: object | undefined) =>
  `${kind}\u0000${locale}\u0000${JSON.stringify(options ?? {})}`;

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(keyOf('number', locale, options), () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(keyOf('dateTime', locale, options), () => new Intl.DateTimeFormat(locale, options));

/** Throws as Intl.DisplayNames does for a malformed locale (nothing is kept then). */
export const displayNames = (locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames =>
  cached(keyOf('displayNames', locale, options), () => new Intl.DisplayNames([locale], options));
