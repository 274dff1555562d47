import fc from 'fast-check';
import { NO_ELIGIBILITY_RULES } from '../call-for-proposals/eligibility-rules';
import { coFinancingPercent, screenEligibility, ScreenedFacts } from './eligibility-screening';
import { eligibleChecks, proposal, terms, usd, verifiedAssociation } from './grant-application.fixtures';

const facts: ScreenedFacts = { association: verifiedAssociation, proposal, callCurrency: 'USD' };
const rules = terms.eligibility;
const failedRules = (f: ScreenedFacts, r = rules) => screenEligibility(r, f).reasons.map((c) => c.rule);

describe('eligibility screening', () => {
  it('passes an application that meets every rule, listing each check', () => {
    expect(screenEligibility(rules, facts)).toEqual({ eligible: true, checks: eligibleChecks, reasons: [] });
  });

  it('applies only the verified status and the currency when the call sets no rule', () => {
    expect(screenEligibility(NO_ELIGIBILITY_RULES, facts).checks.map((c) => c.rule)).toEqual([
      'association-verified',
      'currency',
    ]);
  });

  it('gives the reasons of an ineligible application', () => {
    expect(
      failedRules({
        association: { ...verifiedAssociation, status: 'suspended', hostCountries: ['CA'] },
        proposal: { ...proposal, region: { scheme: 'iso3166-2:2015', code: 'MA-01' }, sectors: ['12220'] },
        callCurrency: 'USD',
      }),
    ).toEqual(['association-verified', 'host-country', 'origin-region', 'sector']);
  });

  it('refuses a request above the maximum or in another currency', () => {
    expect(failedRules({ ...facts, proposal: { ...proposal, amountRequested: usd(25_000_001) } })).toEqual([
      'max-amount',
    ]);
    const eur = { amountMinor: 100, currency: 'EUR' as const };
    expect(
      failedRules({ ...facts, proposal: { ...proposal, amountRequested: eur, coFinancing: eur } }),
    ).toEqual(['currency', 'max-amount']);
  });

  it('counts co-financing as a share of the total cost, exactly, in integers', () => {
    const withShares = (requested: number, brought: number) => ({
      ...facts,
      proposal: { ...proposal, amountRequested: usd(requested), coFinancing: usd(brought) },
    });
    const open = { ...rules, maxAmountRequested: null };
    expect(failedRules(withShares(900, 100), open)).toEqual([]); // exactly 10 %
    expect(failedRules(withShares(901, 100), open)).toEqual(['co-financing']); // 9.99 %
    expect(coFinancingPercent(2 ** 52, 2 ** 52)).toBe(50);
    expect(failedRules(withShares(2 ** 52, 2 ** 52), open)).toEqual([]);
  });

  it('is eligible exactly when no check failed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('verified', 'suspended', 'submitted'),
        fc.subarray(['FR', 'BE', 'DE', 'NL']),
        fc.integer({ min: 1, max: 40_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (status, hostCountries, requested, brought) => {
          const screening = screenEligibility(rules, {
            association: { ...verifiedAssociation, status: status as 'verified', hostCountries },
            proposal: { ...proposal, amountRequested: usd(requested), coFinancing: usd(brought) },
            callCurrency: 'USD',
          });
          expect(screening.eligible).toBe(screening.reasons.length === 0);
          expect(screening.reasons).toEqual(screening.checks.filter((c) => !c.passed));
        },
      ),
    );
  });
});
