import { notificationsPublication, toIntegrationEvent } from '@tadamon/contracts';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { NoticeFactsLog } from './notice-facts-log';

let position = 0;
const recorded = (streamId: string, type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: `e-${++position}`,
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'system', roles: [] } },
  streamId,
  revision: 0,
  globalPosition: position,
  recordedAt: '2026-12-07T10:00:00.000Z',
  prevHash: '',
  hash: '',
});
const requested = (id: string) =>
  recorded(`notification-${id}`, 'NotificationRequested', {
    notificationId: id,
    source: { context: 'funding', eventId: 'ev-1', eventType: 'GrantAwarded', subjectId: 'app-1' },
    recipient: { kind: 'contact-person', id: 'person-1', organisationId: 'md-1' },
    channel: 'email',
    trigger: 'grant-awarded',
    facts: { reference: 'app-1' },
    at: '2026-12-07T10:00:00.000Z',
  });
const delivered = (id: string) =>
  recorded(`notification-${id}`, 'NotificationDelivered', {
    notificationId: id,
    attempt: 1,
    response: '250 ok',
    at: '2026-12-07T10:00:01.000Z',
  });

/** A log in memory, counting the streams read. */
const logOf = (events: RecordedEvent[]) => {
  const streamsRead: string[] = [];
  return {
    streamsRead,
    readAll: async ({ after = 0, maxCount = 1000 }: { after?: number; maxCount?: number }) =>
      events.filter((e) => e.globalPosition > after).slice(0, maxCount),
    readStream: async (streamId: string) => {
      streamsRead.push(streamId);
      return events.filter((e) => e.streamId === streamId);
    },
  };
};
const notice = {
  trigger: 'grant-awarded',
  channel: 'email',
  source: { context: 'funding', eventType: 'GrantAwarded', subjectId: 'app-1' },
  organisationId: 'md-1',
};

describe('the log as Notifications’ relay reads it', () => {
  it('gives an outcome its notice’s facts from the request in the same batch, without reading its stream', async () => {
    const events = [requested('ntf-a'), delivered('ntf-a')];
    const log = logOf(events);
    const read = await new NoticeFactsLog(log).readAll({});
    expect(read[1].data).toEqual({ ...(events[1].data as object), notice });
    expect(read[0]).toBe(events[0]);
    expect(log.streamsRead).toEqual([]);
    expect(events[1].data).not.toHaveProperty('notice');
    expect(toIntegrationEvent(notificationsPublication, read[1])?.data).toMatchObject({
      notificationId: 'ntf-a',
      trigger: 'grant-awarded',
      organisationId: 'md-1',
    });
  });

  it('reads the head of the stream for an outcome whose request came in an earlier batch, once', async () => {
    const events = [
      requested('ntf-b'),
      recorded('webhookEndpoint-w', 'WebhookEndpointRegistered', {}),
      delivered('ntf-b'),
    ];
    const log = logOf(events);
    const read = await new NoticeFactsLog(log).readAll({ after: events[1].globalPosition });
    expect(read).toHaveLength(1);
    expect((read[0].data as { notice: unknown }).notice).toEqual(notice);
    expect(log.streamsRead).toEqual(['notification-ntf-b']);
  });

  it('refuses a stream that does not begin with its request', async () => {
    const log = logOf([delivered('ntf-c')]);
    await expect(new NoticeFactsLog(log).readAll({})).rejects.toThrow(/does not begin with its request/);
  });
});
