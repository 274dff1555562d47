import { Document, Filter, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { TRAINING_SESSION_CATEGORY } from '../domain/session/session';
import { SessionEvent } from '../domain/session/session-events';
import { CompletionRule, SessionPlace, Sitting } from '../domain/session/session-plan';
import { SessionStatus } from '../domain/session/session-state';

export const TRAINING_SESSIONS = 'training_sessions';

/**
 * A session of the catalogue with its seat counts. `place.url` (online) is stored here but shown
 * only to the session's confirmed trainees, trainers and officers (sessionView).
 */
export interface SessionDoc extends Document {
  sessionId: string;
  moduleId: string;
  language: string;
  timezone: string;
  place: SessionPlace;
  /** The place's city and country, null online: the catalogue's filters and the figures' keys. */
  city: string | null;
  country: string | null;
  sittings: Sitting[];
  /** The first sitting's start and the last one's end. */
  startsAt: string;
  endsAt: string;
  trainers: string[];
  capacity: number;
  completionRule: CompletionRule;
  status: SessionStatus;
  confirmed: number;
  waiting: number;
  completed: number;
  notCompleted: number;
  scheduledAt: string;
  cancelledAt: string | null;
  cancellingReason: string | null;
}

const placeFields = (place: SessionPlace) =>
  place.mode === 'in-person'
    ? { place, city: place.city, country: place.country }
    : { place, city: null, country: null };

const sittingFields = (sittings: readonly Sitting[]) => ({
  sittings,
  startsAt: sittings[0]?.startsAt ?? null,
  endsAt: sittings[sittings.length - 1]?.endsAt ?? null,
});

export const sessionsProjection: Projection = {
  name: 'training-sessions',
  version: 1,
  collections: [TRAINING_SESSIONS],
  categories: [TRAINING_SESSION_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as SessionEvent;
    const id = event.data.sessionId;
    const write = (update: UpdateSpec): ProjectionWrite[] => [
      { collection: TRAINING_SESSIONS, upsert: { id, update } },
    ];
    const set = (fields: Record<string, unknown>) => write({ $set: fields });
    const inc = (fields: Record<string, number>) => write({ $inc: fields });
    switch (event.type) {
      case 'SessionScheduled': {
        const d = event.data;
        return set({
          sessionId: id,
          moduleId: d.moduleId,
          language: d.language,
          timezone: d.timezone,
          ...placeFields(d.place),
          ...sittingFields(d.sittings),
          trainers: d.trainers,
          capacity: d.capacity,
          completionRule: d.completionRule,
          status: 'scheduled',
          confirmed: 0,
          waiting: 0,
          completed: 0,
          notCompleted: 0,
          scheduledAt: d.scheduledAt,
          cancelledAt: null,
          cancellingReason: null,
        });
      }
      case 'SessionRescheduled': {
        const { place, sittings, ...rest } = event.data.changes;
        return set({
          ...rest,
          ...(place ? placeFields(place) : {}),
          ...(sittings ? sittingFields(sittings) : {}),
        });
      }
      case 'SessionCapacityChanged':
        return set({ capacity: event.data.capacity });
      case 'EnrolmentOpened':
        return set({ status: 'enrolment-open' });
      case 'EnrolmentClosed':
        return set({ status: 'enrolment-closed' });
      case 'SessionCancelled':
        return set({
          status: 'cancelled',
          cancelledAt: event.data.cancelledAt,
          cancellingReason: event.data.reason,
        });
      case 'SessionHeld':
        return set({ status: 'held' });
      case 'SessionClosed':
        return set({ status: 'closed' });
      case 'EnrolmentConfirmed':
        return inc(event.data.promotedFromWaitingList ? { confirmed: 1, waiting: -1 } : { confirmed: 1 });
      case 'EnrolmentWaitlisted':
        return inc({ waiting: 1 });
      case 'EnrolmentCancelled':
        return inc({ [event.data.previousStatus]: -1 });
      case 'TraineeCompleted':
        return inc({ completed: 1 });
      case 'TraineeNotCompleted':
        return inc({ notCompleted: 1 });
      default:
        return [];
    }
  },
};

export interface SessionsQuery {
  moduleId?: string;
  country?: string;
  city?: string;
  language?: string;
  status?: SessionStatus;
  /** Sessions whose last sitting ends on or after this instant or date. */
  from?: string;
  /** Sessions whose first sitting starts before the end of this date (or this instant). */
  to?: string;
}

/** `to` as a date includes that whole day (UTC). */
const endOf = (to: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(to) + 86_400_000).toISOString() : to;

export const sessionsFilter = (query: SessionsQuery): Filter => {
  const filter: Filter = {};
  for (const key of ['moduleId', 'country', 'city', 'language', 'status'] as const)
    if (query[key] !== undefined) filter[key] = query[key];
  if (query.from !== undefined) filter['endsAt'] = { $gte: new Date(query.from).toISOString() };
  if (query.to !== undefined) filter['startsAt'] = { $lt: endOf(query.to) };
  return filter;
};
