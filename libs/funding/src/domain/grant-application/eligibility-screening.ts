import { CurrencyCode } from '@tadamon/reference-data';
import { EligibilityRules } from '../call-for-proposals/eligibility-rules';
import { ProjectProposal } from './project-proposal';

/** The association's Registry status, as Funding learnt it from the Registry's integration events. */
export const ASSOCIATION_STATUSES = [
  'submitted',
  'verified',
  'rejected',
  'suspended',
  'dissolved',
  'merged',
] as const;
export type AssociationStatus = (typeof ASSOCIATION_STATUSES)[number];

/** What the application layer knows of the applicant from the Registry, passed in the command. */
export type AssociationFacts = {
  readonly associationId: string;
  readonly status: AssociationStatus;
  readonly hostCountries: readonly string[];
};

export type EligibilityRuleCode =
  | 'association-verified'
  | 'currency'
  | 'host-country'
  | 'origin-region'
  | 'sector'
  | 'max-amount'
  | 'co-financing';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** One rule applied: what the call expects and what the application shows, for any language's text. */
export type EligibilityCheck = {
  readonly rule: EligibilityRuleCode;
  readonly passed: boolean;
  readonly expected: Json;
  readonly actual: Json;
};

export type EligibilityScreening = {
  readonly eligible: boolean;
  /** Every rule that applied, in a fixed order. */
  readonly checks: readonly EligibilityCheck[];
  /** The failed checks: the reasons an application is ineligible. */
  readonly reasons: readonly EligibilityCheck[];
};

export type ScreenedFacts = {
  readonly association: AssociationFacts;
  readonly proposal: Pick<ProjectProposal, 'sectors' | 'region' | 'amountRequested' | 'coFinancing'>;
  readonly callCurrency: CurrencyCode;
};

const check = (
  rule: EligibilityRuleCode,
  passed: boolean,
  expected: Json,
  actual: Json,
): EligibilityCheck => ({
  rule,
  passed,
  expected,
  actual,
});

/** Share of the total cost brought as co-financing, in whole percent rounded down (BigInt: no overflow). */
export const coFinancingPercent = (requestedMinor: number, coFinancingMinor: number): number => {
  const total = BigInt(requestedMinor) + BigInt(coFinancingMinor);
  return total === 0n ? 0 : Number((BigInt(coFinancingMinor) * 100n) / total);
};

/**
 * Screens an application against the call's rules: a pure function of the rules and the facts, so
 * the same screening is recomputed at audit. A rule with an empty list (or none) is not applied.
 */
export const screenEligibility = (rules: EligibilityRules, facts: ScreenedFacts): EligibilityScreening => {
  const { association, proposal, callCurrency } = facts;
  const checks: EligibilityCheck[] = [
    check('association-verified', association.status === 'verified', 'verified', association.status),
    check(
      'currency',
      proposal.amountRequested.currency === callCurrency,
      callCurrency,
      proposal.amountRequested.currency,
    ),
  ];
  if (rules.hostCountries.length > 0) {
    checks.push(
      check(
        'host-country',
        association.hostCountries.some((c) => rules.hostCountries.includes(c)),
        [...rules.hostCountries],
        [...association.hostCountries],
      ),
    );
  }
  if (rules.originRegions.length > 0) {
    checks.push(
      check(
        'origin-region',
        rules.originRegions.some((r) => r.code === proposal.region.code),
        rules.originRegions.map((r) => r.code),
        proposal.region.code,
      ),
    );
  }
  if (rules.sectors.length > 0) {
    checks.push(
      check(
        'sector',
        proposal.sectors.some((s) => rules.sectors.includes(s)),
        [...rules.sectors],
        [...proposal.sectors],
      ),
    );
  }
  if (rules.maxAmountRequested !== null) {
    const max = rules.maxAmountRequested;
    checks.push(
      check(
        'max-amount',
        proposal.amountRequested.currency === max.currency &&
          proposal.amountRequested.amountMinor <= max.amountMinor,
        { ...max },
        { ...proposal.amountRequested },
      ),
    );
  }
  if (rules.minCoFinancingPercent > 0) {
    const requested = BigInt(proposal.amountRequested.amountMinor);
    const brought = BigInt(proposal.coFinancing.amountMinor);
    // brought / (requested + brought) >= min%, in integers.
    const passed =
      proposal.coFinancing.currency === proposal.amountRequested.currency &&
      brought * 100n >= BigInt(rules.minCoFinancingPercent) * (requested + brought);
    checks.push(
      check(
        'co-financing',
        passed,
        rules.minCoFinancingPercent,
        coFinancingPercent(proposal.amountRequested.amountMinor, proposal.coFinancing.amountMinor),
      ),
    );
  }
  const reasons = checks.filter((c) => !c.passed);
  return { eligible: reasons.length === 0, checks, reasons };
};
