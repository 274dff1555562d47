import { ScoringCriteria } from './award-criteria';
import { ScoreSheet } from './score-sheet';
import {
  CENTIPOINTS_PER_POINT,
  divideRoundingHalfUp,
  scoringOutcome,
  ScoringOutcome,
} from './scoring-outcome';

/** 2025-1: a criterion's consensus is the arithmetic mean of the evaluators' points. */
export const meanOfPoints = (points: readonly number[]): number =>
  divideRoundingHalfUp(points.reduce((sum, p) => sum + p, 0) * CENTIPOINTS_PER_POINT, points.length);

export const scoreWithRules2025v1 = (
  criteria: ScoringCriteria,
  sheets: readonly ScoreSheet[],
): ScoringOutcome => scoringOutcome('2025-1', criteria, sheets, meanOfPoints);
