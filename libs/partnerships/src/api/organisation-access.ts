import { Actor, ProblemException, Role } from '@tadamon/nest-kit';
import { NoOrganisation, NotOwnOrganisation } from './organisation-errors';

/** Who reads every agreement and support request: the ministry, its auditors and the admin. */
export const PARTNERSHIPS_READ_ALL: readonly Role[] = ['officer', 'auditor', 'admin'];
/** Accounts that act for one organisation (an association, a local or international partner). */
export const ORGANISATION_ROLES: readonly Role[] = ['association', 'partner'];

export const readsAllPartnerships = (actor: Actor): boolean =>
  actor.roles.some((role) => PARTNERSHIPS_READ_ALL.includes(role));

export const isOfficer = (actor: Actor): boolean => actor.roles.includes('officer');

/** The organisation an association or partner account acts for; an account without one acts for none. */
export const actingOrganisation = (actor: Actor): string => {
  if (!actor.organisationId) throw new NoOrganisation(actor.id);
  return actor.organisationId;
};

/** The organisation an account acts for, when `named` (the body's `field`) is it or left out. */
export const ownOrganisation = (actor: Actor, field: string, named: string | undefined): string => {
  const organisation = actingOrganisation(actor);
  if (named !== undefined && named !== organisation) throw new NotOwnOrganisation(field, named, organisation);
  return organisation;
};

/**
 * An organisation sees a record it is part of; another's answers 404, as one that does not exist.
 * Readers of everything pass.
 */
export const assertSees = (actor: Actor, organisations: readonly string[]): void => {
  if (readsAllPartnerships(actor)) return;
  if (!actor.organisationId || !organisations.includes(actor.organisationId))
    throw new ProblemException('not-found');
};
