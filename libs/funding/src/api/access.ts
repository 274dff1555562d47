import { Actor, ProblemException, Role } from '@tadamon/nest-kit';
import { GrantApplication } from '../domain/grant-application/grant-application-state';

/** Roles that read every Funding record (the auditor and the admin read, never write). */
export const READ_ALL: readonly Role[] = ['officer', 'committee', 'auditor', 'admin'];

export const readsAll = (actor: Actor | undefined): boolean =>
  actor !== undefined && actor.roles.some((role) => READ_ALL.includes(role));

/** The organisation an association account acts for; an account without one may not apply. */
export const ownOrganisation = (actor: Actor): string => {
  if (!actor.organisationId) throw new ProblemException('forbidden', 'This account acts for no association.');
  return actor.organisationId;
};

/** An association acts on its own applications only; another one's answers 404, as one that does not exist. */
export const assertApplicant = (actor: Actor, application: GrantApplication): void => {
  if (actor.organisationId === undefined || actor.organisationId !== application.associationId)
    throw new ProblemException('not-found');
};

/**
 * An evaluator acts on the dossiers they were named on only: another evaluator's dossier (or one
 * that does not exist) answers 404. The domain then says whether they may still act on it.
 */
export const assertNamedEvaluator = (actor: Actor, application: GrantApplication): void => {
  if (!application.evaluators[actor.id]) throw new ProblemException('not-found');
};

/** The committee members of a decision: those named, else the caller alone. */
export const committeeOf = (actor: Actor, named: readonly string[] | undefined): string[] =>
  named && named.length > 0 ? [...named] : [actor.id];
