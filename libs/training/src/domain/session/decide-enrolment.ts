import {
  checkBoolean,
  checkId,
  checkObject,
  checkOptionalText,
  FieldIssues,
  MAX_LONG_TEXT,
} from '../field-validation';
import { CancelEnrolment, EnrolmentCommand, RequestEnrolment } from './session-commands';
import {
  AlreadyEnrolled,
  AssociationNotVerified,
  EnrolmentNotOpen,
  NotAContactOfAssociation,
  NotTheTrainee,
  TraineeNotEnrolled,
} from './session-errors';
import { SessionEvent } from './session-events';
import { isOfficer, requireStatus, stamp } from './session-guards';
import { Session } from './session-state';
import { freeSeats, promoteFromWaitingList } from './seats';

// Requested, then confirmed or waitlisted in the same decision: the store appends the two at the
// session's expected revision, so two requests racing for the last seat cannot both get it.
const request = (command: RequestEnrolment, state: Session): SessionEvent[] => {
  const issues = new FieldIssues();
  const traineeId = checkId(issues, 'traineeId', command.data.traineeId);
  const associationId = checkId(issues, 'associationId', command.data.associationId);
  const facts = checkObject(issues, 'eligibility', command.data.eligibility);
  const associationVerified = checkBoolean(
    issues,
    'eligibility.associationVerified',
    facts['associationVerified'],
  );
  const contactOfAssociation = checkBoolean(
    issues,
    'eligibility.contactOfAssociation',
    facts['contactOfAssociation'],
  );
  issues.throwIfAny();
  const current = state.enrolments.get(traineeId);
  if (current && current.status !== 'cancelled') {
    if (current.associationId === associationId) return [];
    throw new AlreadyEnrolled(traineeId, current.associationId);
  }
  if (state.status !== 'enrolment-open') throw new EnrolmentNotOpen(state.status);
  if (!associationVerified) throw new AssociationNotVerified(associationId);
  if (!contactOfAssociation) throw new NotAContactOfAssociation(traineeId, associationId);
  const { now, by } = stamp(command.metadata);
  const { sessionId } = state;
  const requested: SessionEvent = {
    type: 'EnrolmentRequested',
    data: { sessionId, traineeId, associationId, requestedAt: now, by },
  };
  if (freeSeats(state) > 0 && state.waiting.length === 0)
    return [
      requested,
      {
        type: 'EnrolmentConfirmed',
        data: { sessionId, traineeId, associationId, promotedFromWaitingList: false, confirmedAt: now },
      },
    ];
  return [
    requested,
    {
      type: 'EnrolmentWaitlisted',
      data: { sessionId, traineeId, position: state.waiting.length + 1, waitlistedAt: now },
    },
  ];
};

const cancel = (command: CancelEnrolment, state: Session): SessionEvent[] => {
  const issues = new FieldIssues();
  const traineeId = checkId(issues, 'traineeId', command.data.traineeId);
  const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
  issues.throwIfAny();
  const { now, by } = stamp(command.metadata);
  const current = state.enrolments.get(traineeId);
  const forTheirAssociation =
    command.data.forAssociation !== undefined &&
    command.metadata.actor.roles.includes('association') &&
    current?.associationId === command.data.forAssociation;
  if (by !== traineeId && !isOfficer(command.metadata) && !forTheirAssociation)
    throw new NotTheTrainee(by, traineeId);
  if (!current) throw new TraineeNotEnrolled(traineeId);
  if (current.status === 'cancelled') return [];
  const previousStatus = current.status === 'confirmed' ? 'confirmed' : 'waiting';
  requireStatus(state, command.type, ['enrolment-open', 'enrolment-closed']);
  const cancelled: SessionEvent = {
    type: 'EnrolmentCancelled',
    data: { sessionId: state.sessionId, traineeId, previousStatus, reason, cancelledAt: now, by },
  };
  return previousStatus === 'confirmed' ? [cancelled, ...promoteFromWaitingList(state, 1, now)] : [cancelled];
};

export const decideEnrolment = (command: EnrolmentCommand, state: Session): SessionEvent[] =>
  command.type === 'RequestEnrolment' ? request(command, state) : cancel(command, state);
