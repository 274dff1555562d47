import { describe, expect, it } from 'vitest';
import { byOriginProvince } from './origin-provinces';

describe('associations by province of origin', () => {
  it('counts an association under each of its provinces when they all lie in the region', () => {
    expect(
      byOriginProvince(
        [
          { originProvinces: ['MA-TIZ', 'MA-TAR'], originProvinceRegions: ['MA-09'] },
          { originProvinces: ['MA-TIZ'], originProvinceRegions: ['MA-09'] },
        ],
        'MA-09',
      ),
    ).toEqual([
      { province: 'MA-TIZ', associations: 2 },
      { province: 'MA-TAR', associations: 1 },
    ]);
  });

  it('counts under the region itself an origin declared by region or spread over several regions', () => {
    expect(
      byOriginProvince(
        [
          { originProvinces: [], originRegions: ['MA-09'] },
          { originProvinces: ['MA-TIZ', 'MA-CAS'], originProvinceRegions: ['MA-06', 'MA-09'] },
        ],
        'MA-09',
      ),
    ).toEqual([{ province: null, associations: 2 }]);
  });
});
