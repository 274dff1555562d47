import { describe, expect, it } from 'vitest';
import { emptyProposal, proposalBody, proposalFormOf } from './proposal-form';

describe('the proposal form', () => {
  it('sends amounts in minor units, a region in the 2015 scheme, and leaves out what was left blank', () => {
    const form = {
      ...emptyProposal('MAD'),
      title: { fr: ' Eau potable ', ar: '' },
      summary: { fr: 'Réseau de 12 km' },
      sectors: ['14030', 'not-a-code'],
      region: 'MA-09',
      amountRequested: { text: '1 250 000,50', currency: 'MAD' },
      documents: [{ documentId: 'doc-1', kind: 'budget' as const, name: ' budget.pdf ', sha256: 'ab' }],
    };
    expect(proposalBody(form)).toEqual({
      title: { fr: 'Eau potable' },
      summary: { fr: 'Réseau de 12 km' },
      sectors: ['14030'],
      region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
      amountRequested: { amountMinor: 125000050, currency: 'MAD' },
      documents: [{ documentId: 'doc-1', kind: 'budget', name: 'budget.pdf', sha256: 'ab' }],
    });
  });

  it('sends an amount that is not one as 0, for the platform to refuse under its field', () => {
    const form = { ...emptyProposal('EUR'), coFinancing: { text: 'beaucoup', currency: 'EUR' } };
    expect(proposalBody(form).coFinancing).toEqual({ amountMinor: 0, currency: 'EUR' });
  });

  it('starts an edit from the draft as it was saved', () => {
    const form = proposalFormOf({
      proposal: {
        title: { fr: 'Titre', en: 'Title' },
        summary: { fr: 'Résumé' },
        sectors: ['14030'],
        region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
        amountRequested: { amountMinor: 25000050, currency: 'USD' },
        coFinancing: { amountMinor: 0, currency: 'USD' },
        documents: [{ documentId: 'd', kind: 'statutes', name: 's.pdf', sha256: 'ff' }],
      },
    });
    expect(form).toEqual({
      title: { fr: 'Titre', ar: undefined, en: 'Title' },
      summary: { fr: 'Résumé', ar: undefined, en: undefined },
      sectors: ['14030'],
      region: 'MA-09',
      amountRequested: { text: '250000.50', currency: 'USD' },
      coFinancing: { text: '0', currency: 'USD' },
      documents: [{ documentId: 'd', kind: 'statutes', name: 's.pdf', sha256: 'ff' }],
    });
  });
});
