import { ValidationFailed } from '../errors';
import { FieldIssues } from '../field-validation';
import { AwardCriteria, checkAwardCriteria } from './award-criteria';

const check = (value: unknown): AwardCriteria => {
  const issues = new FieldIssues();
  const criteria = checkAwardCriteria(issues, 'awardCriteria', value);
  issues.throwIfAny();
  return criteria;
};
const fieldsOf = (value: unknown): string[] => {
  try {
    check(value);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.issues.map((i) => i.field);
    throw error;
  }
  return [];
};

const criteria: AwardCriteria = {
  criteria: [
    { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 40, threshold: 50 },
    { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 35, threshold: 40 },
    { criterionId: 'sustainability', name: { fr: 'Durabilité' }, weight: 25, threshold: 0 },
  ],
  overallThreshold: 60,
};

describe('award criteria', () => {
  it('accepts criteria whose weights sum to 100', () => {
    expect(check(criteria)).toEqual(criteria);
  });

  it('refuses weights that do not sum to 100', () => {
    const error = (() => {
      try {
        check({ ...criteria, criteria: criteria.criteria.slice(0, 2) });
      } catch (e) {
        return e as ValidationFailed;
      }
      throw new Error('accepted');
    })();
    expect(error.issues).toEqual([
      { field: 'awardCriteria.criteria', reason: 'weights must sum to 100, not 75' },
    ]);
  });

  it('lists every bad field: weight, threshold, name, overall threshold', () => {
    expect(
      fieldsOf({
        criteria: [
          { criterionId: 'a', name: { fr: 'A' }, weight: 0, threshold: 101 },
          { criterionId: 'b', name: {}, weight: 50.5, threshold: -1 },
        ],
        overallThreshold: 200,
      }),
    ).toEqual([
      'awardCriteria.criteria[0].weight',
      'awardCriteria.criteria[0].threshold',
      'awardCriteria.criteria[1].name.fr',
      'awardCriteria.criteria[1].weight',
      'awardCriteria.criteria[1].threshold',
      'awardCriteria.overallThreshold',
    ]);
  });

  it('refuses two criteria with the same id and an empty list', () => {
    expect(fieldsOf({ ...criteria, criteria: [...criteria.criteria, criteria.criteria[0]] })).toEqual([
      'awardCriteria.criteria',
    ]);
    expect(fieldsOf({ criteria: [], overallThreshold: 0 })).toEqual(['awardCriteria.criteria']);
  });
});
