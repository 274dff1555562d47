import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@tadamon/contracts';
import { SqliteEventStore } from '@tadamon/event-store';
import { MongooseDocumentStore } from '@tadamon/read-store';
import { requireServer } from '@tadamon/testing';
import type { NotificationDispatcher } from './dispatcher';
import { NOTIFICATIONS_SYSTEM_ACTOR, NotificationsCommands } from './notifications-commands';
import { NotificationsSettings } from './notifications-ports';
import type { Notification } from '../domain/notification/notification-state';
import { ReminderProcess } from './reminder-process';
import { applyTrainingEvent } from './training-sessions-view';

// The reminder process against the stores it runs on: Notifications' log (SQLite) and its read
// model of sessions and seats in FerretDB (the string range and $in queries are FerretDB's to answer).
describe('the session reminder process (SQLite log, FerretDB read model)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let docs: MongooseDocumentStore;
  let commands: NotificationsCommands;
  let enqueued: string[];
  let position: number;

  const settings = { reminderIntervalMs: 0 } as NotificationsSettings;
  const process = () =>
    new ReminderProcess(
      commands,
      { enqueue: (ids: readonly string[]) => enqueued.push(...ids) } as unknown as NotificationDispatcher,
      docs,
      settings,
    );
  const training = async (type: string, data: Record<string, unknown>) => {
    const event: IntegrationEvent = {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'training',
      streamId: `trainingSession-${String(data['sessionId'])}`,
      globalPosition: ++position,
      occurredAt: '2027-03-01T09:00:00.000Z',
      correlationId: 'c',
      causationId: 'c',
      data,
    };
    await applyTrainingEvent(docs, event);
  };
  const requestedNotification = async (id: string): Promise<Notification> => {
    const state = (await commands.load('notification', id))?.state;
    if (!state || state.status === 'none') throw new Error(`notification ${id} not requested`);
    return state;
  };
  const schedule = (sessionId: string, startsAt: string) =>
    training('SessionScheduled', {
      sessionId,
      moduleId: 'module-1',
      language: 'fr',
      timezone: 'Africa/Casablanca',
      place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
      sittings: [{ sittingId: 'd1', startsAt, endsAt: '2027-03-10T18:00:00.000Z' }],
      capacity: 10,
      at: '2027-03-01T09:00:00.000Z',
    });
  const confirm = (sessionId: string, traineeId: string) =>
    training('EnrolmentConfirmed', {
      sessionId,
      traineeId,
      associationId: 'assoc-md',
      promotedFromWaitingList: false,
      at: '2027-03-01T09:00:00.000Z',
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    store = SqliteEventStore.open({ filename: join(dir, 'notifications.db') });
    docs = await MongooseDocumentStore.connect(
      requireServer('mongo'),
      `reminders_${randomUUID().slice(0, 8)}`,
    );
    commands = new NotificationsCommands(store);
    enqueued = [];
    position = 0;
    await commands.execute(
      'noticeSubject',
      'module-1',
      {
        type: 'RecordNoticeSubject',
        data: { subjectId: 'module-1', organisationIds: [], title: { fr: 'Gestion de projet' } },
      },
      NOTIFICATIONS_SYSTEM_ACTOR,
    );
    for (const sessionId of ['s1', 's2', 's3'])
      await commands.execute(
        'noticeSubject',
        sessionId,
        {
          type: 'RecordNoticeSubject',
          data: { subjectId: sessionId, organisationIds: [], partOf: 'module-1' },
        },
        NOTIFICATIONS_SYSTEM_ACTOR,
      );
  });
  afterEach(async () => {
    await docs?.dropDatabase();
    await docs?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('requests one reminder per confirmed trainee 24 h before, none twice, none after a restart', async () => {
    await schedule('s1', '2027-03-06T09:00:00.000Z');
    await confirm('s1', 'person-a');
    await confirm('s1', 'person-b');
    await confirm('s1', 'person-c');
    await training('EnrolmentCancelled', { sessionId: 's1', traineeId: 'person-c', at: 'x' });

    expect(await process().pass(new Date('2027-03-05T08:59:59.999Z'))).toEqual([]);
    const first = await process().pass(new Date('2027-03-05T09:00:00.000Z'));
    expect(first).toHaveLength(2);
    expect(enqueued).toEqual(first);
    const requested = await Promise.all(first.map((id) => requestedNotification(id)));
    expect(requested.map((n) => n.recipient)).toEqual([
      { kind: 'contact-person', id: 'person-a', organisationId: 'assoc-md' },
      { kind: 'contact-person', id: 'person-b', organisationId: 'assoc-md' },
    ]);
    expect(requested[0]).toMatchObject({
      trigger: 'session-reminder',
      channel: 'email',
      facts: {
        reference: 's1',
        title: { fr: 'Gestion de projet' },
        date: '2027-03-06T09:00:00.000Z',
        timezone: 'Africa/Casablanca',
        place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
      },
    });

    // The same pass again, then a new process (a restart) later in the window: nothing more.
    expect(await process().pass(new Date('2027-03-05T09:00:00.000Z'))).toEqual([]);
    expect(await process().pass(new Date('2027-03-06T08:00:00.000Z'))).toEqual([]);
    expect(await store.readStream(`notification-${first[0]}`)).toHaveLength(1);
  });

  it('reminds a rescheduled session at its new time, and nobody of a cancelled one', async () => {
    await schedule('s2', '2027-03-06T09:00:00.000Z');
    await confirm('s2', 'person-a');
    await training('SessionRescheduled', {
      sessionId: 's2',
      sittings: [
        { sittingId: 'd1', startsAt: '2027-03-08T09:00:00.000Z', endsAt: '2027-03-08T12:00:00.000Z' },
      ],
      at: 'x',
    });
    await schedule('s3', '2027-03-06T10:00:00.000Z');
    await confirm('s3', 'person-b');
    await training('SessionCancelled', { sessionId: 's3', at: 'x' });

    expect(await process().pass(new Date('2027-03-05T09:30:00.000Z'))).toEqual([]);
    const moved = await process().pass(new Date('2027-03-07T09:00:00.000Z'));
    expect(moved).toHaveLength(1);
    expect((await requestedNotification(moved[0])).facts.date).toBe('2027-03-08T09:00:00.000Z');
  });

  it('does not remind again a session moved after its reminder went out', async () => {
    await schedule('s1', '2027-03-06T09:00:00.000Z');
    await confirm('s1', 'person-a');
    const [sent] = await process().pass(new Date('2027-03-05T12:00:00.000Z'));
    expect(sent).toBeDefined();
    await training('SessionRescheduled', {
      sessionId: 's1',
      sittings: [
        { sittingId: 'd1', startsAt: '2027-03-09T09:00:00.000Z', endsAt: '2027-03-09T12:00:00.000Z' },
      ],
      at: 'x',
    });
    expect(await process().pass(new Date('2027-03-08T12:00:00.000Z'))).toEqual([]);
  });

  it('waits for the module’s title before reminding (never an untitled reminder)', async () => {
    await schedule('s4', '2027-03-06T09:00:00.000Z');
    await confirm('s4', 'person-a');
    expect(await process().pass(new Date('2027-03-05T10:00:00.000Z'))).toEqual([]);
    await commands.execute(
      'noticeSubject',
      's4',
      { type: 'RecordNoticeSubject', data: { subjectId: 's4', organisationIds: [], partOf: 'module-1' } },
      NOTIFICATIONS_SYSTEM_ACTOR,
    );
    expect(await process().pass(new Date('2027-03-05T10:15:00.000Z'))).toHaveLength(1);
  });
});
