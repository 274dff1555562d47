import fc from 'fast-check';
import {
  AssociationCandidate,
  FunderCandidate,
  matchAssociations,
  matchFunders,
  NeedToMatch,
} from './matching';

const need: NeedToMatch = {
  location: { scheme: 'iso3166-2:2015', code: 'MA-TIZ' },
  sector: '14030',
  estimatedBudget: { amountMinor: 100_000_000, currency: 'MAD' },
};
const candidate = (
  associationId: string,
  over: Partial<AssociationCandidate> = {},
): AssociationCandidate => ({
  associationId,
  originRegions: [],
  originProvinces: [],
  sectors: [],
  completedProjects: 0,
  certifiedManagers: 0,
  ...over,
});

describe('matchAssociations', () => {
  it('ranks same province over same region over no origin tie, with the reason of each part', () => {
    const ranked = matchAssociations(need, [
      candidate('c-none'),
      candidate('b-region', { originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }] }),
      candidate('a-province', { originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-TIZ' }] }),
    ]);
    expect(ranked.map((m) => [m.id, m.score])).toEqual([
      ['a-province', 40],
      ['b-region', 25],
      ['c-none', 0],
    ]);
    expect(ranked[0].reasons[0]).toEqual({
      code: 'same-province',
      points: 40,
      text: {
        ar: 'أعضاؤها منحدرون من إقليم تيزنيت',
        fr: 'Ses membres sont originaires de la province Tiznit',
        en: 'Its members come from the province of Tiznit',
      },
    });
  });

  it('lands an origin recorded in the 1997 scheme in today’s region', () => {
    // MA-13 Souss-Massa-Drâa (1997) holds provinces now in Souss-Massa (MA-09).
    const [match] = matchAssociations(need, [
      candidate('old', { originRegions: [{ scheme: 'iso3166-2:1997', code: 'MA-13' }] }),
    ]);
    expect(match.reasons[0].code).toBe('same-region');
  });

  it('scores the sector, the track record and training, capped at 100', () => {
    const [match] = matchAssociations(need, [
      candidate('md', {
        originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-TIZ' }],
        sectors: ['14030'],
        completedProjects: 12,
        certifiedManagers: 4,
      }),
    ]);
    expect(match.score).toBe(100);
    expect(match.reasons.map((r) => [r.code, r.points])).toEqual([
      ['same-province', 40],
      ['same-sector', 30],
      ['track-record', 15],
      ['training', 15],
    ]);
  });

  it('gives half the sector points for a related sector', () => {
    const [match] = matchAssociations(need, [candidate('x', { sectors: ['14020'] })]);
    expect(match.reasons[1]).toMatchObject({ code: 'related-sector', points: 15 });
  });

  it('breaks ties by id, whatever the input order', () => {
    const ids = matchAssociations(need, [candidate('b'), candidate('c'), candidate('a')]).map((m) => m.id);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('always scores 0-100 as the sum of its reasons, in a deterministic order', () => {
    const region = fc.constantFrom(
      { scheme: 'iso3166-2:2015' as const, code: 'MA-09' },
      { scheme: 'iso3166-2:2015' as const, code: 'MA-02' },
      { scheme: 'iso3166-2:1997' as const, code: 'MA-13' },
    );
    const province = fc.constantFrom(
      { scheme: 'iso3166-2:2015' as const, code: 'MA-TIZ' },
      { scheme: 'iso3166-2:2015' as const, code: 'MA-AGD' },
      { scheme: 'iso3166-2:2015' as const, code: 'MA-FIG' },
    );
    const arbitraryCandidate = fc.record({
      associationId: fc.stringMatching(/^[a-z]{1,4}$/),
      originRegions: fc.array(region, { maxLength: 2 }),
      originProvinces: fc.array(province, { maxLength: 2 }),
      sectors: fc.array(fc.constantFrom('14030', '14020', '12220', '23630'), { maxLength: 3 }),
      completedProjects: fc.nat(20),
      certifiedManagers: fc.nat(10),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryCandidate, { maxLength: 8, selector: (c) => c.associationId }),
        (candidates) => {
          const ranked = matchAssociations(need, candidates);
          for (const m of ranked) {
            expect(m.score).toBe(m.reasons.reduce((s, r) => s + r.points, 0));
            expect(m.score).toBeGreaterThanOrEqual(0);
            expect(m.score).toBeLessThanOrEqual(100);
          }
          expect(matchAssociations(need, [...candidates].reverse())).toEqual(ranked);
        },
      ),
    );
  });
});

describe('matchFunders', () => {
  const funder = (funderId: string, over: Partial<FunderCandidate> = {}): FunderCandidate => ({
    funderId,
    sectors: ['14030'],
    regions: [],
    budgetCapacity: { amountMinor: 200_000_000, currency: 'MAD' },
    ...over,
  });

  it('ranks funders by sector, region funded and budget capacity, with reasons', () => {
    const ranked = matchFunders(need, [
      funder('eu', { regions: [{ scheme: 'iso3166-2:2015', code: 'MA-02' }] }),
      funder('iom'),
      funder('adm', { budgetCapacity: { amountMinor: 50_000_000, currency: 'MAD' } }),
    ]);
    expect(ranked.map((m) => [m.id, m.score])).toEqual([
      ['iom', 100],
      ['adm', 85],
      ['eu', 70],
    ]);
    expect(ranked[1].reasons[2]).toMatchObject({ code: 'budget-partial', points: 15 });
    expect(ranked[1].reasons[2].text.fr).toBe('Couvre une partie du budget (500000.00 MAD)');
  });

  it('does not convert a capacity in another currency without a dated rate', () => {
    const [match] = matchFunders(need, [
      funder('iom', { budgetCapacity: { amountMinor: 50_000_000, currency: 'USD' } }),
    ]);
    expect(match.reasons[2]).toMatchObject({ code: 'budget-other-currency', points: 0 });
  });

  it('breaks ties by id, and the reasons sum to the score', () => {
    const ranked = matchFunders(need, [funder('z'), funder('m'), funder('a')]);
    expect(ranked.map((m) => m.id)).toEqual(['a', 'm', 'z']);
    for (const m of ranked) expect(m.score).toBe(m.reasons.reduce((s, r) => s + r.points, 0));
  });
});
