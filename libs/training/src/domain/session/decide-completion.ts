import { isBefore } from '../field-validation';
import { attendanceFigures, shortfalls, totalMinutes } from './completion';
import { CloseSession } from './session-commands';
import { SessionNotEnded } from './session-errors';
import { SessionEvent } from './session-events';
import { lastEnd, requireStatus, requireTrainerOrOfficer, RUNNING, stamp } from './session-guards';
import { Session } from './session-state';

/** Closes the session and states, for every confirmed trainee, whether they completed it and why not. */
export const decideCompletion = (command: CloseSession, state: Session): SessionEvent[] => {
  if (state.status === 'closed') return [];
  requireStatus(state, command.type, RUNNING);
  requireTrainerOrOfficer(state, command.metadata);
  if (isBefore(command.metadata.now, lastEnd(state))) throw new SessionNotEnded(lastEnd(state));
  const { now, by } = stamp(command.metadata);
  const { sessionId } = state;
  const outcomes = state.confirmed.map((traineeId): SessionEvent => {
    const figures = attendanceFigures(state, traineeId);
    const reasons = shortfalls(state, traineeId, figures);
    if (reasons.length === 0) return { type: 'TraineeCompleted', data: { sessionId, traineeId, ...figures } };
    const { minAttendancePercent } = state.completionRule;
    const feedbackGiven = state.feedback.has(traineeId);
    return {
      type: 'TraineeNotCompleted',
      data: { sessionId, traineeId, reasons, figures: { ...figures, minAttendancePercent, feedbackGiven } },
    };
  });
  return [
    { type: 'SessionClosed', data: { sessionId, totalMinutes: totalMinutes(state), closedAt: now, by } },
    ...outcomes,
  ];
};
