import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { ReferenceDataError } from '../errors';
import { Lang } from '../languages/languages';

// Explicit, so that a bundle built from the browser entry (which registers nothing) still has names.
for (const locale of [ar, fr, en]) countries.registerLocale(locale);

/** ISO 3166-1 alpha-2, upper case. */
export type CountryCode = string;

export type Country = { readonly code: CountryCode; readonly name: string };

export class UnknownCountry extends ReferenceDataError {
  readonly code = 'UNKNOWN_COUNTRY';
  constructor(readonly countryCode: unknown) {
    super(`${JSON.stringify(countryCode)} is not an ISO 3166-1 alpha-2 country code`);
  }
}

const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** Morocco is the country of origin, never a host country. */
export const HOME_COUNTRY: CountryCode = 'MA';

/** Every ISO 3166-1 alpha-2 code accepted, sorted; and those a host country may be (not Morocco). */
export const COUNTRY_CODES: readonly CountryCode[] = [...ALPHA2].sort();
export const HOST_COUNTRY_CODES: readonly CountryCode[] = COUNTRY_CODES.filter((c) => c !== HOME_COUNTRY);

export const isCountryCode = (value: unknown): value is CountryCode =>
  typeof value === 'string' && ALPHA2.has(value);

export const parseCountryCode = (value: unknown): CountryCode => {
  if (!isCountryCode(value)) throw new UnknownCountry(value);
  return value;
};

export const countryName = (code: string, lang: Lang): string => {
  const name = isCountryCode(code) ? countries.getName(code, lang) : undefined;
  if (name === undefined) throw new UnknownCountry(code);
  return name;
};

const hostCountriesByLang = new Map<Lang, readonly Country[]>();

/** Every country but Morocco, sorted by its name in `lang`. */
export const hostCountries = (lang: Lang): readonly Country[] => {
  let list = hostCountriesByLang.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang);
    list = [...ALPHA2]
      .filter((code) => code !== HOME_COUNTRY)
      .map((code) => ({ code, name: countryName(code, lang) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    hostCountriesByLang.set(lang, list);
  }
  return list;
};
