import { describe, expect, it } from 'vitest';
import type { RegionAggregateDto } from '../../api/generated';
import { largestCounts, needFigures } from './programme-figures';

const region = (code: string, part: Partial<RegionAggregateDto>): RegionAggregateDto => ({
  region: code,
  names: { ar: code, fr: code, en: code },
  associations: 0,
  openNeeds: 0,
  openNeedsBySector: {},
  openBudget: {},
  ...part,
});

describe('the programme in figures', () => {
  it('adds up the regions’ open needs, and each currency’s budget exactly', () => {
    const figures = needFigures([
      region('MA-09', { associations: 3, openNeeds: 2, openBudget: { MAD: '9007199254740993', EUR: '100' } }),
      region('MA-01', { associations: 1, openNeeds: 1, openBudget: { MAD: '7' } }),
      region('MA-12', {}),
    ]);
    expect(figures).toEqual({
      openNeeds: 3,
      openBudget: [
        { currency: 'EUR', amountMinor: 100n },
        { currency: 'MAD', amountMinor: 9007199254741000n },
      ],
    });
  });

  it('ranks counts largest first, ties by code, and keeps the first ones', () => {
    expect(largestCounts({ NL: 1, FR: 5, BE: 2, ES: 2, IT: 1 }, 4)).toEqual([
      { code: 'FR', count: 5 },
      { code: 'BE', count: 2 },
      { code: 'ES', count: 2 },
      { code: 'IT', count: 1 },
    ]);
    expect(largestCounts({}, 10)).toEqual([]);
  });
});
