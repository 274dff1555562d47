import { domainProblems, domainValidationProblem, ProblemException } from '@tadamon/nest-kit';
import { RegistryError } from '../domain/errors';
import { REGISTRY_MESSAGES } from './registry-messages';

/** The Registry's domain errors as problems, each with the kind it names. */
export const registryProblems = domainProblems(RegistryError, REGISTRY_MESSAGES);

/** A 400 for a rule the API checks before the domain (e.g. an unknown publisher). */
export const invalidField = (field: string, reason: string): ProblemException =>
  domainValidationProblem([{ field, reason }]);
