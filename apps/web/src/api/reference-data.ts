import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatCountry } from '../format/countries';
import { usePreferences } from '../i18n/PreferencesProvider';
import { referenceDataControllerGet, type ReferenceDataDto } from './generated';

export const referenceDataQuery = {
  queryKey: ['registry', 'reference-data'] as const,
  queryFn: async () => (await referenceDataControllerGet({ throwOnError: true })).data,
  // Part of the platform's code: it changes only with a release.
  staleTime: Infinity,
};

export interface Option {
  value: string;
  label: string;
}

export interface ReferenceNames {
  loaded: boolean;
  sectors: Option[];
  regions: Option[];
  /** Provinces and prefectures, each labelled with its region. */
  provinces: Option[];
  hostCountries: Option[];
  currencies: string[];
  /** A code's name in the reader's language (the code itself while loading or when unknown). */
  sectorName(code: string): string;
  regionName(code: string): string;
  provinceName(code: string): string;
  /** The region a province belongs to (undefined when unknown). */
  regionOf(provinceCode: string): string | undefined;
}

const byLabel = (collator: Intl.Collator) => (a: Option, b: Option) => collator.compare(a.label, b.label);

/**
 * The platform's reference data (GET /api/registry/reference-data) named in the reader's
 * language: forms offer these options instead of codes typed by hand, lists show names.
 */
export function useReferenceNames(): ReferenceNames {
  const { language, locale } = usePreferences();
  const { data } = useQuery(referenceDataQuery);
  return useMemo(() => {
    const reference: ReferenceDataDto = data ?? {
      regions: [],
      provinces: [],
      sectors: [],
      hostCountries: [],
      currencies: ['MAD', 'EUR', 'USD'],
    };
    const collator = new Intl.Collator(language);
    const regionNames = new Map(reference.regions.map((r) => [r.code, r.names[language]]));
    const provinceNames = new Map(reference.provinces.map((p) => [p.code, p.names[language]]));
    const sectorNames = new Map(reference.sectors.map((s) => [s.code, s.names[language]]));
    const provinceRegion = new Map(reference.provinces.map((p) => [p.code, p.region]));
    return {
      loaded: data !== undefined,
      sectors: reference.sectors
        .map((s) => ({ value: s.code, label: `${s.names[language]} (${s.code})` }))
        .sort(byLabel(collator)),
      regions: reference.regions.map((r) => ({ value: r.code, label: r.names[language] })),
      provinces: reference.provinces
        .map((p) => ({
          value: p.code,
          label: `${p.names[language]} — ${regionNames.get(p.region) ?? p.region}`,
        }))
        .sort(byLabel(collator)),
      hostCountries: reference.hostCountries
        .map((code) => ({ value: code, label: formatCountry(code, locale) }))
        .sort(byLabel(collator)),
      currencies: reference.currencies,
      sectorName: (code) => sectorNames.get(code) ?? code,
      regionName: (code) => regionNames.get(code) ?? code,
      provinceName: (code) => provinceNames.get(code) ?? code,
      regionOf: (code) => provinceRegion.get(code),
    };
  }, [data, language, locale]);
}
