import { FundingError } from '../errors';
import { ScoringCriteria } from './award-criteria';
import { scoreWithRules2025v1 } from './rules-2025-1';
import { scoreWithRules2026v1 } from './rules-2026-1';
import { ScoreSheet } from './score-sheet';
import { ScoringOutcome } from './scoring-outcome';

/** A version of the scoring rules: a pure function, never changed once a decision used it. */
export type ScoringRules = (criteria: ScoringCriteria, sheets: readonly ScoreSheet[]) => ScoringOutcome;

/**
 * Every version ever in force, by name. A decision records the version it was scored with, so an
 * auditor recomputes it years later with the same function, or with today's to compare.
 */
export const scoringRules = {
  '2025-1': scoreWithRules2025v1,
  '2026-1': scoreWithRules2026v1,
} as const satisfies Readonly<Record<string, ScoringRules>>;

export type ScoringRulesVersion = keyof typeof scoringRules;
export const SCORING_RULES_VERSIONS = Object.keys(scoringRules) as ScoringRulesVersion[];
/** The version new calls use unless they name another. */
export const CURRENT_SCORING_RULES_VERSION: ScoringRulesVersion = '2026-1';

export const isScoringRulesVersion = (value: unknown): value is ScoringRulesVersion =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(scoringRules, value);

export class UnknownScoringRulesVersion extends FundingError {
  readonly code = 'UNKNOWN_SCORING_RULES_VERSION';
  constructor(readonly version: unknown) {
    super(`${JSON.stringify(version)} is not a scoring rules version (${SCORING_RULES_VERSIONS.join(', ')})`);
  }
}

/** Scores with the named version, or throws UnknownScoringRulesVersion. */
export const scoreWith = (
  version: string,
  criteria: ScoringCriteria,
  sheets: readonly ScoreSheet[],
): ScoringOutcome => {
  if (!isScoringRulesVersion(version)) throw new UnknownScoringRulesVersion(version);
  return scoringRules[version](criteria, sheets);
};
