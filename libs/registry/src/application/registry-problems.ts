import { domainValidationProblem, ProblemException, ProblemMapper } from '@tadamon/nest-kit';
import { AssociationMergedAway } from '../domain/association/association';
import { InvalidTransition, NotRegistered, RegistryError, ValidationFailed } from '../domain/errors';
import { PublisherNotAllowed } from '../domain/regional-need/regional-need';
import { registryMessage } from './registry-messages';

const params = (error: RegistryError): Record<string, string> => {
  if (error instanceof InvalidTransition) return { status: error.from };
  if (error instanceof PublisherNotAllowed) return { reason: error.reason };
  if (error instanceof AssociationMergedAway) return { survivorId: error.survivorId };
  return {};
};

/**
 * The Registry's domain errors as problems. Each `code` keeps one kind so clients can rely on it;
 * the detail is in the caller's language (Accept-Language), the English message stays in `debug`.
 */
export const registryProblems: ProblemMapper = (error, context) => {
  if (!(error instanceof RegistryError)) return undefined;
  if (error instanceof ValidationFailed) return domainValidationProblem(error.issues);
  const detail = registryMessage(error.code, context.language, params(error)) ?? error.message;
  const extensions: Record<string, unknown> = { code: error.code, debug: error.message };
  if (error instanceof AssociationMergedAway) extensions['survivorId'] = error.survivorId;
  if (error instanceof NotRegistered) return new ProblemException('not-found', detail, extensions);
  if (error instanceof PublisherNotAllowed) return new ProblemException('forbidden', detail, extensions);
  return new ProblemException('conflict', detail, extensions);
};

/** A 400 for a rule the API checks before the domain (e.g. an unknown publisher). */
export const invalidField = (field: string, reason: string): ProblemException =>
  domainValidationProblem([{ field, reason }]);
