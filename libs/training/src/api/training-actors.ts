import { Actor, CommandActor, ProblemException } from '@tadamon/nest-kit';
import { TRAINING_OFFICER } from '../domain/session/session-guards';

export const isTrainingOfficer = (actor: Actor | undefined): boolean =>
  actor?.roles.includes(TRAINING_OFFICER) ?? false;

/**
 * Who a command is decided for: a trainee acts under their Registry person id (the domain compares
 * it with the traineeId), everyone else under their user id. A trainee account without a person is
 * refused.
 */
export const commandActorOf = (actor: Actor): CommandActor => {
  if (!actor.roles.includes('trainee') || isTrainingOfficer(actor)) return actor;
  if (!actor.personId) throw new ProblemException('forbidden', 'This account is linked to no person.');
  return { id: actor.personId, roles: actor.roles };
};
