import { Actor, CommandActor, ProblemException } from '@tadamon/nest-kit';
import { TrainingCommands } from '../application/training-commands';
import { NotATrainer } from '../domain/session/session-errors';
import { TRAINING_OFFICER } from '../domain/session/session-guards';
import { Session } from '../domain/session/session-state';

/** A session as its stream says now, or 404. */
export const loadSession = async (commands: TrainingCommands, sessionId: string): Promise<Session> => {
  const loaded = await commands.load('session', sessionId);
  if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
  return loaded.state;
};

export const isTrainingOfficer = (actor: Actor): boolean => actor.roles.includes(TRAINING_OFFICER);

/** Reads of a session's roster, codes and feedback: its trainers and the officers (NOT_A_TRAINER). */
export const assertTrainerOrOfficer = (actor: Actor, session: Session): void => {
  if (!isTrainingOfficer(actor) && !session.trainers.includes(actor.id)) throw new NotATrainer(actor.id);
};

/**
 * A trainee acts under their person id, which the domain compares with the traineeId; an account
 * with the trainee role and no person is refused.
 */
export const traineeActor = (actor: Actor): CommandActor & { id: string } => {
  if (!actor.personId) throw new ProblemException('forbidden', 'this account belongs to no trainee');
  return { id: actor.personId, roles: actor.roles };
};
