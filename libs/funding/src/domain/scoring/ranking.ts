import { Money } from '@tadamon/reference-data';
import { CurrencyMismatch } from '../errors';
import { FieldIssues } from '../field-validation';
import { ScoringOutcome } from './scoring-outcome';

/** How two applications with the same overall score are ordered, tried in the order given. */
export const TIE_BREAK_RULES = ['heaviest-criterion', 'earlier-submission', 'application-id'] as const;
export type TieBreakRule = (typeof TIE_BREAK_RULES)[number];
/** Higher score on the heaviest criterion, then earlier submission, then application id. */
export const DEFAULT_TIE_BREAK_RULES: readonly TieBreakRule[] = TIE_BREAK_RULES;

export type ScoredApplication = {
  readonly applicationId: string;
  readonly outcome: Pick<ScoringOutcome, 'consensus' | 'perCriterion' | 'passedThresholds'>;
  /** ISO instant of submission. */
  readonly submittedAt: string;
  /** What funding it would receive: the amount requested or proposed. */
  readonly amount: Money;
  /**
   * Where the committee's decisions left it (default open): an award keeps its place and its
   * money whatever is scored later; a rejection or a "not recommended" gives the money up.
   */
  readonly standing?: Standing;
};

/** open: may still be awarded; awarded: its award holds its money; declined: rejected or not recommended. */
export const STANDINGS = ['open', 'awarded', 'declined'] as const;
export type Standing = (typeof STANDINGS)[number];

/**
 * funded: within the budget in rank order (or awarded); beyond-budget: passed but the money ran
 * out before it; declined: the committee rejected it or did not recommend it, so it holds no money.
 */
export type RankingReason = 'funded' | 'beyond-budget' | 'declined' | 'below-threshold';

export type RankedApplication = {
  readonly applicationId: string;
  /** 1 for the best; applications below a threshold are not ranked (null). */
  readonly rank: number | null;
  readonly consensus: number;
  readonly amount: Money;
  readonly funded: boolean;
  readonly reason: RankingReason;
  /** Set when the application had the same overall score as the one ranked just above it. */
  readonly tie: { readonly rankedAfter: string; readonly brokenBy: TieBreakRule } | null;
  /** What is left of the budget after this application, when funded. */
  readonly remainingAfter: Money | null;
};

export type Ranking = {
  readonly budget: Money;
  readonly funded: Money;
  readonly remaining: Money;
  readonly tieBreakRules: readonly TieBreakRule[];
  readonly ranked: readonly RankedApplication[];
};

/** Consensus (centipoints) on the criterion with the largest weight (the first one listed if several). */
const heaviestCriterionScore = (app: ScoredApplication): number => {
  const heaviest = app.outcome.perCriterion.reduce<
    ScoredApplication['outcome']['perCriterion'][number] | null
  >((best, c) => (best === null || c.weight > best.weight ? c : best), null);
  return heaviest?.consensus ?? 0;
};

/** < 0 when a ranks before b under the rule. */
const compareBy: Record<TieBreakRule, (a: ScoredApplication, b: ScoredApplication) => number> = {
  'heaviest-criterion': (a, b) => heaviestCriterionScore(b) - heaviestCriterionScore(a),
  'earlier-submission': (a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt),
  'application-id': (a, b) =>
    a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0,
};

/** The rules in order, ending with the application id so that the order is always total. */
const totalOrder = (rules: readonly TieBreakRule[]): TieBreakRule[] => [
  ...new Set<TieBreakRule>([...rules, 'application-id']),
];

const checkInput = (
  scored: readonly ScoredApplication[],
  budget: Money,
  rules: readonly TieBreakRule[],
): void => {
  const issues = new FieldIssues();
  if (!Number.isSafeInteger(budget.amountMinor) || budget.amountMinor < 0) {
    issues.add('budget.amountMinor', 'must be a whole number of minor units, not negative');
  }
  rules.forEach((rule, i) => {
    if (!TIE_BREAK_RULES.includes(rule))
      issues.add(`tieBreakRules[${i}]`, `must be one of ${TIE_BREAK_RULES.join(', ')}`);
  });
  const seen = new Set<string>();
  scored.forEach((app, i) => {
    if (seen.has(app.applicationId)) issues.add(`scored[${i}].applicationId`, 'is listed twice');
    seen.add(app.applicationId);
    if (!Number.isSafeInteger(app.amount.amountMinor) || app.amount.amountMinor <= 0) {
      issues.add(`scored[${i}].amount.amountMinor`, 'must be a positive whole number of minor units');
    }
    if (Number.isNaN(Date.parse(app.submittedAt)))
      issues.add(`scored[${i}].submittedAt`, 'must be an instant');
    if (app.standing !== undefined && !STANDINGS.includes(app.standing))
      issues.add(`scored[${i}].standing`, `must be one of ${STANDINGS.join(', ')}`);
  });
  issues.throwIfAny();
  const other = scored.find((app) => app.amount.currency !== budget.currency);
  if (other) throw new CurrencyMismatch(budget.currency, other.amount.currency);
};

/**
 * The committee's ranking within the budget: applications that passed every threshold, by overall
 * score then the tie-break rules, are funded in rank order while the budget lasts; the first one that
 * does not fit, and every one after it, is beyond the budget (no lower-ranked application is funded
 * ahead of a higher-ranked one). Awarded applications hold their award first, whatever their rank
 * (an award is never taken back by a later score); declined ones hold nothing. Since an award never
 * exceeds the amount ranked, awarding one application of the funded set never pushes another one
 * out of it: concurrent awards inside the funded set cannot invalidate each other.
 */
export const rankApplications = (
  scored: readonly ScoredApplication[],
  budget: Money,
  tieBreakRules: readonly TieBreakRule[] = DEFAULT_TIE_BREAK_RULES,
): Ranking => {
  checkInput(scored, budget, tieBreakRules);
  const rules = totalOrder(tieBreakRules);
  const breakingRule = (a: ScoredApplication, b: ScoredApplication): TieBreakRule | null =>
    rules.find((rule) => compareBy[rule](a, b) !== 0) ?? null;
  const compare = (a: ScoredApplication, b: ScoredApplication): number => {
    if (a.outcome.consensus !== b.outcome.consensus) return b.outcome.consensus - a.outcome.consensus;
    const rule = breakingRule(a, b);
    return rule === null ? 0 : compareBy[rule](a, b);
  };
  const passing = scored.filter((app) => app.outcome.passedThresholds).sort(compare);
  const failing = scored.filter((app) => !app.outcome.passedThresholds).sort(compare);

  const standing = (app: ScoredApplication): Standing => app.standing ?? 'open';
  const awardedMinor = passing
    .filter((app) => standing(app) === 'awarded')
    .reduce((sum, app) => sum + app.amount.amountMinor, 0);
  let remainingMinor = budget.amountMinor - awardedMinor;
  let stillFunding = true;
  const ranked: RankedApplication[] = passing.map((app, i) => {
    const above = passing[i - 1];
    const tiedWithAbove = above !== undefined && above.outcome.consensus === app.outcome.consensus;
    const place = standing(app);
    if (place === 'open') {
      stillFunding = stillFunding && app.amount.amountMinor <= remainingMinor;
      if (stillFunding) remainingMinor -= app.amount.amountMinor;
    }
    const funded = place === 'awarded' || (place === 'open' && stillFunding);
    const reason: RankingReason = place === 'declined' ? 'declined' : funded ? 'funded' : 'beyond-budget';
    return {
      applicationId: app.applicationId,
      rank: i + 1,
      consensus: app.outcome.consensus,
      amount: app.amount,
      funded,
      reason,
      tie: tiedWithAbove
        ? { rankedAfter: above.applicationId, brokenBy: breakingRule(above, app) ?? 'application-id' }
        : null,
      remainingAfter: funded ? { amountMinor: Math.max(0, remainingMinor), currency: budget.currency } : null,
    };
  });
  for (const app of failing) {
    ranked.push({
      applicationId: app.applicationId,
      rank: null,
      consensus: app.outcome.consensus,
      amount: app.amount,
      funded: false,
      reason: 'below-threshold',
      tie: null,
      remainingAfter: null,
    });
  }
  // Derogations may have awarded more than the budget: nothing is left then, never less than nothing.
  const fundedMinor = ranked.filter((r) => r.funded).reduce((sum, r) => sum + r.amount.amountMinor, 0);
  return {
    budget,
    funded: { amountMinor: fundedMinor, currency: budget.currency },
    remaining: { amountMinor: Math.max(0, budget.amountMinor - fundedMinor), currency: budget.currency },
    tieBreakRules: rules,
    ranked,
  };
};
