import { useQuery } from '@tanstack/react-query';
import { regionFiguresQuery } from '../../api/queries';
import { usePreferences } from '../../i18n/PreferencesProvider';

/**
 * Our names of the 12 regions (reference data, through GET /api/registry/map/regions) in the
 * reader's language; the code while they load.
 */
export function useRegionNames(): {
  regions: { code: string; name: string }[];
  nameOf(code: string): string;
} {
  const { language } = usePreferences();
  const { data } = useQuery(regionFiguresQuery);
  const regions = (data ?? []).map((r) => ({ code: r.region, name: r.names[language] }));
  return {
    regions,
    nameOf: (code) => regions.find((r) => r.code === code)?.name ?? code,
  };
}
