import { FieldError, ProblemException } from './problem';

/** `profile.hostCountries[1]` -> `/profile/hostCountries/1` (RFC 6901, as the kit's own errors). */
export const fieldPointer = (field: string): string =>
  field === ''
    ? ''
    : '/' +
      field
        .replace(/\[(\d+)\]/g, '.$1')
        .replace(/^\./, '')
        .split('.')
        .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/');

/**
 * A domain's refusal of its fields (a context's ValidationFailed, with `field` paths) as the same
 * 400 validation problem the request validation gives, each field as a JSON Pointer.
 */
export const domainValidationProblem = (
  issues: readonly { field: string; reason: string }[],
): ProblemException => {
  const errors: FieldError[] = issues.map((i) => ({ pointer: fieldPointer(i.field), detail: i.reason }));
  return new ProblemException(
    'validation',
    { message: 'validation.failed', params: { count: errors.length } },
    { errors },
  );
};
