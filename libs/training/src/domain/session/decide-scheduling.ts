import {
  checkDetailChanges,
  checkOptionalText,
  checkText,
  FieldIssues,
  isBefore,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import {
  ChangeSessionCapacity,
  RescheduleSession,
  ScheduleSession,
  SchedulingCommand,
} from './session-commands';
import { CapacityBelowConfirmed, SessionNotEnded, SittingAlreadyAttended } from './session-errors';
import { SessionEvent } from './session-events';
import { lastEnd, requireStatus, requireTrainerOrOfficer, stamp } from './session-guards';
import { checkArrangements, checkCapacity, SESSION_ARRANGEMENTS, SessionArrangements } from './session-plan';
import { Session } from './session-state';
import { freeSeats, promoteFromWaitingList } from './seats';

const BEFORE_HELD = ['scheduled', 'enrolment-open', 'enrolment-closed'] as const;

const arrangementsOf = (state: Session): SessionArrangements => {
  const { language, timezone, place, sittings, trainers } = state;
  return { language, timezone, place, sittings, trainers };
};

const checkChanges = (
  issues: FieldIssues,
  current: SessionArrangements,
  value: unknown,
): Partial<SessionArrangements> =>
  checkDetailChanges(
    issues,
    current,
    value,
    SESSION_ARRANGEMENTS,
    checkArrangements,
    'is not an arrangement of the session (the capacity has its own command)',
  );

const reschedule = (command: RescheduleSession, state: Session): SessionEvent[] => {
  requireStatus(state, command.type, BEFORE_HELD);
  const issues = new FieldIssues();
  const changes = checkChanges(issues, arrangementsOf(state), command.data.changes);
  const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
  issues.throwIfAny();
  if (Object.keys(changes).length === 0) return [];
  if (changes.sittings) {
    const kept = changes.sittings;
    for (const sitting of state.sittings) {
      const marked = (state.attendance.get(sitting.sittingId)?.size ?? 0) > 0;
      if (marked && !kept.some((s) => sameJson(s, sitting)))
        throw new SittingAlreadyAttended(sitting.sittingId);
    }
  }
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'SessionRescheduled',
      data: { sessionId: state.sessionId, changes, reason, rescheduledAt: now, by },
    },
  ];
};

const changeCapacity = (command: ChangeSessionCapacity, state: Session): SessionEvent[] => {
  requireStatus(state, command.type, BEFORE_HELD);
  const issues = new FieldIssues();
  const capacity = checkCapacity(issues, 'capacity', command.data.capacity);
  issues.throwIfAny();
  if (capacity === state.capacity) return [];
  if (capacity < state.confirmed.length) throw new CapacityBelowConfirmed(capacity, state.confirmed.length);
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'SessionCapacityChanged',
      data: { sessionId: state.sessionId, capacity, previousCapacity: state.capacity, changedAt: now, by },
    },
    ...promoteFromWaitingList(state, freeSeats(state, capacity), now),
  ];
};

/** Every scheduling command but the creating one (session.ts decides ScheduleSession). */
export const decideScheduling = (
  command: Exclude<SchedulingCommand, ScheduleSession>,
  state: Session,
): SessionEvent[] => {
  const { sessionId } = state;
  const { now, by } = stamp(command.metadata);
  switch (command.type) {
    case 'RescheduleSession':
      return reschedule(command, state);
    case 'ChangeSessionCapacity':
      return changeCapacity(command, state);
    case 'OpenEnrolment':
      if (state.status === 'enrolment-open') return [];
      requireStatus(state, command.type, ['scheduled', 'enrolment-closed']);
      return [{ type: 'EnrolmentOpened', data: { sessionId, openedAt: now, by } }];
    case 'CloseEnrolment':
      if (state.status === 'enrolment-closed') return [];
      requireStatus(state, command.type, ['enrolment-open']);
      return [{ type: 'EnrolmentClosed', data: { sessionId, closedAt: now, by } }];
    case 'CancelSession': {
      const issues = new FieldIssues();
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'cancelled') return [];
      requireStatus(state, command.type, BEFORE_HELD);
      return [{ type: 'SessionCancelled', data: { sessionId, reason, cancelledAt: now, by } }];
    }
    case 'MarkSessionHeld':
      if (state.status === 'held') return [];
      requireStatus(state, command.type, ['enrolment-open', 'enrolment-closed']);
      requireTrainerOrOfficer(state, command.metadata);
      if (isBefore(now, lastEnd(state))) throw new SessionNotEnded(lastEnd(state));
      return [{ type: 'SessionHeld', data: { sessionId, heldAt: now, by } }];
  }
};
