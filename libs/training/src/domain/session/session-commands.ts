import { Command } from '@tadamon/eventsourcing';
import { CompletionRule, SessionArrangements, SessionPlan } from './session-plan';

type Id = { sessionId: string };

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A plan as a client sends it: the completion rule may be left out, or given in part. */
export type SessionPlanInput = Omit<SessionPlan, 'completionRule'> & {
  completionRule?: Partial<CompletionRule>;
};

export type ScheduleSession = Command<'ScheduleSession', Id & SessionPlanInput>;
/** Some arrangements, each given whole (new sittings replace the old ones). */
export type RescheduleSession = Command<
  'RescheduleSession',
  Id & { changes: Partial<SessionArrangements>; reason?: string }
>;
export type ChangeSessionCapacity = Command<'ChangeSessionCapacity', Id & { capacity: number }>;
export type OpenEnrolment = Command<'OpenEnrolment', Id>;
export type CloseEnrolment = Command<'CloseEnrolment', Id>;
export type CancelSession = Command<'CancelSession', Id & { reason: string }>;
/** By a trainer of the session or a training officer, once the last sitting ended. */
export type MarkSessionHeld = Command<'MarkSessionHeld', Id>;
export type SchedulingCommand =
  | ScheduleSession
  | RescheduleSession
  | ChangeSessionCapacity
  | OpenEnrolment
  | CloseEnrolment
  | CancelSession
  | MarkSessionHeld;

/**
 * The Registry facts the application layer read (from Registry's integration events) before
 * sending the command: the decider does not look them up.
 */
export type EnrolmentEligibility = { associationVerified: boolean; contactOfAssociation: boolean };
/** traineeId: the Registry id of the association's contact person. */
export type RequestEnrolment = Command<
  'RequestEnrolment',
  Id & { traineeId: string; associationId: string; eligibility: EnrolmentEligibility }
>;
/** By the trainee themselves or a training officer. */
/**
 * By the trainee, an officer, or the association the trainee enrolled for: `forAssociation` is the
 * association whose account acts (from its token, set by the application layer, never the body).
 */
export type CancelEnrolment = Command<
  'CancelEnrolment',
  Id & { traineeId: string; reason?: string; forAssociation?: string }
>;
export type EnrolmentCommand = RequestEnrolment | CancelEnrolment;

/** By a trainer of the session or a training officer. */
export type MarkAttendance = Command<
  'MarkAttendance',
  Id & { sittingId: string; traineeId: string; status: AttendanceStatus; note?: string }
>;
/** The contents of a check-in code (QR) whose signature the application layer has verified. */
export type CheckInCode = { sessionId: string; sittingId: string; validFrom: string; validUntil: string };
export type CheckIn = Command<'CheckIn', Id & { sittingId: string; traineeId: string; code: CheckInCode }>;
export type AttendanceCommand = MarkAttendance | CheckIn;

export type GiveFeedback = Command<
  'GiveFeedback',
  Id & { traineeId: string; rating: number; comment?: string }
>;
export type RecordRemark = Command<'RecordRemark', Id & { traineeId: string; remark: string }>;
export type FeedbackCommand = GiveFeedback | RecordRemark;

/** By a trainer of the session or a training officer, once the last sitting ended. */
export type CloseSession = Command<'CloseSession', Id>;

export type SessionCommand =
  SchedulingCommand | EnrolmentCommand | AttendanceCommand | FeedbackCommand | CloseSession;
