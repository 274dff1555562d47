import { findProvince, findRegion, SCHEME_2015 } from '@tadamon/reference-data';
import { IatiLocation } from './activity';

/**
 * A place in Morocco as IATI can name it. IATI's GeographicVocabulary has no ISO 3166-2 list, so
 * the province's (or region's) ISO 3166-2:MA code goes in the location's own `ref`, its names in
 * `name`, and the administrative code is the country, A4 "MA" at level 0.
 */
export function moroccanLocation(code: string, point?: { lat: number; lon: number }): IatiLocation {
  const unit = findProvince(code) ?? findRegion(code, SCHEME_2015);
  if (!unit)
    throw new RangeError(`${code} is neither a province nor a region of Morocco (ISO 3166-2:MA, 2015)`);
  return {
    ref: unit.code,
    name: { ar: unit.names.ar, fr: unit.names.fr, en: unit.names.en },
    administrative: [{ vocabulary: 'A4', code: 'MA', level: 0 }],
    ...(point ? { point } : {}),
  };
}
