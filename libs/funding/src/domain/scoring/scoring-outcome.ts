import { FieldIssues } from '../field-validation';
import { ScoringCriteria } from './award-criteria';
import { checkCriterionScores, ScoreSheet } from './score-sheet';

/**
 * Scores after consensus are in centipoints (hundredths of a point, 0 to 10,000) so that means and
 * weighted sums stay whole numbers: 7,250 is 72.50 points.
 */
export const CENTIPOINTS_PER_POINT = 100;

export type CriterionOutcome = {
  readonly criterionId: string;
  readonly weight: number;
  /** Points. */
  readonly threshold: number;
  /** Centipoints. */
  readonly consensus: number;
  /** The evaluators' lowest and highest points, to show how far apart they were. */
  readonly lowest: number;
  readonly highest: number;
  readonly passed: boolean;
};

export type ScoringOutcome = {
  readonly rulesVersion: string;
  /** Weighted overall score, centipoints. */
  readonly consensus: number;
  readonly overallThreshold: number;
  readonly perCriterion: readonly CriterionOutcome[];
  readonly passedThresholds: boolean;
  /** Criterion ids whose threshold failed, then `overall` if the overall threshold failed. */
  readonly failedThresholds: readonly string[];
  /** The evaluators whose sheets were combined, sorted. */
  readonly evaluatorIds: readonly string[];
};

/** How a version turns the evaluators' points for one criterion into a consensus in centipoints. */
export type CriterionConsensus = (points: readonly number[]) => number;

/** a / b rounded half up, for a >= 0 and b > 0, in integers. */
export const divideRoundingHalfUp = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

/** The sheets, checked against the criteria (each evaluator once, every criterion scored). */
const checkSheets = (criteria: ScoringCriteria, sheets: readonly ScoreSheet[]): ScoreSheet[] => {
  const issues = new FieldIssues();
  if (sheets.length === 0) issues.add('sheets', 'must have at least 1 item');
  const seen = new Set<string>();
  const checked = sheets.map((sheet, i) => {
    if (seen.has(sheet.evaluatorId)) issues.add(`sheets[${i}].evaluatorId`, 'scores twice');
    seen.add(sheet.evaluatorId);
    return {
      evaluatorId: sheet.evaluatorId,
      scores: checkCriterionScores(issues, `sheets[${i}].scores`, sheet.scores, criteria),
    };
  });
  issues.throwIfAny();
  return checked;
};

/** The outcome every version shares: per-criterion consensus, weighted overall score, thresholds. */
export const scoringOutcome = (
  rulesVersion: string,
  criteria: ScoringCriteria,
  sheets: readonly ScoreSheet[],
  consensusOf: CriterionConsensus,
): ScoringOutcome => {
  const checked = checkSheets(criteria, sheets);
  const perCriterion = criteria.criteria.map(({ criterionId, weight, threshold }): CriterionOutcome => {
    const points = checked.map((s) => s.scores.find((x) => x.criterionId === criterionId)?.points ?? 0);
    const consensus = consensusOf(points);
    return {
      criterionId,
      weight,
      threshold,
      consensus,
      lowest: Math.min(...points),
      highest: Math.max(...points),
      passed: consensus >= threshold * CENTIPOINTS_PER_POINT,
    };
  });
  const weightedSum = perCriterion.reduce((sum, c) => sum + c.weight * c.consensus, 0);
  const totalWeight = perCriterion.reduce((sum, c) => sum + c.weight, 0);
  const consensus = divideRoundingHalfUp(weightedSum, totalWeight);
  const overallPassed = consensus >= criteria.overallThreshold * CENTIPOINTS_PER_POINT;
  const failedThresholds = [
    ...perCriterion.filter((c) => !c.passed).map((c) => c.criterionId),
    ...(overallPassed ? [] : ['overall']),
  ];
  return {
    rulesVersion,
    consensus,
    overallThreshold: criteria.overallThreshold,
    perCriterion,
    passedThresholds: failedThresholds.length === 0,
    failedThresholds,
    evaluatorIds: checked.map((s) => s.evaluatorId).sort(),
  };
};
