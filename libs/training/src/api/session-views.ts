import { Actor } from '@tadamon/nest-kit';
import { SessionPlace } from '../domain/session/session-plan';
import { Session } from '../domain/session/session-state';
import { SessionDoc } from '../projections/sessions';
import { isTrainingOfficer } from './training-actors';

/** An online session's place without its URL, for everyone but the session's own people. */
const placeFor = (place: SessionPlace, showUrl: boolean): SessionPlace | { mode: 'online' } =>
  place.mode === 'online' && !showUrl ? { mode: 'online' } : place;

/** The session's confirmed trainees, its trainers and officers see an online session's URL. */
export const seesSessionUrl = (
  actor: Actor | undefined,
  session: { trainers: readonly string[] },
  confirmedTrainee: (personId: string) => boolean,
): boolean =>
  actor !== undefined &&
  (isTrainingOfficer(actor) ||
    session.trainers.includes(actor.id) ||
    (actor.personId !== undefined && confirmedTrainee(actor.personId)));

/** A session of the public catalogue: its plan, status and seats; the online URL only when shown. */
export const sessionListView = (doc: SessionDoc, showUrl = false) => ({
  sessionId: doc.sessionId,
  moduleId: doc.moduleId,
  language: doc.language,
  timezone: doc.timezone,
  place: placeFor(doc.place, showUrl),
  sittings: doc.sittings,
  startsAt: doc.startsAt,
  endsAt: doc.endsAt,
  trainers: doc.trainers,
  capacity: doc.capacity,
  status: doc.status,
  confirmed: doc.confirmed,
  seatsFree: Math.max(0, doc.capacity - doc.confirmed),
  waiting: doc.waiting,
});

/** A session's page from its stream: the same fields, counted from the session's own seats. */
export const sessionPageView = (state: Session, showUrl: boolean) => ({
  sessionId: state.sessionId,
  moduleId: state.moduleId,
  language: state.language,
  timezone: state.timezone,
  place: placeFor(state.place, showUrl),
  sittings: state.sittings,
  startsAt: state.sittings[0]?.startsAt,
  endsAt: state.sittings[state.sittings.length - 1]?.endsAt,
  trainers: state.trainers,
  capacity: state.capacity,
  completionRule: state.completionRule,
  status: state.status,
  confirmed: state.confirmed.length,
  seatsFree: Math.max(0, state.capacity - state.confirmed.length),
  waiting: state.waiting.length,
});
