import {
  checkId,
  checkInteger,
  checkOptionalText,
  checkText,
  FieldIssues,
  isBefore,
  MAX_LONG_TEXT,
} from '../field-validation';
import { FeedbackCommand, GiveFeedback, RecordRemark } from './session-commands';
import { FeedbackAlreadyGiven, FeedbackTooEarly, NotTheTrainee, TraineeNotConfirmed } from './session-errors';
import { SessionEvent } from './session-events';
import { firstStart, requireStatus, requireTrainerOrOfficer, RUNNING, stamp } from './session-guards';
import { isConfirmed, Session } from './session-state';

export const MAX_COMMENT = 2000;

const giveFeedback = (command: GiveFeedback, state: Session): SessionEvent[] => {
  const issues = new FieldIssues();
  const traineeId = checkId(issues, 'traineeId', command.data.traineeId);
  const rating = checkInteger(issues, 'rating', command.data.rating, 1, 5);
  const comment = checkOptionalText(issues, 'comment', command.data.comment, MAX_COMMENT);
  issues.throwIfAny();
  const { now, by } = stamp(command.metadata);
  if (by !== traineeId) throw new NotTheTrainee(by, traineeId);
  const given = state.feedback.get(traineeId);
  if (given) {
    if (given.rating === rating && given.comment === comment) return [];
    throw new FeedbackAlreadyGiven(traineeId);
  }
  requireStatus(state, command.type, RUNNING);
  if (!isConfirmed(state, traineeId)) throw new TraineeNotConfirmed(traineeId);
  if (isBefore(now, firstStart(state))) throw new FeedbackTooEarly(firstStart(state));
  return [
    { type: 'FeedbackGiven', data: { sessionId: state.sessionId, traineeId, rating, comment, givenAt: now } },
  ];
};

const recordRemark = (command: RecordRemark, state: Session): SessionEvent[] => {
  const issues = new FieldIssues();
  const traineeId = checkId(issues, 'traineeId', command.data.traineeId);
  const remark = checkText(issues, 'remark', command.data.remark, MAX_LONG_TEXT);
  issues.throwIfAny();
  requireStatus(state, command.type, [...RUNNING, 'closed']);
  requireTrainerOrOfficer(state, command.metadata);
  if (!isConfirmed(state, traineeId)) throw new TraineeNotConfirmed(traineeId);
  const { now, by } = stamp(command.metadata);
  const repeated = (state.remarks.get(traineeId) ?? []).some((r) => r.by === by && r.remark === remark);
  if (repeated) return [];
  return [
    { type: 'RemarkRecorded', data: { sessionId: state.sessionId, traineeId, remark, recordedAt: now, by } },
  ];
};

export const decideFeedback = (command: FeedbackCommand, state: Session): SessionEvent[] =>
  command.type === 'GiveFeedback' ? giveFeedback(command, state) : recordRemark(command, state);
