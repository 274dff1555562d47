import type { IntegrationEvent } from '@tadamon/contracts';
import { dueReminders, reminderSourceId, ReminderSeat, ReminderSession } from './session-reminders';
import { TRAINING_SEATS, TRAINING_SESSIONS, trainingViewWrites } from './training-sessions-view';

const session = (
  sessionId: string,
  firstSittingAt: string,
  status: ReminderSession['status'] = 'scheduled',
) => ({
  sessionId,
  status,
  firstSittingAt,
  timezone: 'Africa/Casablanca',
  place: { mode: 'online' as const },
});
const seat = (sessionId: string, traineeId: string, status: ReminderSeat['status'] = 'confirmed') => ({
  sessionId,
  traineeId,
  associationId: 'assoc-md',
  status,
});
const now = new Date('2027-03-05T09:00:00.000Z');

describe('which session reminders are due', () => {
  it('reminds each confirmed trainee once the first sitting is 24 hours away or less, not before', () => {
    const tomorrow = session('s1', '2027-03-06T09:00:00.000Z');
    const justOver = session('s2', '2027-03-06T09:00:00.001Z');
    const due = dueReminders(
      [tomorrow, justOver],
      [seat('s1', 'p2'), seat('s1', 'p1'), seat('s2', 'p1')],
      now,
    );
    expect(due.map((d) => `${d.sessionId}/${d.traineeId}`)).toEqual(['s1/p1', 's1/p2']);
    expect(due[0]).toEqual({
      sessionId: 's1',
      traineeId: 'p1',
      associationId: 'assoc-md',
      startsAt: '2027-03-06T09:00:00.000Z',
      timezone: 'Africa/Casablanca',
      place: { mode: 'online' },
    });
  });

  it('reminds nobody of a session already started, cancelled, or of a seat given up', () => {
    expect(dueReminders([session('s1', now.toISOString())], [seat('s1', 'p1')], now)).toEqual([]);
    expect(
      dueReminders([session('s1', '2027-03-05T12:00:00.000Z', 'cancelled')], [seat('s1', 'p1')], now),
    ).toEqual([]);
    expect(
      dueReminders([session('s1', '2027-03-05T12:00:00.000Z')], [seat('s1', 'p1', 'cancelled')], now),
    ).toEqual([]);
  });

  it('names a reminder by its session and trainee only, so a moved session is not reminded twice', () => {
    expect(reminderSourceId('s1', 'p1')).toBe('session-reminder:s1:p1:reminder');
    expect(reminderSourceId('s1', 'p1')).not.toBe(reminderSourceId('s1', 'p2'));
  });
});

const event = (type: string, data: unknown, globalPosition = 7): IntegrationEvent => ({
  eventId: `evt-${type}`,
  type,
  schemaVersion: 1,
  context: 'training',
  streamId: 'trainingSession-s1',
  globalPosition,
  occurredAt: '2027-03-01T09:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  data,
});

describe('the sessions and seats Notifications keeps from Training', () => {
  const guard = { field: 'position', below: 7 };

  it('keeps a session’s earliest sitting, in UTC with milliseconds, its clock and place', () => {
    const writes = trainingViewWrites(
      event('SessionScheduled', {
        sessionId: 's1',
        moduleId: 'm1',
        timezone: 'Europe/Paris',
        place: { mode: 'in-person', city: 'Lyon', country: 'FR' },
        sittings: [
          { sittingId: 'b', startsAt: '2027-03-07T08:00:00Z', endsAt: '2027-03-07T12:00:00Z' },
          { sittingId: 'a', startsAt: '2027-03-06T08:00:00+01:00', endsAt: '2027-03-06T12:00:00+01:00' },
        ],
      }),
    );
    expect(writes).toEqual([
      {
        collection: TRAINING_SESSIONS,
        op: {
          upsert: {
            id: 's1',
            update: {
              $set: {
                sessionId: 's1',
                moduleId: 'm1',
                timezone: 'Europe/Paris',
                place: { mode: 'in-person', city: 'Lyon', country: 'FR' },
                firstSittingAt: '2027-03-06T07:00:00.000Z',
                status: 'scheduled',
                position: 7,
              },
            },
            guard,
          },
        },
      },
    ]);
  });

  it('moves the first sitting on a reschedule of the sittings, and nothing on another reschedule', () => {
    const moved = trainingViewWrites(
      event('SessionRescheduled', {
        sessionId: 's1',
        sittings: [
          { sittingId: 'a', startsAt: '2027-03-09T08:00:00.000Z', endsAt: '2027-03-09T12:00:00.000Z' },
        ],
        at: 'x',
      }),
    );
    expect(moved[0].op).toEqual({
      upsert: {
        id: 's1',
        update: { $set: { firstSittingAt: '2027-03-09T08:00:00.000Z', position: 7 } },
        guard,
      },
    });
    expect(
      trainingViewWrites(event('SessionRescheduled', { sessionId: 's1', sittings: null, at: 'x' })),
    ).toEqual([]);
  });

  it('keeps who holds a seat: confirmed, then cancelled with the session or alone', () => {
    const confirmed = trainingViewWrites(
      event('EnrolmentConfirmed', { sessionId: 's1', traineeId: 'p1', associationId: 'assoc-md' }),
    );
    expect(confirmed).toEqual([
      {
        collection: TRAINING_SEATS,
        op: {
          upsert: {
            id: 's1/p1',
            update: {
              $set: {
                sessionId: 's1',
                traineeId: 'p1',
                associationId: 'assoc-md',
                status: 'confirmed',
                position: 7,
              },
            },
            guard,
          },
        },
      },
    ]);
    const cancelled = trainingViewWrites(event('EnrolmentCancelled', { sessionId: 's1', traineeId: 'p1' }));
    expect(cancelled[0].op).toMatchObject({
      upsert: { id: 's1/p1', update: { $set: { status: 'cancelled' } } },
    });
    const sessionCancelled = trainingViewWrites(event('SessionCancelled', { sessionId: 's1', at: 'x' }));
    expect(sessionCancelled[0]).toMatchObject({
      collection: TRAINING_SESSIONS,
      op: { upsert: { id: 's1', update: { $set: { status: 'cancelled' } } } },
    });
    expect(trainingViewWrites(event('ModuleDefined', { moduleId: 'm1' }))).toEqual([]);
  });
});
