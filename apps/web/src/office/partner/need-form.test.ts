import { describe, expect, it } from 'vitest';
import { emptyNeed, needBody } from './need-form';

describe('publishing a need', () => {
  it('places the need in the province when one is given, else in the region, with the budget in minor units', () => {
    const form = {
      ...emptyNeed('MA-09'),
      province: ' ma-tiz ',
      sector: '14030',
      priority: 'high' as const,
      title: { fr: 'Eau potable à Tafraout', ar: 'تزويد تافراوت بالماء' },
      description: { fr: 'Réseau de 12 km.' },
      estimatedBudget: { text: '3 500 000', currency: 'MAD' },
    };
    expect(needBody('need-1', form)).toEqual({
      needId: 'need-1',
      location: { scheme: 'iso3166-2:2015', code: 'MA-TIZ' },
      sector: '14030',
      priority: 'high',
      title: { fr: 'Eau potable à Tafraout', ar: 'تزويد تافراوت بالماء' },
      description: { fr: 'Réseau de 12 km.' },
      estimatedBudget: { amountMinor: 350000000, currency: 'MAD' },
    });
    expect(needBody('need-1', { ...form, province: '' }).location.code).toBe('MA-09');
  });

  it('sends a budget that is not an amount as 0, for the platform to refuse under its field', () => {
    expect(
      needBody('n', { ...emptyNeed('MA-09'), estimatedBudget: { text: 'x', currency: 'EUR' } })
        .estimatedBudget,
    ).toEqual({
      amountMinor: 0,
      currency: 'EUR',
    });
  });
});
