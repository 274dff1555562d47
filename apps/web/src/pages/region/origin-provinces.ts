import { ApiRecord, textListField } from '../../api/record-fields';

export interface ProvinceCount {
  /** A province or prefecture code, or null for associations whose origin in the region is the region itself. */
  province: string | null;
  associations: number;
}

/**
 * Associations of a region counted by their province of origin. A directory item lists its
 * provinces of origin and the regions of those provinces, but not which province lies in which
 * region: an association's provinces count for the region only when all of them lie in it;
 * otherwise (origin declared at region level, or provinces in several regions) it counts as the
 * region's without a province. Provinces come first, most associations first; the region itself last.
 */
export function byOriginProvince(associations: readonly ApiRecord[], region: string): ProvinceCount[] {
  const counts = new Map<string | null, number>();
  for (const association of associations) {
    const provinces = textListField(association, 'originProvinces');
    const provinceRegions = textListField(association, 'originProvinceRegions');
    const inRegion = provinces.length > 0 && provinceRegions.length === 1 && provinceRegions[0] === region;
    for (const province of inRegion ? provinces : [null])
      counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  return [...counts]
    .map(([province, count]) => ({ province, associations: count }))
    .sort(
      (a, b) =>
        Number(a.province === null) - Number(b.province === null) ||
        b.associations - a.associations ||
        (a.province ?? '').localeCompare(b.province ?? ''),
    );
}
