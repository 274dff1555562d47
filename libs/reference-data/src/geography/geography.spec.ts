import { LocalizedNames } from '../languages/languages';
import {
  currentRegionOfProvince,
  findProvince,
  geoName,
  isGeoCode,
  parseGeoCode,
  provincesOf,
  regionsFor,
  UnknownGeoCode,
  UnknownGeoScheme,
  UnknownProvince,
} from './geo-code';
import { PROVINCES } from './provinces';
import { CURRENT_REGIONS, FORMER_REGIONS, SCHEME_1997, SCHEME_2015 } from './regions';

const ARABIC_LETTER = /[\u0621-\u064A]/;
const codes = (items: readonly { code: string }[]) => items.map((i) => i.code);

describe('regions and provinces', () => {
  it('has exactly the 12 regions of the 2015 decree, MA-01 to MA-12', () => {
    expect(codes(CURRENT_REGIONS)).toEqual(
      Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
    );
    expect(CURRENT_REGIONS.every((r) => r.scheme === SCHEME_2015)).toBe(true);
  });

  it('has exactly the 16 regions of the 1997 scheme, MA-01 to MA-16', () => {
    expect(codes(FORMER_REGIONS)).toEqual(
      Array.from({ length: 16 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
    );
    expect(FORMER_REGIONS.every((r) => r.scheme === SCHEME_1997)).toBe(true);
  });

  it('has 75 provinces and prefectures with unique ISO 3166-2 codes, 13 of them prefectures', () => {
    expect(PROVINCES).toHaveLength(75);
    expect(new Set(codes(PROVINCES)).size).toBe(75);
    expect(PROVINCES.every((p) => /^MA-[A-Z]{3}$/.test(p.code))).toBe(true);
    expect(PROVINCES.filter((p) => p.kind === 'prefecture')).toHaveLength(13);
  });

  it('maps every province to an existing current region and an existing former region', () => {
    const current = new Set(codes(CURRENT_REGIONS));
    const former = new Set(codes(FORMER_REGIONS));
    for (const province of PROVINCES) {
      expect([province.code, current.has(province.region)]).toEqual([province.code, true]);
      expect([province.code, former.has(province.formerRegion)]).toEqual([province.code, true]);
    }
  });

  it('gives every current and every former region at least one province', () => {
    for (const region of CURRENT_REGIONS)
      expect(provincesOf(region.code, SCHEME_2015).length).toBeGreaterThan(0);
    for (const region of FORMER_REGIONS)
      expect(provincesOf(region.code, SCHEME_1997).length).toBeGreaterThan(0);
  });
});

describe('names', () => {
  const named: [string, LocalizedNames][] = [
    ...CURRENT_REGIONS.map((r): [string, LocalizedNames] => [`2015 ${r.code}`, r.names]),
    ...FORMER_REGIONS.map((r): [string, LocalizedNames] => [`1997 ${r.code}`, r.names]),
    ...PROVINCES.map((p): [string, LocalizedNames] => [p.code, p.names]),
  ];

  it.each(named)('%s has a name in ar, fr and en, the Arabic one in Arabic letters', (_, names) => {
    for (const lang of ['ar', 'fr', 'en'] as const) expect(names[lang].trim()).not.toBe('');
    expect(names.ar).toMatch(ARABIC_LETTER);
    expect(names.fr).not.toMatch(ARABIC_LETTER);
    expect(names.en).not.toMatch(ARABIC_LETTER);
  });

  it.each(named)('%s carries no map-file annotation', (_, names) => {
    for (const name of Object.values(names)) {
      expect(name).not.toMatch(/[()[\]]/);
      expect(name).not.toMatch(/\b(r[ée]gion|province|pr[ée]fecture|EH)\b/i);
      expect(name).not.toMatch(/^(جهة|إقليم|عمالة)\s/);
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(/\s{2}/);
    }
  });
});

describe('geographic codes', () => {
  it('resolves a province code to its current region', () => {
    expect(currentRegionOfProvince('MA-TIZ').code).toBe('MA-09');
    expect(currentRegionOfProvince('MA-FIG').names.fr).toBe("L'Oriental");
    expect(findProvince('MA-AGD')).toMatchObject({
      kind: 'prefecture',
      names: { fr: 'Agadir-Ida-Ou-Tanane' },
    });
  });

  it('lands former Souss-Massa-Drâa in Drâa-Tafilalet, Souss-Massa and Guelmim-Oued Noun', () => {
    expect(FORMER_REGIONS.find((r) => r.code === 'MA-13')?.names.fr).toBe('Souss-Massa-Drâa');
    expect(codes(regionsFor('MA-13', SCHEME_1997))).toEqual(['MA-08', 'MA-09', 'MA-10']);
  });

  it('reads a reused code by its scheme: MA-01 of 1997 is Tanger-Tétouan, now within Tanger-Tétouan-Al Hoceïma', () => {
    expect(geoName({ scheme: SCHEME_1997, code: 'MA-01' }, 'fr')).toBe('Tanger-Tétouan');
    expect(geoName({ scheme: SCHEME_2015, code: 'MA-01' }, 'fr')).toBe('Tanger-Tétouan-Al Hoceïma');
    expect(codes(regionsFor('MA-01', SCHEME_1997))).toEqual(['MA-01']);
  });

  it('lands a split former region in every region that took one of its provinces', () => {
    expect(codes(regionsFor('MA-03', SCHEME_1997))).toEqual(['MA-01', 'MA-02', 'MA-03']);
    expect(codes(regionsFor('MA-06', SCHEME_1997))).toEqual(['MA-03', 'MA-05', 'MA-08']);
  });

  it('keeps a current region or province in one current region', () => {
    expect(codes(regionsFor('MA-06', SCHEME_2015))).toEqual(['MA-06']);
    expect(codes(regionsFor('MA-SIF', SCHEME_2015))).toEqual(['MA-10']);
  });

  it('parses a known code with its scheme', () => {
    expect(parseGeoCode({ scheme: 'iso3166-2:2015', code: 'MA-OUJ' })).toEqual({
      scheme: SCHEME_2015,
      code: 'MA-OUJ',
    });
    expect(parseGeoCode({ scheme: 'iso3166-2:1997', code: 'MA-16' })).toEqual({
      scheme: SCHEME_1997,
      code: 'MA-16',
    });
  });

  it('rejects a code under the wrong scheme', () => {
    expect(() => parseGeoCode({ scheme: SCHEME_2015, code: 'MA-13' })).toThrow(UnknownGeoCode);
    expect(() => parseGeoCode({ scheme: SCHEME_1997, code: 'MA-AGD' })).toThrow(UnknownGeoCode);
    expect(() => regionsFor('MA-14', SCHEME_2015)).toThrow(UnknownGeoCode);
  });

  it('rejects unknown schemes, unknown codes and malformed input with typed errors', () => {
    expect(() => parseGeoCode({ scheme: 'iso3166-2', code: 'MA-01' })).toThrow(UnknownGeoScheme);
    expect(() => parseGeoCode({ scheme: SCHEME_2015, code: 'ma-01' })).toThrow(UnknownGeoCode);
    expect(() => parseGeoCode('MA-01')).toThrow(UnknownGeoScheme);
    expect(() => currentRegionOfProvince('MA-01')).toThrow(UnknownProvince);
    expect(isGeoCode({ scheme: SCHEME_2015, code: 'MA-12' })).toBe(true);
    expect(isGeoCode({ scheme: SCHEME_2015, code: 'MA-13' })).toBe(false);
    const error = (() => {
      try {
        parseGeoCode({ scheme: SCHEME_2015, code: 'MA-99' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'UNKNOWN_GEO_CODE', scheme: SCHEME_2015, geoCode: 'MA-99' });
  });
});
