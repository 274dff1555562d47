import { Actor, CommandActor, ProblemException } from '@tadamon/nest-kit';
import { TRAINING_OFFICER } from '../domain/session/session-guards';

export const isTrainingOfficer = (actor: Actor | undefined): boolean =>
  actor?.roles.includes(TRAINING_OFFICER) ?? false;

/** The Registry person a trainee account belongs to; an account linked to none is refused (403). */
export const personOf = (actor: Actor): string => {
  if (!actor.personId) throw new ProblemException('forbidden', 'This account is linked to no person.');
  return actor.personId;
};

/** A trainee acting for themselves: under their person id, which the domain compares with the traineeId. */
export const traineeActor = (actor: Actor): CommandActor & { id: string } => ({
  id: personOf(actor),
  roles: actor.roles,
});

/**
 * Who a command is decided for: a trainee acts under their Registry person id, everyone else
 * (officers included) under their user id.
 */
export const commandActorOf = (actor: Actor): CommandActor =>
  !actor.roles.includes('trainee') || isTrainingOfficer(actor) ? actor : traineeActor(actor);
