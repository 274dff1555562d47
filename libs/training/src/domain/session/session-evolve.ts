import { SessionEvent } from './session-events';
import { AttendanceMark, Enrolment, Session, SessionState } from './session-state';

const withEnrolment = (
  state: Session,
  traineeId: string,
  change: Partial<Enrolment>,
): Session['enrolments'] => {
  const enrolments = new Map(state.enrolments);
  const current = enrolments.get(traineeId) ?? { traineeId, associationId: '', status: 'requested' };
  enrolments.set(traineeId, { ...current, ...change });
  return enrolments;
};

const withMark = (
  state: Session,
  sittingId: string,
  traineeId: string,
  mark: AttendanceMark,
): Session['attendance'] => {
  const attendance = new Map(state.attendance);
  attendance.set(sittingId, new Map(attendance.get(sittingId)).set(traineeId, mark));
  return attendance;
};

const without = (list: readonly string[], traineeId: string): string[] => list.filter((t) => t !== traineeId);

export const evolveSession = (state: SessionState, event: SessionEvent): SessionState => {
  if (event.type === 'SessionScheduled') {
    const { scheduledAt: _at, by: _by, ...plan } = event.data;
    return {
      status: 'scheduled',
      ...plan,
      enrolments: new Map(),
      confirmed: [],
      waiting: [],
      attendance: new Map(),
      feedback: new Map(),
      remarks: new Map(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SessionRescheduled':
      return { ...state, ...event.data.changes };
    case 'SessionCapacityChanged':
      return { ...state, capacity: event.data.capacity };
    case 'EnrolmentOpened':
      return { ...state, status: 'enrolment-open' };
    case 'EnrolmentClosed':
      return { ...state, status: 'enrolment-closed' };
    case 'SessionCancelled':
      return { ...state, status: 'cancelled' };
    case 'SessionHeld':
      return { ...state, status: 'held' };
    case 'SessionClosed':
      return { ...state, status: 'closed' };
    case 'EnrolmentRequested':
      return {
        ...state,
        enrolments: withEnrolment(state, event.data.traineeId, {
          associationId: event.data.associationId,
          status: 'requested',
        }),
      };
    case 'EnrolmentConfirmed':
      return {
        ...state,
        enrolments: withEnrolment(state, event.data.traineeId, { status: 'confirmed' }),
        confirmed: [...state.confirmed, event.data.traineeId],
        waiting: without(state.waiting, event.data.traineeId),
      };
    case 'EnrolmentWaitlisted':
      return {
        ...state,
        enrolments: withEnrolment(state, event.data.traineeId, { status: 'waiting' }),
        waiting: [...state.waiting, event.data.traineeId],
      };
    case 'EnrolmentCancelled':
      return {
        ...state,
        enrolments: withEnrolment(state, event.data.traineeId, { status: 'cancelled' }),
        confirmed: without(state.confirmed, event.data.traineeId),
        waiting: without(state.waiting, event.data.traineeId),
      };
    case 'AttendanceMarked': {
      const { sittingId, traineeId, status, source, note } = event.data;
      return { ...state, attendance: withMark(state, sittingId, traineeId, { status, source, note }) };
    }
    case 'AttendanceCorrected': {
      const { sittingId, traineeId, status, note } = event.data;
      return {
        ...state,
        attendance: withMark(state, sittingId, traineeId, { status, source: 'trainer', note }),
      };
    }
    case 'FeedbackGiven': {
      const { traineeId, rating, comment } = event.data;
      return { ...state, feedback: new Map(state.feedback).set(traineeId, { rating, comment }) };
    }
    case 'RemarkRecorded': {
      const { traineeId, remark, by, recordedAt } = event.data;
      const remarks = [...(state.remarks.get(traineeId) ?? []), { remark, by, recordedAt }];
      return { ...state, remarks: new Map(state.remarks).set(traineeId, remarks) };
    }
    case 'TraineeCompleted':
    case 'TraineeNotCompleted':
      // The outcome is the event itself (certificates react to it); the session's state has it already.
      return state;
  }
};
