import { displayNames } from './intl-cache';

/** A country's name (ISO 3166-1 alpha-2) in the reader's language, as Intl (CLDR) knows it. */
export function formatCountry(code: string, locale: string): string {
  try {
    return displayNames(locale, { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
