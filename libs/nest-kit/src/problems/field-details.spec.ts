import { domainValidationProblem } from './domain-validation';
import { localizeFieldDetail } from './field-details';
import { toProblem } from './problem-mapping';
import { validationProblem } from '../validation/validation-pipe';

describe('field errors in the reader’s language', () => {
  it.each([
    // The domain's checks (libs/domain-kit field-checks and the deciders)
    ['must not be empty', 'est obligatoire', 'إلزامي'],
    ['is required', 'est obligatoire', 'إلزامي'],
    ['must be at most 200 characters', 'doit comporter au plus 200 caractères', 'يجب ألا يتجاوز 200 حرفا'],
    [
      'must be a whole number from 0 to 100',
      'doit être un nombre entier de 0 à 100',
      'يجب أن يكون عددا صحيحا من 0 إلى 100',
    ],
    [
      'must be a calendar date YYYY-MM-DD',
      'doit être une date (AAAA-MM-JJ)',
      'يجب أن يكون تاريخا (YYYY-MM-DD)',
    ],
    ['must not be before period.start', 'ne doit pas précéder period.start', 'يجب ألا يسبق period.start'],
    [
      'weights must sum to 100, not 90',
      'les poids doivent totaliser 100, pas 90',
      'يجب أن يكون مجموع الأوزان 100 وليس 90',
    ],
    [
      'must be one of low, medium, high',
      'doit être l’une de ces valeurs : low, medium, high',
      'يجب أن يكون إحدى هذه القيم: low, medium, high',
    ],
    ['must be MAD', 'doit être en MAD', 'يجب أن يكون بعملة MAD'],
    ['must have at least 1 item', 'doit compter au moins 1 élément(s)', 'يجب ألا تقل عن 1 عنصر'],
    // class-validator's constraints, the property's name first (the pointer names it)
    ['membersCount must not be less than 0', 'doit être au moins 0', 'يجب ألا يقل عن 0'],
    [
      'title must be shorter than or equal to 200 characters',
      'doit comporter au plus 200 caractères',
      'يجب ألا يتجاوز 200 حرفا',
    ],
    ['each value in sectors must be a string', 'doit être un texte', 'يجب أن يكون نصا'],
    ['property colour should not exist', 'n’est pas un champ accepté', 'ليس حقلا مقبولا'],
    [
      'priority must be one of the following values: low, medium, high',
      'doit être l’une de ces valeurs : low, medium, high',
      'يجب أن يكون إحدى هذه القيم: low, medium, high',
    ],
  ])('%s', (detail, fr, ar) => {
    expect(localizeFieldDetail(detail, 'fr')).toBe(fr);
    expect(localizeFieldDetail(detail, 'ar')).toBe(ar);
    expect(localizeFieldDetail(detail, 'en')).toBe(detail);
  });

  it('gives a reason it does not know as written, never dropped', () => {
    expect(localizeFieldDetail('must be user-evaluator1, the evaluator of this sheet', 'fr')).toBe(
      'must be user-evaluator1, the evaluator of this sheet',
    );
  });

  it('localizes every field error of a validation problem, from the request or from the domain', () => {
    const context = { language: 'fr' as const, instance: '/api/x', ifMatchSent: false };
    const request = toProblem(
      validationProblem([{ pointer: '/membersCount', detail: 'membersCount must be an integer number' }]),
      context,
    );
    expect(request.problem.errors).toEqual([
      { pointer: '/membersCount', detail: 'doit être un nombre entier' },
    ]);
    const domain = toProblem(domainValidationProblem([{ field: 'names.fr', reason: 'must not be empty' }]), {
      ...context,
      language: 'ar',
    });
    expect(domain.problem.errors).toEqual([{ pointer: '/names/fr', detail: 'إلزامي' }]);
  });
});
