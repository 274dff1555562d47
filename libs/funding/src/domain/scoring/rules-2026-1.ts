import { ScoringCriteria } from './award-criteria';
import { ScoreSheet } from './score-sheet';
import { CENTIPOINTS_PER_POINT, scoringOutcome, ScoringOutcome } from './scoring-outcome';

/**
 * 2026-1: a criterion's consensus is the median of the evaluators' points, so that one outlying
 * evaluator cannot carry or sink an application on their own.
 */
export const medianOfPoints = (points: readonly number[]): number => {
  const sorted = [...points].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle] * CENTIPOINTS_PER_POINT
    : (sorted[middle - 1] + sorted[middle]) * (CENTIPOINTS_PER_POINT / 2);
};

export const scoreWithRules2026v1 = (
  criteria: ScoringCriteria,
  sheets: readonly ScoreSheet[],
): ScoringOutcome => scoringOutcome('2026-1', criteria, sheets, medianOfPoints);
