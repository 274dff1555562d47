import { Document, Filter, Projection, ProjectionWrite } from '@tadamon/read-store';
import { TRAINING_SESSION_CATEGORY } from '../domain/session/session';
import { SessionEvent } from '../domain/session/session-events';

export const TRAINING_ENROLMENTS = 'training_enrolments';

export type EnrolmentStatus = 'confirmed' | 'waiting' | 'cancelled';

/** One trainee in one session: their seat or place, their association, and the completion outcome. */
export interface EnrolmentDoc extends Document {
  sessionId: string;
  traineeId: string;
  associationId: string;
  status: EnrolmentStatus;
  /** The global position of the event that put them on the waiting list: their turn (null otherwise). */
  waitingSince: number | null;
  requestedAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  /** null until the session is closed; then completed or not, with the figures. */
  completed: boolean | null;
  attendancePercent: number | null;
  shortfalls: string[];
}

export const enrolmentDocId = (sessionId: string, traineeId: string): string => `${sessionId}/${traineeId}`;

export const enrolmentsProjection: Projection = {
  name: 'training-enrolments',
  version: 1,
  collections: [TRAINING_ENROLMENTS],
  categories: [TRAINING_SESSION_CATEGORY],
  types: [
    'EnrolmentRequested',
    'EnrolmentConfirmed',
    'EnrolmentWaitlisted',
    'EnrolmentCancelled',
    'TraineeCompleted',
    'TraineeNotCompleted',
  ],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as SessionEvent;
    if (!('traineeId' in event.data)) return [];
    const { sessionId, traineeId } = event.data;
    const set = (fields: Record<string, unknown>): ProjectionWrite[] => [
      {
        collection: TRAINING_ENROLMENTS,
        upsert: { id: enrolmentDocId(sessionId, traineeId), update: { $set: fields } },
      },
    ];
    switch (event.type) {
      case 'EnrolmentRequested':
        // A trainee who cancelled may ask again: the document starts over.
        return set({
          sessionId,
          traineeId,
          associationId: event.data.associationId,
          status: 'waiting',
          waitingSince: recorded.globalPosition,
          requestedAt: event.data.requestedAt,
          confirmedAt: null,
          cancelledAt: null,
          completed: null,
          attendancePercent: null,
          shortfalls: [],
        });
      case 'EnrolmentConfirmed':
        return set({ status: 'confirmed', waitingSince: null, confirmedAt: event.data.confirmedAt });
      case 'EnrolmentWaitlisted':
        return set({ status: 'waiting', waitingSince: recorded.globalPosition });
      case 'EnrolmentCancelled':
        return set({ status: 'cancelled', waitingSince: null, cancelledAt: event.data.cancelledAt });
      case 'TraineeCompleted':
        return set({ completed: true, attendancePercent: event.data.attendancePercent, shortfalls: [] });
      case 'TraineeNotCompleted':
        return set({
          completed: false,
          attendancePercent: event.data.figures.attendancePercent,
          shortfalls: event.data.reasons,
        });
      default:
        return [];
    }
  },
};

export interface EnrolmentsQuery {
  sessionId?: string;
  traineeId?: string;
  associationId?: string;
  status?: EnrolmentStatus;
  completed?: boolean;
}

export const enrolmentsFilter = (query: EnrolmentsQuery): Filter => {
  const filter: Filter = {};
  for (const key of ['sessionId', 'traineeId', 'associationId', 'status', 'completed'] as const)
    if (query[key] !== undefined) filter[key] = query[key];
  return filter;
};

/** A waiting trainee's place now: 1 + those of the session waiting since earlier. */
export const waitingPosition = async (
  enrolments: { count(filter: Filter): Promise<number> },
  doc: Pick<EnrolmentDoc, 'sessionId' | 'status' | 'waitingSince'>,
): Promise<number | null> =>
  doc.status !== 'waiting' || doc.waitingSince === null
    ? null
    : 1 +
      (await enrolments.count({
        sessionId: doc.sessionId,
        status: 'waiting',
        waitingSince: { $lt: doc.waitingSince },
      }));
