import {
  checkId,
  checkInstant,
  checkObject,
  checkOneOf,
  checkOptionalText,
  FieldIssues,
  isBefore,
} from '../field-validation';
import { CheckInRefusal, CheckInRefused, CheckInWindow } from './check-in-refusals';
import { ATTENDANCE_STATUSES, AttendanceCommand, CheckIn, MarkAttendance } from './session-commands';
import { NotTheTrainee, SittingNotStarted, TraineeNotConfirmed } from './session-errors';
import { SessionEvent } from './session-events';
import {
  addMinutes,
  isTrainerOrOfficer,
  requireStatus,
  requireTrainerOrOfficer,
  RUNNING,
  sittingOf,
  stamp,
} from './session-guards';
import { isConfirmed, markOf, Session } from './session-state';

export const CHECK_IN_OPENS_BEFORE_MINUTES = 30;
/** A trainee checking in later than this after the start is marked late. */
export const LATE_AFTER_MINUTES = 10;
export const MAX_NOTE = 500;

const mark = (command: MarkAttendance, state: Session): SessionEvent[] => {
  const issues = new FieldIssues();
  const sittingId = checkId(issues, 'sittingId', command.data.sittingId);
  const traineeId = checkId(issues, 'traineeId', command.data.traineeId);
  const status = checkOneOf(issues, 'status', command.data.status, ATTENDANCE_STATUSES);
  const note = checkOptionalText(issues, 'note', command.data.note, MAX_NOTE);
  issues.throwIfAny();
  requireStatus(state, command.type, RUNNING);
  requireTrainerOrOfficer(state, command.metadata);
  const sitting = sittingOf(state, sittingId);
  if (!isConfirmed(state, traineeId)) throw new TraineeNotConfirmed(traineeId);
  const previous = markOf(state, sittingId, traineeId);
  if (previous?.status === status) return [];
  const { now, by } = stamp(command.metadata);
  const opensAt = addMinutes(sitting.startsAt, -CHECK_IN_OPENS_BEFORE_MINUTES);
  if (status !== 'excused' && isBefore(now, opensAt)) throw new SittingNotStarted(sittingId, opensAt);
  const { sessionId } = state;
  if (previous)
    return [
      {
        type: 'AttendanceCorrected',
        data: {
          sessionId,
          sittingId,
          traineeId,
          status,
          previousStatus: previous.status,
          note,
          correctedAt: now,
          by,
        },
      },
    ];
  return [
    {
      type: 'AttendanceMarked',
      data: { sessionId, sittingId, traineeId, status, note, source: 'trainer', markedAt: now, by },
    },
  ];
};

// The code's signature was verified by the application layer; here, only what it says and when.
const checkIn = (command: CheckIn, state: Session): SessionEvent[] => {
  const issues = new FieldIssues();
  const sittingId = checkId(issues, 'sittingId', command.data.sittingId);
  const traineeId = checkId(issues, 'traineeId', command.data.traineeId);
  const code = checkObject(issues, 'code', command.data.code);
  const codeSession = checkId(issues, 'code.sessionId', code['sessionId']);
  const codeSitting = checkId(issues, 'code.sittingId', code['sittingId']);
  const validFrom = checkInstant(issues, 'code.validFrom', code['validFrom']);
  const validUntil = checkInstant(issues, 'code.validUntil', code['validUntil']);
  issues.throwIfAny();
  requireStatus(state, command.type, RUNNING);
  const { now, by } = stamp(command.metadata);
  if (by !== traineeId && !isTrainerOrOfficer(state, command.metadata))
    throw new NotTheTrainee(by, traineeId);
  const sitting = sittingOf(state, sittingId);
  const window: CheckInWindow = {
    opensAt: addMinutes(sitting.startsAt, -CHECK_IN_OPENS_BEFORE_MINUTES),
    closesAt: sitting.endsAt,
  };
  const refuse = (reason: CheckInRefusal) => new CheckInRefused(reason, sittingId, window);
  if (codeSession !== state.sessionId || codeSitting !== sittingId) throw refuse('CHECK_IN_WRONG_SITTING');
  if (!isConfirmed(state, traineeId)) throw refuse('CHECK_IN_NOT_ENROLLED');
  if (markOf(state, sittingId, traineeId)) throw refuse('CHECK_IN_ALREADY_MARKED');
  if (isBefore(now, window.opensAt) || isBefore(now, validFrom)) throw refuse('CHECK_IN_TOO_EARLY');
  if (isBefore(window.closesAt, now) || isBefore(validUntil, now)) throw refuse('CHECK_IN_TOO_LATE');
  const status = isBefore(addMinutes(sitting.startsAt, LATE_AFTER_MINUTES), now) ? 'late' : 'present';
  return [
    {
      type: 'AttendanceMarked',
      data: {
        sessionId: state.sessionId,
        sittingId,
        traineeId,
        status,
        note: null,
        source: 'self-check-in',
        markedAt: now,
        by,
      },
    },
  ];
};

export const decideAttendance = (command: AttendanceCommand, state: Session): SessionEvent[] =>
  command.type === 'MarkAttendance' ? mark(command, state) : checkIn(command, state);
