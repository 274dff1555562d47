import { ReferenceDataError } from '../errors';
import { AnyLang, localized } from '../languages/languages';
import { PROVINCES, Province } from './provinces';
import {
  CURRENT_REGIONS,
  FORMER_REGIONS,
  GEO_SCHEMES,
  GeoScheme,
  Region,
  SCHEME_1997,
  SCHEME_2015,
} from './regions';

/** Every geographic code travels with its scheme: MA-01 means two different regions in two schemes. */
export type GeoCode = { readonly scheme: GeoScheme; readonly code: string };

/** What a code designates: a region of either scheme, or a province or prefecture (2015 scheme only). */
export type GeoUnit =
  | { readonly level: 'region'; readonly region: Region }
  | { readonly level: 'province'; readonly province: Province };

export class UnknownGeoScheme extends ReferenceDataError {
  readonly code = 'UNKNOWN_GEO_SCHEME';
  constructor(readonly scheme: unknown) {
    super(`unknown geographic scheme ${JSON.stringify(scheme)}; expected one of ${GEO_SCHEMES.join(', ')}`);
  }
}

export class UnknownGeoCode extends ReferenceDataError {
  readonly code = 'UNKNOWN_GEO_CODE';
  constructor(
    readonly scheme: GeoScheme,
    readonly geoCode: unknown,
  ) {
    super(`${JSON.stringify(geoCode)} is not a code of scheme ${scheme}`);
  }
}

export class UnknownProvince extends ReferenceDataError {
  readonly code = 'UNKNOWN_PROVINCE';
  constructor(readonly provinceCode: string) {
    super(`${JSON.stringify(provinceCode)} is not a province or prefecture of scheme ${SCHEME_2015}`);
  }
}

const byCode = <T extends { code: string }>(items: readonly T[]): ReadonlyMap<string, T> =>
  new Map(items.map((item) => [item.code, item]));

const currentRegions = byCode(CURRENT_REGIONS);
const formerRegions = byCode(FORMER_REGIONS);
const provinces = byCode(PROVINCES);

export const isGeoScheme = (value: unknown): value is GeoScheme =>
  typeof value === 'string' && (GEO_SCHEMES as readonly string[]).includes(value);

/** The region or province a code designates in its scheme, or undefined. */
export const findGeoUnit = (scheme: GeoScheme, code: string): GeoUnit | undefined => {
  if (scheme === SCHEME_1997) {
    const region = formerRegions.get(code);
    return region && { level: 'region', region };
  }
  const region = currentRegions.get(code);
  if (region) return { level: 'region', region };
  const province = provinces.get(code);
  return province && { level: 'province', province };
};

/**
 * Validates untrusted input (`{ scheme, code }`) into a GeoCode. The 1997 scheme only knows its 16
 * regions; provinces and prefectures are recorded under the 2015 scheme.
 */
export const parseGeoCode = (input: unknown): GeoCode => {
  const { scheme, code } = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  if (!isGeoScheme(scheme)) throw new UnknownGeoScheme(scheme);
  if (typeof code !== 'string' || !findGeoUnit(scheme, code)) throw new UnknownGeoCode(scheme, code);
  return { scheme, code };
};

export const isGeoCode = (input: unknown): input is GeoCode => {
  try {
    parseGeoCode(input);
    return true;
  } catch {
    return false;
  }
};

export const findRegion = (code: string, scheme: GeoScheme): Region | undefined =>
  (scheme === SCHEME_2015 ? currentRegions : formerRegions).get(code);

export const findProvince = (code: string): Province | undefined => provinces.get(code);

/** Name of a region or province in `lang` (with the fallbacks of `localized`). */
export const geoName = (geo: GeoCode, lang: AnyLang): string => {
  const unit = findGeoUnit(geo.scheme, geo.code);
  if (!unit) throw new UnknownGeoCode(geo.scheme, geo.code);
  return localized(unit.level === 'region' ? unit.region.names : unit.province.names, lang);
};

/** The 2015 region a province or prefecture belongs to. */
export const currentRegionOfProvince = (provinceCode: string): Region<typeof SCHEME_2015> => {
  const province = provinces.get(provinceCode);
  if (!province) throw new UnknownProvince(provinceCode);
  return currentRegions.get(province.region) as Region<typeof SCHEME_2015>;
};

/** Provinces and prefectures of a region: today's for a 2015 code, those it had for a 1997 code. */
export const provincesOf = (regionCode: string, scheme: GeoScheme): readonly Province[] => {
  if (!findRegion(regionCode, scheme)) throw new UnknownGeoCode(scheme, regionCode);
  return PROVINCES.filter((p) => (scheme === SCHEME_2015 ? p.region : p.formerRegion) === regionCode);
};

/**
 * Today's region(s) for a code of either scheme: a 1997 region lands, through its provinces, in
 * every 2015 region that holds one of them (in code order); a 2015 region or province in one region.
 */
export const regionsFor = (code: string, scheme: GeoScheme): readonly Region<typeof SCHEME_2015>[] => {
  const unit = findGeoUnit(scheme, code);
  if (!unit) throw new UnknownGeoCode(scheme, code);
  if (unit.level === 'province') return [currentRegionOfProvince(unit.province.code)];
  if (scheme === SCHEME_2015) return [unit.region as Region<typeof SCHEME_2015>];
  const landing = new Set(provincesOf(code, scheme).map((p) => p.region));
  return CURRENT_REGIONS.filter((r) => landing.has(r.code));
};
