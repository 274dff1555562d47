import { DomainEvent } from '@tadamon/eventsourcing';
import { AttendanceStatus } from './session-commands';
import { SessionArrangements, SessionPlan } from './session-plan';

type Id = { sessionId: string };

export type SessionScheduled = DomainEvent<
  'SessionScheduled',
  Id & SessionPlan & { scheduledAt: string; by: string }
>;
/** `changes`: the arrangements that changed, each whole. */
export type SessionRescheduled = DomainEvent<
  'SessionRescheduled',
  Id & { changes: Partial<SessionArrangements>; reason: string | null; rescheduledAt: string; by: string }
>;
export type SessionCapacityChanged = DomainEvent<
  'SessionCapacityChanged',
  Id & { capacity: number; previousCapacity: number; changedAt: string; by: string }
>;
export type EnrolmentOpened = DomainEvent<'EnrolmentOpened', Id & { openedAt: string; by: string }>;
export type EnrolmentClosed = DomainEvent<'EnrolmentClosed', Id & { closedAt: string; by: string }>;
export type SessionCancelled = DomainEvent<
  'SessionCancelled',
  Id & { reason: string; cancelledAt: string; by: string }
>;
export type SessionHeld = DomainEvent<'SessionHeld', Id & { heldAt: string; by: string }>;

export type EnrolmentRequested = DomainEvent<
  'EnrolmentRequested',
  Id & { traineeId: string; associationId: string; requestedAt: string; by: string }
>;
/** promotedFromWaitingList: the seat was freed (a cancellation, a larger capacity) and went to the first waiting. */
export type EnrolmentConfirmed = DomainEvent<
  'EnrolmentConfirmed',
  Id & { traineeId: string; associationId: string; promotedFromWaitingList: boolean; confirmedAt: string }
>;
/** position: 1 for the first on the waiting list, when the trainee joined it. */
export type EnrolmentWaitlisted = DomainEvent<
  'EnrolmentWaitlisted',
  Id & { traineeId: string; position: number; waitlistedAt: string }
>;
export type EnrolmentCancelled = DomainEvent<
  'EnrolmentCancelled',
  Id & {
    traineeId: string;
    /** What the trainee held: a confirmed seat (then freed) or a place on the waiting list. */
    previousStatus: 'confirmed' | 'waiting';
    reason: string | null;
    cancelledAt: string;
    by: string;
  }
>;

export type AttendanceSource = 'trainer' | 'self-check-in';
export type AttendanceMarked = DomainEvent<
  'AttendanceMarked',
  Id & {
    sittingId: string;
    traineeId: string;
    status: AttendanceStatus;
    note: string | null;
    source: AttendanceSource;
    markedAt: string;
    by: string;
  }
>;
/** A trainer's mark replacing an earlier one (their own or a self check-in). */
export type AttendanceCorrected = DomainEvent<
  'AttendanceCorrected',
  Id & {
    sittingId: string;
    traineeId: string;
    status: AttendanceStatus;
    previousStatus: AttendanceStatus;
    note: string | null;
    correctedAt: string;
    by: string;
  }
>;

export type FeedbackGiven = DomainEvent<
  'FeedbackGiven',
  Id & { traineeId: string; rating: number; comment: string | null; givenAt: string }
>;
export type RemarkRecorded = DomainEvent<
  'RemarkRecorded',
  Id & { traineeId: string; remark: string; recordedAt: string; by: string }
>;

/** totalMinutes: the minutes of every sitting of the session. */
export type SessionClosed = DomainEvent<
  'SessionClosed',
  Id & { totalMinutes: number; closedAt: string; by: string }
>;
/** The figures of a trainee's attendance; attendancePercent has two decimals, rounded down. */
export type AttendanceFigures = { attendedMinutes: number; totalMinutes: number; attendancePercent: number };
export type TraineeCompleted = DomainEvent<
  'TraineeCompleted',
  Id & { traineeId: string } & AttendanceFigures
>;
export type CompletionShortfall = 'ATTENDANCE_BELOW_MINIMUM' | 'FEEDBACK_MISSING';
export type TraineeNotCompleted = DomainEvent<
  'TraineeNotCompleted',
  Id & {
    traineeId: string;
    reasons: CompletionShortfall[];
    figures: AttendanceFigures & { minAttendancePercent: number; feedbackGiven: boolean };
  }
>;

export type SessionEvent =
  | SessionScheduled
  | SessionRescheduled
  | SessionCapacityChanged
  | EnrolmentOpened
  | EnrolmentClosed
  | SessionCancelled
  | SessionHeld
  | EnrolmentRequested
  | EnrolmentConfirmed
  | EnrolmentWaitlisted
  | EnrolmentCancelled
  | AttendanceMarked
  | AttendanceCorrected
  | FeedbackGiven
  | RemarkRecorded
  | SessionClosed
  | TraineeCompleted
  | TraineeNotCompleted;
