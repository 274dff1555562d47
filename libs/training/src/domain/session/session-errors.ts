import { TrainingError } from '../errors';

export class EnrolmentNotOpen extends TrainingError {
  readonly code = 'ENROLMENT_NOT_OPEN';
  override params() {
    return { status: this.status };
  }
  constructor(readonly status: string) {
    super(`enrolment is not open: the session is ${status}`);
  }
}

export class AssociationNotVerified extends TrainingError {
  readonly code = 'ASSOCIATION_NOT_VERIFIED';
  override readonly kind = 'forbidden';
  override readonly field = 'associationId';
  constructor(readonly associationId: string) {
    super(`association ${associationId} is not verified: its contacts cannot enrol yet`);
  }
}

export class NotAContactOfAssociation extends TrainingError {
  readonly code = 'NOT_A_CONTACT_OF_ASSOCIATION';
  override readonly kind = 'forbidden';
  override readonly field = 'traineeId';
  constructor(
    readonly traineeId: string,
    readonly associationId: string,
  ) {
    super(`${traineeId} is not a contact person of association ${associationId}`);
  }
}

/** One enrolment per trainee and session: asking again for another association is refused. */
export class AlreadyEnrolled extends TrainingError {
  readonly code = 'ALREADY_ENROLLED';
  override extensions() {
    return { associationId: this.associationId };
  }
  constructor(
    readonly traineeId: string,
    readonly associationId: string,
  ) {
    super(`${traineeId} is already enrolled in this session for association ${associationId}`);
  }
}

export class TraineeNotEnrolled extends TrainingError {
  readonly code = 'TRAINEE_NOT_ENROLLED';
  override readonly kind = 'not-found';
  override readonly field = 'traineeId';
  constructor(readonly traineeId: string) {
    super(`${traineeId} never enrolled in this session`);
  }
}

/** Attendance, feedback and remarks concern trainees holding a seat, not those waiting or gone. */
export class TraineeNotConfirmed extends TrainingError {
  readonly code = 'TRAINEE_NOT_CONFIRMED';
  override readonly field = 'traineeId';
  constructor(readonly traineeId: string) {
    super(`${traineeId} does not hold a confirmed seat in this session`);
  }
}

export class CapacityBelowConfirmed extends TrainingError {
  readonly code = 'CAPACITY_BELOW_CONFIRMED';
  override readonly field = 'capacity';
  override extensions() {
    return { confirmed: this.confirmed };
  }
  constructor(
    readonly capacity: number,
    readonly confirmed: number,
  ) {
    super(`a capacity of ${capacity} is below the ${confirmed} confirmed seats; cancel enrolments first`);
  }
}

/** The actor must be a trainer of the session or hold the officer role. */
export class NotATrainer extends TrainingError {
  readonly code = 'NOT_A_TRAINER';
  override readonly kind = 'forbidden';
  constructor(readonly actorId: string) {
    super(`${actorId} is neither a trainer of this session nor a training officer`);
  }
}

/** The actor acts for another trainee without being allowed to. */
export class NotTheTrainee extends TrainingError {
  readonly code = 'NOT_THE_TRAINEE';
  override readonly kind = 'forbidden';
  override readonly field = 'traineeId';
  constructor(
    readonly actorId: string,
    readonly traineeId: string,
  ) {
    super(`${actorId} cannot act for trainee ${traineeId}`);
  }
}

export class UnknownSitting extends TrainingError {
  readonly code = 'UNKNOWN_SITTING';
  override readonly kind = 'not-found';
  override readonly field = 'sittingId';
  constructor(readonly sittingId: string) {
    super(`the session has no sitting ${sittingId}`);
  }
}

/** A sitting with attendance marks keeps its id and times: the marks refer to them. */
export class SittingAlreadyAttended extends TrainingError {
  readonly code = 'SITTING_ALREADY_ATTENDED';
  override extensions() {
    return { sittingId: this.sittingId };
  }
  constructor(readonly sittingId: string) {
    super(`sitting ${sittingId} has attendance marks: it can no longer be moved or removed`);
  }
}

export class SessionNotEnded extends TrainingError {
  readonly code = 'SESSION_NOT_ENDED';
  override extensions() {
    return { endsAt: this.endsAt };
  }
  constructor(readonly endsAt: string) {
    super(`the last sitting ends at ${endsAt}`);
  }
}

export class FeedbackTooEarly extends TrainingError {
  readonly code = 'FEEDBACK_TOO_EARLY';
  override extensions() {
    return { opensAt: this.opensAt };
  }
  constructor(readonly opensAt: string) {
    super(`feedback opens when the first sitting starts, at ${opensAt}`);
  }
}

/** Feedback is given once: a second, different one is refused (the same one changes nothing). */
export class FeedbackAlreadyGiven extends TrainingError {
  readonly code = 'FEEDBACK_ALREADY_GIVEN';
  constructor(readonly traineeId: string) {
    super(`${traineeId} already gave feedback on this session`);
  }
}

/** Present, late or absent are known once the sitting's check-in window opened; excused may be said before. */
export class SittingNotStarted extends TrainingError {
  readonly code = 'SITTING_NOT_STARTED';
  override extensions() {
    return { sittingId: this.sittingId, opensAt: this.opensAt };
  }
  constructor(
    readonly sittingId: string,
    readonly opensAt: string,
  ) {
    super(`sitting ${sittingId} opens at ${opensAt}: only an excused absence can be marked before`);
  }
}
