import { ProblemException } from '../problems';
import type { Actor, Role } from './actor';

/**
 * What another party's object answers. 'not-found' (the default) does not reveal that the object
 * exists; 'forbidden' is for objects whose existence is public anyway (a published call).
 */
export type DeniedAs = 'not-found' | 'forbidden';

export interface OwnedObject {
  /** The organisation that owns the object (an association's id, a partner's id). */
  organisationId?: string;
  /** Actors explicitly given access (e.g. evaluators assigned to a dossier). */
  assignedActorIds?: readonly string[];
}

/**
 * Service-level object check: the actor may see the object when one of `readAll` roles is theirs,
 * when it acts for the owning organisation, or when it is assigned. Throws otherwise.
 */
export function assertCanAccess(
  actor: Actor | undefined,
  object: OwnedObject,
  options: { readAll?: readonly Role[]; deniedAs?: DeniedAs } = {},
): asserts actor is Actor {
  if (!actor) throw new ProblemException('unauthorized', undefined, {}, { 'www-authenticate': 'Bearer' });
  if (canAccess(actor, object, options.readAll ?? [])) return;
  throw new ProblemException(options.deniedAs ?? 'not-found');
}

export function canAccess(actor: Actor, object: OwnedObject, readAll: readonly Role[] = []): boolean {
  if (actor.roles.some((role) => readAll.includes(role))) return true;
  if (object.organisationId !== undefined && actor.organisationId === object.organisationId) return true;
  return object.assignedActorIds?.includes(actor.id) ?? false;
}
