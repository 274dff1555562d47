import { EnrolmentConfirmed } from './session-events';
import { Session } from './session-state';

/** Free seats (a lowered capacity never goes below the confirmed count, so never negative). */
export const freeSeats = (state: Session, capacity = state.capacity): number =>
  Math.max(0, capacity - state.confirmed.length);

/** The first `seats` trainees of the waiting list, in order, confirmed as promoted. */
export const promoteFromWaitingList = (state: Session, seats: number, now: string): EnrolmentConfirmed[] =>
  state.waiting.slice(0, Math.max(0, seats)).map((traineeId) => ({
    type: 'EnrolmentConfirmed',
    data: {
      sessionId: state.sessionId,
      traineeId,
      associationId: state.enrolments.get(traineeId)?.associationId ?? '',
      promotedFromWaitingList: true,
      confirmedAt: now,
    },
  }));
