import { domainProblems, domainValidationProblem, ProblemException } from '@tadamon/nest-kit';
import { FundingError } from '../domain/errors';
import { FUNDING_MESSAGES } from './funding-messages';

/**
 * Funding's domain errors as problems, each with the kind it names. Refusals that depend on the
 * record's state (budget left, status, thresholds) are 409.
 */
export const fundingProblems = domainProblems(FundingError, FUNDING_MESSAGES);

/** A 400 for a rule the API checks before the domain (e.g. a call naming an unknown envelope). */
export const invalidField = (field: string, reason: string): ProblemException =>
  domainValidationProblem([{ field, reason }]);
