import { Money } from '@tadamon/reference-data';
import {
  checkBoolean,
  checkId,
  checkInstant,
  checkInteger,
  checkList,
  checkLocalizedText,
  checkMoney,
  checkObject,
  checkOneOf,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
} from '../field-validation';
import { AwardCriteria, checkAwardCriteria } from '../scoring/award-criteria';
import { DEFAULT_TIE_BREAK_RULES, TIE_BREAK_RULES, TieBreakRule } from '../scoring/ranking';
import {
  CURRENT_SCORING_RULES_VERSION,
  SCORING_RULES_VERSIONS,
  ScoringRulesVersion,
} from '../scoring/scoring-rules';
import { checkEligibilityRules, EligibilityRules } from './eligibility-rules';

/** International selection needs at least this many evaluators per proposal. */
export const MIN_INTERNATIONAL_EVALUATORS = 3;
export const MAX_EVALUATORS = 10;
export const DEFAULT_APPEAL_WINDOW_DAYS = 30;

export type CallTerms = {
  readonly programmeId: string;
  /** The budget envelope the awards are committed on. */
  readonly envelopeId: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** The share of the envelope this call may award; its currency is the call's currency. */
  readonly budget: Money;
  readonly eligibility: EligibilityRules;
  readonly awardCriteria: AwardCriteria;
  readonly internationalSelection: boolean;
  readonly evaluatorsPerProposal: number;
  /** ISO instant after which no application is submitted. */
  readonly deadline: string;
  /** Days after a rejection during which the association may appeal. */
  readonly appealWindowDays: number;
  readonly scoringRulesVersion: ScoringRulesVersion;
  readonly tieBreakRules: readonly TieBreakRule[];
};
export type CallTermField = keyof CallTerms;

/** What a draft must give; the scoring rules, tie-break rules and appeal window have defaults. */
export type CallTermsInput = Omit<CallTerms, 'scoringRulesVersion' | 'tieBreakRules' | 'appealWindowDays'> &
  Partial<Pick<CallTerms, 'scoringRulesVersion' | 'tieBreakRules' | 'appealWindowDays'>>;

const DEFAULTS: Pick<CallTerms, 'scoringRulesVersion' | 'tieBreakRules' | 'appealWindowDays'> = {
  scoringRulesVersion: CURRENT_SCORING_RULES_VERSION,
  tieBreakRules: DEFAULT_TIE_BREAK_RULES,
  appealWindowDays: DEFAULT_APPEAL_WINDOW_DAYS,
};

const termCheckers: {
  [K in CallTermField]: (issues: FieldIssues, field: string, value: unknown) => CallTerms[K];
} = {
  programmeId: checkId,
  envelopeId: checkId,
  title: (issues, field, value) => checkLocalizedText(issues, field, value),
  summary: (issues, field, value) => checkLocalizedText(issues, field, value, MAX_LONG_TEXT),
  budget: (issues, field, value) => checkMoney(issues, field, value),
  eligibility: checkEligibilityRules,
  awardCriteria: checkAwardCriteria,
  internationalSelection: checkBoolean,
  evaluatorsPerProposal: (issues, field, value) => checkInteger(issues, field, value, 1, MAX_EVALUATORS),
  deadline: checkInstant,
  appealWindowDays: (issues, field, value) => checkInteger(issues, field, value, 0, 90),
  scoringRulesVersion: (issues, field, value) => checkOneOf(issues, field, value, SCORING_RULES_VERSIONS),
  tieBreakRules: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => checkOneOf(issues, f, v, TIE_BREAK_RULES), { key: String }),
};
export const CALL_TERM_FIELDS = Object.keys(termCheckers) as CallTermField[];

/** Checks the given terms only (unknown ones refused); `undefined` values count as absent. */
export const checkCallTermFields = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): Partial<CallTerms> => {
  const input = checkObject(issues, field, value);
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (!(CALL_TERM_FIELDS as string[]).includes(key))
      issues.add(`${field}.${key}`, 'is not a term of a call');
    else result[key] = termCheckers[key as CallTermField](issues, `${field}.${key}`, v);
  }
  return result as Partial<CallTerms>;
};

/** Rules across terms, on the whole terms after a draft or a revision. */
export const checkCallConsistency = (issues: FieldIssues, field: string, terms: CallTerms): void => {
  const max = terms.eligibility.maxAmountRequested;
  if (max !== null && max.currency !== terms.budget.currency) {
    issues.add(
      `${field}.eligibility.maxAmountRequested.currency`,
      `must be ${terms.budget.currency}, the call's currency`,
    );
  } else if (max !== null && max.amountMinor > terms.budget.amountMinor) {
    issues.add(
      `${field}.eligibility.maxAmountRequested.amountMinor`,
      'must not exceed the budget of the call',
    );
  }
  if (terms.internationalSelection && terms.evaluatorsPerProposal < MIN_INTERNATIONAL_EVALUATORS) {
    issues.add(
      `${field}.evaluatorsPerProposal`,
      `must be at least ${MIN_INTERNATIONAL_EVALUATORS} for an international selection`,
    );
  }
};

/** The normalised terms of a draft, or ValidationFailed listing every bad field. */
export const checkCallTerms = (issues: FieldIssues, input: unknown): CallTerms => {
  const given = checkCallTermFields(issues, 'terms', input);
  for (const key of CALL_TERM_FIELDS) {
    if (given[key] === undefined && !(key in DEFAULTS)) issues.add(`terms.${key}`, 'is required');
  }
  const terms = { ...DEFAULTS, ...given } as CallTerms;
  if (issues.count === 0) checkCallConsistency(issues, 'terms', terms);
  return CALL_TERM_FIELDS.reduce((t, f) => ({ ...t, [f]: terms[f] }), {} as CallTerms);
};
