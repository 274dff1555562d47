import { FieldError, ProblemException, ProblemMapper } from '@tadamon/nest-kit';
import { AssociationMergedAway } from '../domain/association/association';
import { PersonalDataWasErased } from '../domain/contact-person/contact-person';
import {
  AlreadyRegistered,
  InvalidTransition,
  NotRegistered,
  RegistryError,
  ValidationFailed,
} from '../domain/errors';
import { PublisherNotAllowed } from '../domain/regional-need/regional-need';

/** `profile.hostCountries[1]` -> `/profile/hostCountries/1` (RFC 6901, as the kit's own errors). */
export const fieldPointer = (field: string): string =>
  '/' +
  field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');

const validation = (issues: readonly { field: string; reason: string }[]): ProblemException => {
  const errors: FieldError[] = issues.map((i) => ({ pointer: fieldPointer(i.field), detail: i.reason }));
  return new ProblemException(
    'validation',
    { message: 'validation.failed', params: { count: errors.length } },
    { errors },
  );
};

/** The Registry's domain errors as problems: each `code` keeps one kind, so clients can rely on it. */
export const registryProblems: ProblemMapper = (error) => {
  if (!(error instanceof RegistryError)) return undefined;
  const extensions = { code: error.code };
  if (error instanceof ValidationFailed) return validation(error.issues);
  if (error instanceof NotRegistered) return new ProblemException('not-found', error.message, extensions);
  if (error instanceof PublisherNotAllowed)
    return new ProblemException('forbidden', error.message, extensions);
  if (error instanceof AssociationMergedAway)
    return new ProblemException('conflict', error.message, { ...extensions, survivorId: error.survivorId });
  if (
    error instanceof InvalidTransition ||
    error instanceof AlreadyRegistered ||
    error instanceof PersonalDataWasErased
  )
    return new ProblemException('conflict', error.message, extensions);
  return new ProblemException('conflict', error.message, extensions);
};

/** A 400 for a rule the API checks before the domain (e.g. an unknown publisher). */
export const invalidField = (field: string, reason: string): ProblemException =>
  validation([{ field, reason }]);
