import { describe, expect, it } from 'vitest';
import type { RegionAggregateDto } from '../../api/generated';
import { programmeFigures } from './programme-figures';

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
  it('adds up the regions, and each currency’s budget exactly', () => {
    const figures = programmeFigures([
      region('MA-09', { associations: 3, openNeeds: 2, openBudget: { MAD: '9007199254740993', EUR: '100' } }),
      region('MA-01', { associations: 1, openNeeds: 1, openBudget: { MAD: '7' } }),
      region('MA-12', {}),
    ]);
    expect(figures).toEqual({
      associations: 4,
      openNeeds: 3,
      regionsWithAssociations: 2,
      openBudget: [
        { currency: 'EUR', amountMinor: 100n },
        { currency: 'MAD', amountMinor: 9007199254741000n },
      ],
    });
  });
});
