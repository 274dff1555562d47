import { Actor, actsOnlyForItsPerson, ProblemException } from '@tadamon/nest-kit';
import { RecipientDirectory } from '../application/notifications-ports';

/**
 * Whose preferences an account may read and set: its own (a user is a recipient), its
 * organisation's (the defaults of its people), any recipient's for officers and the admin, and its
 * organisation's contact persons for an association or partner account. A trainee's account, its
 * own and its person's only. Anyone else's answers 404, as a recipient that does not exist.
 * Returns the recipient's organisation, recorded with the preferences.
 */
export const recipientOrganisation = async (
  actor: Actor,
  recipientId: string,
  directory: RecipientDirectory,
): Promise<string | null> => {
  if (actor.id === recipientId) return actor.organisationId ?? null;
  if (actor.personId !== undefined && actor.personId === recipientId) return actor.organisationId ?? null;
  if (actsOnlyForItsPerson(actor.roles)) throw new ProblemException('not-found');
  // An organisation's own preferences: the defaults of its people and endpoints.
  if (actor.organisationId && actor.organisationId === recipientId) return recipientId;
  const contact = await directory.contact(recipientId);
  if (actor.roles.some((role) => role === 'officer' || role === 'admin'))
    return contact?.organisationId ?? null;
  if (contact && actor.organisationId && contact.organisationId === actor.organisationId)
    return contact.organisationId;
  throw new ProblemException('not-found');
};
