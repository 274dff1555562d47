import { describe, expect, it } from 'vitest';
import { callTermsBody, callTermsForm, CallTermsForm, emptyCallTerms } from './call-terms-form';

const FORM: CallTermsForm = {
  ...emptyCallTerms({ programmeId: 'programme-water', envelopeId: 'envelope-water', currency: 'MAD' }),
  title: { fr: ' Eau potable ', ar: 'الماء الصالح للشرب', en: '' },
  summary: { fr: 'Projets d’eau.' },
  budget: { text: '3 000 000', currency: 'MAD' },
  hostCountries: ['FR'],
  originRegions: ['MA-09'],
  sectors: ['14030', '12230'],
  minCoFinancingPercent: '10',
  criteria: [
    { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: '60', threshold: '50' },
    { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: '40', threshold: '0' },
  ],
  overallThreshold: '60',
  evaluatorsPerProposal: '3',
  deadline: '2026-06-30T23:59',
};

describe('the call form', () => {
  it('sends the terms as the API takes them: minor units, whole numbers, the deadline in UTC', () => {
    const body = callTermsBody(FORM);
    expect(body).toMatchObject({
      programmeId: 'programme-water',
      title: { fr: 'Eau potable', ar: 'الماء الصالح للشرب' },
      budget: { amountMinor: 300000000, currency: 'MAD' },
      eligibility: {
        hostCountries: ['FR'],
        originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
        sectors: ['14030', '12230'],
        minCoFinancingPercent: 10,
      },
      awardCriteria: { overallThreshold: 60 },
      evaluatorsPerProposal: 3,
      deadline: '2026-06-30T22:59:00.000Z',
    });
    expect(body.title).not.toHaveProperty('en');
    expect(body.awardCriteria?.criteria.map((c) => c.weight)).toEqual([60, 40]);
  });

  it('leaves to the platform what only it decides: weights not summing to 100 go as typed', () => {
    const body = callTermsBody({
      ...FORM,
      criteria: [{ ...FORM.criteria[0], weight: '70' }, FORM.criteria[1]],
    });
    expect(body.awardCriteria?.criteria.map((c) => c.weight)).toEqual([70, 40]);
    expect(callTermsBody({ ...FORM, overallThreshold: 'soixante' }).awardCriteria?.overallThreshold).toBe(
      'soixante',
    );
  });

  it('reads a draft back into the form as it was typed', () => {
    const read = callTermsForm({ callId: 'call-1', status: 'draft', ...callTermsBody(FORM) });
    expect(read).toEqual({
      ...FORM,
      title: { fr: 'Eau potable', ar: 'الماء الصالح للشرب', en: undefined },
      summary: { fr: 'Projets d’eau.', ar: undefined, en: undefined },
      budget: { text: '3000000.00', currency: 'MAD' },
      sectors: ['14030', '12230'],
      criteria: FORM.criteria.map((c) => ({ ...c, name: { fr: c.name.fr, ar: undefined, en: undefined } })),
    });
  });
});
