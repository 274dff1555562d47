import type {
  EnrolmentCancelledV1,
  EnrolmentConfirmedV1,
  IntegrationEvent,
  SessionRescheduledV1,
  SessionScheduledV1,
  SessionStepV1,
} from '@tadamon/contracts';
import type { DocumentStore, WriteOp } from '@tadamon/read-store';
import type { NoticePlace } from '../domain/notification/notice-facts';

/** Training's sessions as Notifications needs them: when the first sitting starts, on which clock, where. */
export const TRAINING_SESSIONS = 'notificationsTrainingSessions';
/** Who holds a seat of a session (one document per session and trainee). */
export const TRAINING_SEATS = 'notificationsTrainingSeats';

export interface TrainingSessionDoc {
  _id: string;
  sessionId: string;
  moduleId: string;
  timezone: string;
  place: NoticePlace;
  /** ISO 8601 in UTC with milliseconds, so that strings compare as instants. */
  firstSittingAt: string;
  status: 'scheduled' | 'cancelled';
  position: number;
  [field: string]: unknown;
}

export interface TrainingSeatDoc {
  _id: string;
  sessionId: string;
  traineeId: string;
  associationId: string;
  status: 'confirmed' | 'cancelled';
  position: number;
  [field: string]: unknown;
}

export const seatId = (sessionId: string, traineeId: string): string => `${sessionId}/${traineeId}`;

const firstStart = (sittings: { startsAt: string }[]): string =>
  sittings
    .map((s) => new Date(s.startsAt).toISOString())
    .sort()
    .at(0) as string;

/**
 * What each Training event changes in Notifications' own read model of sessions and seats. Every
 * write is guarded by the event's position in Training's log (a session's events come in its
 * stream's order), so a redelivered or replayed event changes nothing.
 */
export const trainingViewWrites = (event: IntegrationEvent): { collection: string; op: WriteOp }[] => {
  const guard = { field: 'position', below: event.globalPosition };
  const session = (id: string, set: Record<string, unknown>) => ({
    collection: TRAINING_SESSIONS,
    op: { upsert: { id, update: { $set: { ...set, position: event.globalPosition } }, guard } },
  });
  const seat = (sessionId: string, traineeId: string, set: Record<string, unknown>) => ({
    collection: TRAINING_SEATS,
    op: {
      upsert: {
        id: seatId(sessionId, traineeId),
        update: { $set: { sessionId, traineeId, ...set, position: event.globalPosition } },
        guard,
      },
    },
  });
  switch (event.type) {
    case 'SessionScheduled': {
      const d = event.data as SessionScheduledV1;
      return [
        session(d.sessionId, {
          sessionId: d.sessionId,
          moduleId: d.moduleId,
          timezone: d.timezone,
          place: d.place,
          firstSittingAt: firstStart(d.sittings),
          status: 'scheduled',
        }),
      ];
    }
    case 'SessionRescheduled': {
      const d = event.data as SessionRescheduledV1;
      return d.sittings && d.sittings.length > 0
        ? [session(d.sessionId, { firstSittingAt: firstStart(d.sittings) })]
        : [];
    }
    case 'SessionCancelled':
      return [session((event.data as SessionStepV1).sessionId, { status: 'cancelled' })];
    case 'EnrolmentConfirmed': {
      const d = event.data as EnrolmentConfirmedV1;
      return [seat(d.sessionId, d.traineeId, { associationId: d.associationId, status: 'confirmed' })];
    }
    case 'EnrolmentCancelled': {
      const d = event.data as EnrolmentCancelledV1;
      return [seat(d.sessionId, d.traineeId, { status: 'cancelled' })];
    }
    default:
      return [];
  }
};

/** Applies a Training event to the sessions and seats read model. */
export const applyTrainingEvent = async (store: DocumentStore, event: IntegrationEvent): Promise<void> => {
  for (const { collection, op } of trainingViewWrites(event)) await store.collection(collection).bulk([op]);
};
