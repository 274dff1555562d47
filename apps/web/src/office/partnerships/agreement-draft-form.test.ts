import { describe, expect, it } from 'vitest';
import { draftBody, emptyDraft } from './agreement-draft-form';

describe('drafting an agreement', () => {
  it('sends the object without blank languages, each party with its money commitment in minor units, regions in the 2015 scheme', () => {
    const form = emptyDraft();
    form.object = { fr: ' Convention eau ', ar: 'اتفاقية الماء', en: '  ' };
    form.parties[0].commitment = { text: '1 900 000', currency: 'MAD' };
    form.parties[1] = {
      partyId: ' assoc-md ',
      partyKind: 'association',
      roles: ['implementing'],
      commitment: { text: '', currency: 'MAD' },
    };
    form.startDate = '2027-01-01';
    form.endDate = '2028-12-31';
    form.sectors = ['14030'];
    form.regions = ['MA-09'];
    expect(draftBody('agreement-1', form)).toEqual({
      agreementId: 'agreement-1',
      object: { fr: 'Convention eau', ar: 'اتفاقية الماء' },
      parties: [
        {
          partyId: 'actor-ministry',
          partyKind: 'ministry',
          roles: ['funding', 'accountable'],
          commitments: [{ kind: 'money', amount: { amountMinor: 190_000_000, currency: 'MAD' } }],
        },
        { partyId: 'assoc-md', partyKind: 'association', roles: ['implementing'], commitments: [] },
      ],
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      sectors: ['14030'],
      regions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
    });
  });

  it('sends an amount typed wrong as not a number, for the platform to refuse under the party’s field', () => {
    const form = emptyDraft();
    form.parties[0].commitment = { text: 'beaucoup', currency: 'EUR' };
    const amount = draftBody('a', form).parties[0].commitments[0].amount;
    expect(amount?.currency).toBe('EUR');
    expect(JSON.parse(JSON.stringify(amount))).toEqual({ amountMinor: null, currency: 'EUR' });
  });
});
