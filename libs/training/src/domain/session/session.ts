import { Decider, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, NotCreated } from '../errors';
import { checkId, FieldIssues, sameJson } from '../field-validation';
import { decideAttendance } from './decide-attendance';
import { decideCompletion } from './decide-completion';
import { decideEnrolment } from './decide-enrolment';
import { decideFeedback } from './decide-feedback';
import { decideScheduling } from './decide-scheduling';
import { ScheduleSession, SessionCommand } from './session-commands';
import { SessionEvent } from './session-events';
import { evolveSession } from './session-evolve';
import { SESSION, stamp } from './session-guards';
import { checkSessionPlan, SessionPlan } from './session-plan';
import { initialSessionState, Session, SessionState } from './session-state';

export const TRAINING_SESSION_CATEGORY = 'trainingSession';
/** One stream per session: its enrolments, seats, attendance, feedback and completion. */
export const trainingSessionStreamName = (sessionId: string): string =>
  streamName(TRAINING_SESSION_CATEGORY, sessionId);

const planOf = (state: Session): SessionPlan => {
  const { moduleId, language, timezone, place, sittings, trainers, capacity, completionRule } = state;
  return { moduleId, language, timezone, place, sittings, trainers, capacity, completionRule };
};

const schedule = (command: ScheduleSession, state: SessionState, sessionId: string): SessionEvent[] => {
  const issues = new FieldIssues();
  const plan = checkSessionPlan(issues, command.data as unknown as Record<string, unknown>);
  issues.throwIfAny();
  if (state.status !== 'none') {
    if (sameJson(plan, planOf(state))) return [];
    throw new AlreadyCreated(SESSION, sessionId);
  }
  const { now, by } = stamp(command.metadata);
  return [{ type: 'SessionScheduled', data: { sessionId, ...plan, scheduledAt: now, by } }];
};

export const decideSession = (command: SessionCommand, state: SessionState): SessionEvent[] => {
  const issues = new FieldIssues();
  const sessionId = checkId(issues, 'sessionId', command.data.sessionId);
  if (state.status === 'none' && command.type !== 'ScheduleSession')
    throw new NotCreated(SESSION, command.type);
  if (state.status !== 'none' && sessionId !== state.sessionId)
    issues.add('sessionId', `must be ${state.sessionId}, the session of this stream`);
  issues.throwIfAny();
  if (command.type === 'ScheduleSession') return schedule(command, state, sessionId);
  const session = state as Session;
  switch (command.type) {
    case 'RequestEnrolment':
    case 'CancelEnrolment':
      return decideEnrolment(command, session);
    case 'MarkAttendance':
    case 'CheckIn':
      return decideAttendance(command, session);
    case 'GiveFeedback':
    case 'RecordRemark':
      return decideFeedback(command, session);
    case 'CloseSession':
      return decideCompletion(command, session);
    default:
      return decideScheduling(command, session);
  }
};

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  decide: decideSession,
  evolve: evolveSession,
  initialState: initialSessionState,
};
