import { Actor, ProblemException } from '@tadamon/nest-kit';
import { TrainingCommands } from '../application/training-commands';
import { NotATrainer } from '../domain/session/session-errors';
import { Session } from '../domain/session/session-state';
import { isTrainingOfficer } from './training-actors';

/** A session as its stream says now, or 404. */
export const loadSession = async (commands: TrainingCommands, sessionId: string): Promise<Session> => {
  const loaded = await commands.load('session', sessionId);
  if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
  return loaded.state;
};

/** Reads of a session's roster, codes and feedback: its trainers and the officers (NOT_A_TRAINER). */
export const assertTrainerOrOfficer = (actor: Actor, session: Session): void => {
  if (!isTrainingOfficer(actor) && !session.trainers.includes(actor.id)) throw new NotATrainer(actor.id);
};
