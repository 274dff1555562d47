import { CommandMetadata } from '@tadamon/eventsourcing';
import { InvalidTransition } from '../errors';
import { NotATrainer, UnknownSitting } from './session-errors';
import { Sitting } from './session-plan';
import { Session, SessionStatus } from './session-state';

export const SESSION = 'trainingSession';
export const TRAINING_OFFICER = 'officer';

/** Statuses in which trainees hold seats and the sittings take place. */
export const RUNNING: readonly SessionStatus[] = ['enrolment-open', 'enrolment-closed', 'held'];

export const stamp = (metadata: CommandMetadata): { now: string; by: string } => ({
  now: metadata.now,
  by: metadata.actor.id,
});

export const requireStatus = (
  state: Session,
  commandType: string,
  allowed: readonly SessionStatus[],
): void => {
  if (!allowed.includes(state.status)) throw new InvalidTransition(SESSION, state.status, commandType);
};

export const isOfficer = (metadata: CommandMetadata): boolean =>
  metadata.actor.roles.includes(TRAINING_OFFICER);

export const isTrainerOrOfficer = (state: Session, metadata: CommandMetadata): boolean =>
  state.trainers.includes(metadata.actor.id) || isOfficer(metadata);

export const requireTrainerOrOfficer = (state: Session, metadata: CommandMetadata): void => {
  if (!isTrainerOrOfficer(state, metadata)) throw new NotATrainer(metadata.actor.id);
};

export const sittingOf = (state: Session, sittingId: string): Sitting => {
  const sitting = state.sittings.find((s) => s.sittingId === sittingId);
  if (!sitting) throw new UnknownSitting(sittingId);
  return sitting;
};

export const lastEnd = (state: Session): string => state.sittings[state.sittings.length - 1].endsAt;
export const firstStart = (state: Session): string => state.sittings[0].startsAt;

export const addMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();
