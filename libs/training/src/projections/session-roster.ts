import { Document, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { AttendanceStatus } from '../domain/session/session-commands';
import {
  AttendanceSource,
  CompletionShortfall,
  SessionEvent,
  TraineeNotCompleted,
} from '../domain/session/session-events';
import { TRAINING_SESSION_CATEGORY } from '../domain/session/session';

/** A session's roster: one line per trainee who asked for a seat. No name: the Registry holds it. */
export const TRAINING_ROSTER = 'training_session_roster';
/** A session's attendance sheet: one mark per sitting and trainee. */
export const TRAINING_ATTENDANCE_MARKS = 'training_attendance_marks';
/** Feedback of a session, without who gave it: the summary its trainers and officers read. */
export const TRAINING_FEEDBACK = 'training_session_feedback';

export type RosterOutcome =
  | { completed: true; attendedMinutes: number; totalMinutes: number; attendancePercent: number }
  | { completed: false; reasons: CompletionShortfall[]; figures: TraineeNotCompleted['data']['figures'] };

export interface RosterLineDoc extends Document {
  sessionId: string;
  traineeId: string;
  associationId: string;
  enrolment: 'requested' | 'confirmed' | 'waiting' | 'cancelled';
  /** Whether the trainee gave feedback; what they wrote is in the feedback summary, unsigned. */
  feedbackGiven: boolean;
  /** Set when the session closed (confirmed trainees only). */
  outcome: RosterOutcome | null;
}

export interface AttendanceMarkDoc extends Document {
  sessionId: string;
  sittingId: string;
  traineeId: string;
  status: AttendanceStatus;
  /** Who gave the status now: a correction is always the trainer's (or an officer's). */
  source: AttendanceSource;
  /** The mark replaced an earlier one; previousStatus is what it replaced last. */
  corrected: boolean;
  previousStatus: AttendanceStatus | null;
  note: string | null;
  markedAt: string;
  by: string;
}

export interface FeedbackDoc extends Document {
  sessionId: string;
  rating: number;
  comment: string | null;
  givenAt: string;
}

const lineId = (sessionId: string, traineeId: string) => `${sessionId}|${traineeId}`;
const markId = (sessionId: string, sittingId: string, traineeId: string) =>
  `${sessionId}|${sittingId}|${traineeId}`;

/** Lines, marks and feedback of Training's sessions, from the session streams. */
export const sessionRosterProjection: Projection = {
  name: 'training-session-roster',
  version: 1,
  collections: [TRAINING_ROSTER, TRAINING_ATTENDANCE_MARKS, TRAINING_FEEDBACK],
  categories: [TRAINING_SESSION_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as SessionEvent;
    const line = (traineeId: string, update: UpdateSpec): ProjectionWrite[] => [
      { collection: TRAINING_ROSTER, upsert: { id: lineId(event.data.sessionId, traineeId), update } },
    ];
    switch (event.type) {
      case 'EnrolmentRequested': {
        const { sessionId, traineeId, associationId } = event.data;
        return line(traineeId, {
          $set: { sessionId, traineeId, associationId, enrolment: 'requested', outcome: null },
          $setOnInsert: { feedbackGiven: false },
        });
      }
      case 'EnrolmentConfirmed':
        return line(event.data.traineeId, {
          $set: { associationId: event.data.associationId, enrolment: 'confirmed' },
        });
      case 'EnrolmentWaitlisted':
        return line(event.data.traineeId, { $set: { enrolment: 'waiting' } });
      case 'EnrolmentCancelled':
        return line(event.data.traineeId, { $set: { enrolment: 'cancelled' } });
      case 'AttendanceMarked': {
        const { sessionId, sittingId, traineeId, status, note, source, markedAt, by } = event.data;
        return [
          {
            collection: TRAINING_ATTENDANCE_MARKS,
            upsert: {
              id: markId(sessionId, sittingId, traineeId),
              update: {
                $set: {
                  sessionId,
                  sittingId,
                  traineeId,
                  status,
                  source,
                  corrected: false,
                  previousStatus: null,
                  note,
                  markedAt,
                  by,
                },
              },
            },
          },
        ];
      }
      case 'AttendanceCorrected': {
        const { sessionId, sittingId, traineeId, status, previousStatus, note, correctedAt, by } = event.data;
        return [
          {
            collection: TRAINING_ATTENDANCE_MARKS,
            upsert: {
              id: markId(sessionId, sittingId, traineeId),
              update: {
                $set: {
                  sessionId,
                  sittingId,
                  traineeId,
                  status,
                  source: 'trainer',
                  corrected: true,
                  previousStatus,
                  note,
                  markedAt: correctedAt,
                  by,
                },
              },
            },
          },
        ];
      }
      case 'FeedbackGiven': {
        const { sessionId, traineeId, rating, comment, givenAt } = event.data;
        return [
          ...line(traineeId, { $set: { feedbackGiven: true } }),
          {
            collection: TRAINING_FEEDBACK,
            upsert: {
              id: lineId(sessionId, traineeId),
              update: { $set: { sessionId, rating, comment, givenAt } },
            },
          },
        ];
      }
      case 'TraineeCompleted': {
        const { traineeId, attendedMinutes, totalMinutes, attendancePercent } = event.data;
        const outcome: RosterOutcome = { completed: true, attendedMinutes, totalMinutes, attendancePercent };
        return line(traineeId, { $set: { outcome } });
      }
      case 'TraineeNotCompleted': {
        const { traineeId, reasons, figures } = event.data;
        const outcome: RosterOutcome = { completed: false, reasons, figures };
        return line(traineeId, { $set: { outcome } });
      }
      default:
        return [];
    }
  },
};
