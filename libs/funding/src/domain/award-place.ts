import {
  checkBoolean,
  checkIds,
  checkInteger,
  checkObject,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
} from './field-validation';

/** An award's place in its call's ranking when it was decided (CallRanking.placeOf). */
export type AwardPlace = { rank: number | null; fundedSet: boolean };
/** Why the committee awards an application outside the funded set, and who decided so. */
export type AwardDerogation = { reason: string; committeeMembers: string[] };

/** `at`: where the value sits in the command ('' for the award itself, 'award.' in a commitment). */
export const checkAwardPlace = (issues: FieldIssues, value: unknown, at = ''): AwardPlace => {
  const input = checkObject(issues, `${at}ranking`, value);
  return {
    rank:
      input['rank'] === null ? null : checkInteger(issues, `${at}ranking.rank`, input['rank'], 1, 1_000_000),
    fundedSet: checkBoolean(issues, `${at}ranking.fundedSet`, input['fundedSet']),
  };
};

export const checkAwardDerogation = (
  issues: FieldIssues,
  value: unknown,
  at = '',
): AwardDerogation | null => {
  if (value === null) return null;
  if (value === undefined) {
    issues.add(`${at}derogation`, 'must be an object, or null inside the funded set');
    return null;
  }
  const input = checkObject(issues, `${at}derogation`, value);
  return {
    reason: checkText(issues, `${at}derogation.reason`, input['reason'], MAX_LONG_TEXT),
    committeeMembers: checkIds(issues, `${at}derogation.committeeMembers`, input['committeeMembers'], {
      min: 1,
      max: 30,
    }),
  };
};
