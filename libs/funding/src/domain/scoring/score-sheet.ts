import {
  checkInteger,
  checkList,
  checkObject,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
} from '../field-validation';
import { MAX_POINTS, ScoringCriteria } from './award-criteria';

/** One evaluator's score of one criterion, with the comment that justifies it. */
export type CriterionScore = {
  readonly criterionId: string;
  readonly points: number;
  readonly comment: string;
};
/** What one evaluator gave, alone, for every criterion of the call. */
export type ScoreSheet = { readonly evaluatorId: string; readonly scores: readonly CriterionScore[] };

/**
 * Scores for exactly the given criteria, each once, in the criteria's order: whole points from 0
 * to 100 and a non-empty comment.
 */
export const checkCriterionScores = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  criteria: ScoringCriteria,
): CriterionScore[] => {
  const given = checkList(
    issues,
    field,
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      const criterionId = String(input['criterionId']);
      if (!criteria.criteria.some((c) => c.criterionId === criterionId)) {
        issues.add(`${f}.criterionId`, 'is not a criterion of the call');
      }
      return {
        criterionId,
        points: checkInteger(issues, `${f}.points`, input['points'], 0, MAX_POINTS),
        comment: checkText(issues, `${f}.comment`, input['comment'], MAX_LONG_TEXT),
      };
    },
    { key: (s) => s.criterionId },
  );
  if (Array.isArray(value) && given.length < value.length) issues.add(field, 'scores a criterion twice');
  for (const { criterionId } of criteria.criteria) {
    if (!given.some((s) => s.criterionId === criterionId))
      issues.add(field, `misses criterion ${criterionId}`);
  }
  return criteria.criteria
    .map(({ criterionId }) => given.find((s) => s.criterionId === criterionId))
    .filter((s): s is CriterionScore => s !== undefined);
};
