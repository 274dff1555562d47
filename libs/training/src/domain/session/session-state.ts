import { AttendanceStatus } from './session-commands';
import { AttendanceSource } from './session-events';
import { SessionPlan } from './session-plan';

/**
 * scheduled -> enrolment-open <-> enrolment-closed -> held -> closed; cancelled from any status
 * before held. The session's stream owns its seats: every enrolment is decided on this state.
 */
export type SessionStatus =
  'scheduled' | 'enrolment-open' | 'enrolment-closed' | 'held' | 'closed' | 'cancelled';

export type Enrolment = {
  readonly traineeId: string;
  readonly associationId: string;
  /** requested: only between EnrolmentRequested and the confirmation or waitlisting of the same decision. */
  readonly status: 'requested' | 'confirmed' | 'waiting' | 'cancelled';
};
export type AttendanceMark = {
  readonly status: AttendanceStatus;
  readonly source: AttendanceSource;
  readonly note: string | null;
};
export type Feedback = { readonly rating: number; readonly comment: string | null };
export type Remark = { readonly remark: string; readonly by: string; readonly recordedAt: string };

export type Session = SessionPlan & {
  readonly status: SessionStatus;
  readonly sessionId: string;
  /** Every trainee who asked, by traineeId; a cancelled trainee may ask again. */
  readonly enrolments: ReadonlyMap<string, Enrolment>;
  /** Trainees holding a seat, in the order they got it; never longer than the capacity. */
  readonly confirmed: readonly string[];
  /** Trainees waiting, first to be promoted first. */
  readonly waiting: readonly string[];
  /** Marks by sittingId, then traineeId. */
  readonly attendance: ReadonlyMap<string, ReadonlyMap<string, AttendanceMark>>;
  readonly feedback: ReadonlyMap<string, Feedback>;
  readonly remarks: ReadonlyMap<string, readonly Remark[]>;
};
export type SessionState = { readonly status: 'none' } | Session;

export const initialSessionState = (): SessionState => ({ status: 'none' });

export const markOf = (state: Session, sittingId: string, traineeId: string): AttendanceMark | undefined =>
  state.attendance.get(sittingId)?.get(traineeId);

export const isConfirmed = (state: Session, traineeId: string): boolean =>
  state.enrolments.get(traineeId)?.status === 'confirmed';
