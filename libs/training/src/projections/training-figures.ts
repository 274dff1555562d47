import { DocumentStore } from '@tadamon/read-store';
import { SessionDoc, TRAINING_SESSIONS } from './sessions';

export interface SessionFigures {
  sessions: number;
  seats: number;
  confirmed: number;
  waiting: number;
  completed: number;
}

export interface TrainingFigures extends SessionFigures {
  byModule: ({ moduleId: string } & SessionFigures)[];
  /** In-person sessions by country and city; online sessions under country and city null. */
  byPlace: ({ country: string | null; city: string | null } & SessionFigures)[];
}

const none = (): SessionFigures => ({ sessions: 0, seats: 0, confirmed: 0, waiting: 0, completed: 0 });
const add = (into: SessionFigures, s: SessionDoc): void => {
  into.sessions += 1;
  into.seats += s.capacity;
  into.confirmed += s.confirmed;
  into.waiting += s.waiting;
  into.completed += s.completed;
};

/**
 * Counted at query time from the sessions' documents (each keeps its seat and completion counts),
 * like Partnerships' figures: cancelled sessions are left out. Seats are the capacities offered.
 */
export const trainingFigures = async (docs: DocumentStore): Promise<TrainingFigures> => {
  const sessions = await docs.collection<SessionDoc>(TRAINING_SESSIONS).find(
    { status: { $ne: 'cancelled' } },
    {
      projection: { moduleId: 1, country: 1, city: 1, capacity: 1, confirmed: 1, waiting: 1, completed: 1 },
    },
  );
  const total = none();
  const byModule = new Map<string, SessionFigures>();
  const byPlace = new Map<string, { country: string | null; city: string | null } & SessionFigures>();
  for (const s of sessions) {
    add(total, s);
    const ofModule = byModule.get(s.moduleId) ?? none();
    byModule.set(s.moduleId, ofModule);
    add(ofModule, s);
    const country = s.country ?? null;
    const city = s.city ?? null;
    const key = JSON.stringify([country, city]);
    const ofPlace = byPlace.get(key) ?? { country, city, ...none() };
    byPlace.set(key, ofPlace);
    add(ofPlace, s);
  }
  const order = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff');
  return {
    ...total,
    byModule: [...byModule]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([moduleId, f]) => ({ moduleId, ...f })),
    byPlace: [...byPlace.values()].sort((a, b) => order(a.country, b.country) || order(a.city, b.city)),
  };
};
