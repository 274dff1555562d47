import { Actor, assertCanAccess, ProblemException, Role } from '@tadamon/nest-kit';
import type { Loaded } from '../application/registry-commands';

/** Roles that read every Registry record (the auditor reads, never writes). */
export const READ_ALL: readonly Role[] = ['officer', 'auditor', 'admin'];

export const readsAll = (actor: Actor | undefined): boolean =>
  actor !== undefined && actor.roles.some((role) => READ_ALL.includes(role));

/** Officers act on any record; an association or partner only on its own organisation's. */
export const assertActsFor = (actor: Actor, organisationId: string): void =>
  assertCanAccess(actor, { organisationId }, { readAll: ['officer', 'admin'] });

/** A record that must exist: 404 (the same answer as another party's record). */
export const found = <S>(loaded: Loaded<S> | undefined): Loaded<S> => {
  if (!loaded) throw new ProblemException('not-found');
  return loaded;
};
