import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { WrongExpectedRevision } from '@tadamon/eventsourcing';
import { requireServer } from '@tadamon/testing';
import { SessionEvent } from '../domain/session/session-events';
import { trainingSessionStreamName } from '../domain/session/session';
import { enrolmentOutcome, EnrolmentOutcome } from './enrolment-outcome';
import { TrainingCommands } from './training-commands';

/*
 * The test, through the application's command runner and the real stores: 200 trainees ask
 * at once for the 20 seats of one session. Within one process the kit runs a session's commands one
 * after another; across processes (two runners on two PostgreSQL pools) only the stream's expected
 * revision guards the seats, and a request that loses the append is re-decided or answered with a
 * conflict the client retries.
 */
const CROWD = 200;
const SEATS = 20;
const TIMEOUT_MS = 180_000;
const officer = { id: 'officer-1', roles: ['officer'] };
const association = 'assoc-souss-0001';
const trainee = (n: number): string => `contact-${String(n).padStart(3, '0')}`;

async function openSession(commands: TrainingCommands): Promise<string> {
  const sessionId = `session-${randomUUID()}`;
  const day = Date.now() + 30 * 86_400_000;
  const at = (hours: number) => new Date(day + hours * 3_600_000).toISOString();
  await commands.execute(
    'session',
    sessionId,
    {
      type: 'ScheduleSession',
      data: {
        sessionId,
        moduleId: 'gp-101',
        language: 'fr',
        timezone: 'Africa/Casablanca',
        place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
        sittings: [{ sittingId: 'day-1', startsAt: at(0), endsAt: at(4) }],
        trainers: ['trainer-amina'],
        capacity: SEATS,
      },
    },
    officer,
  );
  await commands.execute('session', sessionId, { type: 'OpenEnrolment', data: { sessionId } }, officer);
  return sessionId;
}

/** A trainee's request, retried as a client would when the answer is a conflict (409). */
async function enrol(
  commands: TrainingCommands,
  sessionId: string,
  traineeId: string,
  conflicts: { count: number },
): Promise<EnrolmentOutcome> {
  for (;;) {
    try {
      const outcome = await commands.execute(
        'session',
        sessionId,
        {
          type: 'RequestEnrolment',
          data: {
            sessionId,
            traineeId,
            associationId: association,
            eligibility: { associationVerified: true, contactOfAssociation: true },
          },
        },
        { id: traineeId, roles: ['trainee'] },
      );
      const loaded = outcome.events.length === 0 ? await commands.load('session', sessionId) : undefined;
      const answer = enrolmentOutcome(traineeId, outcome.recorded, loaded?.state);
      if (!answer) throw new Error(`no answer for ${traineeId}`);
      return answer;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      conflicts.count++;
    }
  }
}

async function storedEvents(store: EventStore, sessionId: string): Promise<SessionEvent[]> {
  return (await store.readStream(trainingSessionStreamName(sessionId))) as unknown as SessionEvent[];
}

/** Exactly SEATS confirmed, the others waiting at positions 1..n in the stream's order, none twice. */
function expectSeatsHeld(events: SessionEvent[], answers: EnrolmentOutcome[]): void {
  const confirmed = events.flatMap((e) => (e.type === 'EnrolmentConfirmed' ? [e.data.traineeId] : []));
  const waiting = events.flatMap((e) =>
    e.type === 'EnrolmentWaitlisted' ? [[e.data.traineeId, e.data.position] as const] : [],
  );
  expect(confirmed).toHaveLength(SEATS);
  expect(waiting.map(([, position]) => position)).toEqual(
    Array.from({ length: CROWD - SEATS }, (_, i) => i + 1),
  );
  expect(new Set([...confirmed, ...waiting.map(([id]) => id)]).size).toBe(CROWD);
  // Each trainee was told what the stream holds.
  const told = new Map(answers.map((a) => [a.traineeId, a]));
  for (const id of confirmed) expect(told.get(id)).toEqual({ traineeId: id, status: 'confirmed' });
  for (const [id, position] of waiting)
    expect(told.get(id)).toEqual({ traineeId: id, status: 'waiting', position });
}

async function cancelFirstConfirmed(commands: TrainingCommands, sessionId: string, store: EventStore) {
  const before = await storedEvents(store, sessionId);
  const traineeOf = (type: string) => {
    const event = before.find((e) => e.type === type);
    if (!event) throw new Error(`no ${type}`);
    return event.data as { traineeId: string };
  };
  const first = traineeOf('EnrolmentConfirmed');
  const firstWaiting = traineeOf('EnrolmentWaitlisted');
  const outcome = await commands.execute(
    'session',
    sessionId,
    { type: 'CancelEnrolment', data: { sessionId, traineeId: first.traineeId } },
    { id: first.traineeId, roles: ['trainee'] },
  );
  expect(outcome.events).toEqual(['EnrolmentCancelled', 'EnrolmentConfirmed']);
  expect(outcome.recorded[1].data).toMatchObject({
    traineeId: firstWaiting.traineeId,
    promotedFromWaitingList: true,
  });
  const state = (await commands.load('session', sessionId))?.state;
  if (!state || state.status === 'none') throw new Error('no session');
  expect(state.confirmed).toHaveLength(SEATS);
  expect(state.confirmed).toContain(firstWaiting.traineeId);
  expect(state.waiting).toHaveLength(CROWD - SEATS - 1);
}

describe('200 concurrent enrolments for 20 seats, through TrainingCommands', () => {
  describe('on SQLite (a temporary file), one process', () => {
    let dir: string;
    let store: SqliteEventStore;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tadamon-enrolment-'));
      store = SqliteEventStore.open({ filename: join(dir, 'events.db') });
    });
    afterAll(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'confirms exactly the first 20 in request order, waitlists the 180 others 1 to 180, and a cancellation promotes the first waiting',
      async () => {
        const commands = new TrainingCommands(store);
        const sessionId = await openSession(commands);
        const conflicts = { count: 0 };
        const answers = await Promise.all(
          Array.from({ length: CROWD }, (_, i) => enrol(commands, sessionId, trainee(i), conflicts)),
        );
        // One process: the requests are decided in the order they came, none loses a race.
        expect(answers.slice(0, SEATS).every((a) => a.status === 'confirmed')).toBe(true);
        expect(answers.slice(SEATS)).toEqual(
          Array.from({ length: CROWD - SEATS }, (_, i) => ({
            traineeId: trainee(SEATS + i),
            status: 'waiting',
            position: i + 1,
          })),
        );
        expect(conflicts.count).toBe(0);
        expectSeatsHeld(await storedEvents(store, sessionId), answers);
        await cancelFirstConfirmed(commands, sessionId, store);
      },
      TIMEOUT_MS,
    );
  });

  describe('on PostgreSQL (a fresh schema), one process, then two runners on two pools', () => {
    const schema = `es_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const stores: PostgresEventStore[] = [];
    const pools: Pool[] = [];
    beforeAll(async () => {
      // Throws when no PostgreSQL server could be had: the test fails, it is never skipped.
      const connectionString = requireServer('postgres');
      for (let i = 0; i < 2; i++) {
        const pool = new Pool({ connectionString, max: 10 });
        pools.push(pool);
        stores.push(await PostgresEventStore.connect({ pool, schema }));
      }
    });
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
      if (pools.length > 0) await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    });

    it(
      'confirms exactly the first 20 in request order in one process, and a cancellation promotes the first waiting',
      async () => {
        const commands = new TrainingCommands(stores[0]);
        const sessionId = await openSession(commands);
        const conflicts = { count: 0 };
        const answers = await Promise.all(
          Array.from({ length: CROWD }, (_, i) => enrol(commands, sessionId, trainee(i), conflicts)),
        );
        expect(answers.slice(0, SEATS).map((a) => a.traineeId)).toEqual(
          Array.from({ length: SEATS }, (_, i) => trainee(i)),
        );
        expect(conflicts.count).toBe(0);
        expectSeatsHeld(await storedEvents(stores[0], sessionId), answers);
        await cancelFirstConfirmed(commands, sessionId, stores[0]);
      },
      TIMEOUT_MS,
    );

    it(
      'never exceeds the seats when two processes race: every request answered, the losers re-decided or retried',
      async () => {
        // Each runner's store counts the appends it lost to the other runner.
        const lost = { count: 0 };
        const counting = (store: EventStore): EventStore =>
          Object.assign(Object.create(store) as EventStore, {
            appendToStream: (...args: Parameters<EventStore['appendToStream']>) =>
              store.appendToStream(...args).catch((error: unknown) => {
                if (error instanceof WrongExpectedRevision) lost.count++;
                throw error;
              }),
          });
        const runners = stores.map((s) => new TrainingCommands(counting(s)));
        const sessionId = await openSession(runners[0]);
        const conflicts = { count: 0 };
        const answers = await Promise.all(
          Array.from({ length: CROWD }, (_, i) => enrol(runners[i % 2], sessionId, trainee(i), conflicts)),
        );
        expect(answers).toHaveLength(CROWD);
        // The two runners did race: appends were lost and re-decided (or retried by the client).
        expect(lost.count).toBeGreaterThan(0);
        console.log(
          `two runners: ${lost.count} appends lost, ${conflicts.count} conflicts retried by the client`,
        );
        expectSeatsHeld(await storedEvents(stores[1], sessionId), answers);
        await cancelFirstConfirmed(runners[1], sessionId, stores[0]);
      },
      TIMEOUT_MS,
    );
  });
});
