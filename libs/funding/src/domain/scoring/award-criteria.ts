import {
  checkId,
  checkInteger,
  checkList,
  checkLocalizedText,
  checkObject,
  FieldIssues,
  LocalizedText,
} from '../field-validation';

/** Evaluators score each criterion in whole points from 0 to MAX_POINTS. */
export const MAX_POINTS = 100;
/** Weights are whole percentages that sum to 100. */
export const TOTAL_WEIGHT = 100;

export type AwardCriterion = {
  readonly criterionId: string;
  readonly name: LocalizedText;
  /** Share of the overall score, in whole percent. */
  readonly weight: number;
  /** The least consensus score (points) the criterion needs; 0 means no threshold. */
  readonly threshold: number;
};

export type AwardCriteria = {
  readonly criteria: readonly AwardCriterion[];
  /** The least overall score (points) an application needs to be recommended. */
  readonly overallThreshold: number;
};

/** A criterion's weight, threshold and id: what the scoring rules read. */
export type WeightedCriterion = Pick<AwardCriterion, 'criterionId' | 'weight' | 'threshold'>;
export type ScoringCriteria = {
  readonly criteria: readonly WeightedCriterion[];
  readonly overallThreshold: number;
};

const checkCriterion = (issues: FieldIssues, field: string, value: unknown): AwardCriterion => {
  const input = checkObject(issues, field, value);
  return {
    criterionId: checkId(issues, `${field}.criterionId`, input['criterionId']),
    name: checkLocalizedText(issues, `${field}.name`, input['name']),
    weight: checkInteger(issues, `${field}.weight`, input['weight'], 1, TOTAL_WEIGHT),
    threshold: checkInteger(issues, `${field}.threshold`, input['threshold'], 0, MAX_POINTS),
  };
};

/** Criteria with distinct ids, weights summing to 100, thresholds within the points scale. */
export const checkAwardCriteria = (issues: FieldIssues, field: string, value: unknown): AwardCriteria => {
  const input = checkObject(issues, field, value);
  const before = issues.count;
  const criteria = checkList(
    issues,
    `${field}.criteria`,
    input['criteria'],
    (f, v) => checkCriterion(issues, f, v),
    { min: 1, max: 20, key: (c) => c.criterionId },
  );
  const listed = Array.isArray(input['criteria']) ? input['criteria'].length : 0;
  if (criteria.length < Math.min(listed, 20))
    issues.add(`${field}.criteria`, 'criterion ids must be distinct');
  const overallThreshold = checkInteger(
    issues,
    `${field}.overallThreshold`,
    input['overallThreshold'],
    0,
    MAX_POINTS,
  );
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (issues.count === before && total !== TOTAL_WEIGHT) {
    issues.add(`${field}.criteria`, `weights must sum to ${TOTAL_WEIGHT}, not ${total}`);
  }
  return { criteria, overallThreshold };
};
