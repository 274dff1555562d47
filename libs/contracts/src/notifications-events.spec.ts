import { RecordedEvent } from '@tadamon/eventsourcing';
import { NoticeFactsMissing, notificationsPublication } from './notifications-events';
import { toIntegrationEvent } from './publication';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '6f1c2a3b-0000-5000-8000-000000000021',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'notifications', roles: ['system'] },
  },
  streamId: 'notification-ntf-1',
  revision: 4,
  globalPosition: 12,
  recordedAt: '2026-11-29T10:00:00.000Z',
  prevHash: 'p',
  hash: 'h',
});
const publish = (type: string, data: unknown) =>
  toIntegrationEvent(notificationsPublication, recorded(type, data));

const at = '2026-11-29T10:00:00.000Z';
const notice = {
  trigger: 'grant-awarded',
  channel: 'email',
  source: { context: 'funding', eventType: 'GrantAwarded', subjectId: 'app-1', eventId: 'e-1' },
  organisationId: 'md-0042',
};
const told = {
  notificationId: 'ntf-1',
  trigger: 'grant-awarded',
  channel: 'email',
  source: { context: 'funding', eventType: 'GrantAwarded', subjectId: 'app-1' },
  organisationId: 'md-0042',
  at,
};

describe('the notifications publication', () => {
  it('is Notifications’ own topic, tailing the notification streams', () => {
    expect(notificationsPublication.topic).toBe('tadamon.notifications.events.v1');
    expect(notificationsPublication.categories).toEqual(['notification']);
  });

  it('publishes a delivery with the notice’s public facts, never the transport’s reply', () => {
    const event = publish('NotificationDelivered', {
      notificationId: 'ntf-1',
      attempt: 1,
      response: '250 2.0.0 Ok: queued for amina@example.org',
      at,
      notice,
    });
    expect(event?.data).toEqual({ ...told, attempt: 1 });
    expect(JSON.stringify(event)).not.toContain('amina');
  });

  it('publishes reasons as codes: a skip’s reason, never its detail; a failure or bounce, never its text', () => {
    expect(
      publish('NotificationSkipped', {
        notificationId: 'ntf-1',
        reason: 'no-consent',
        detail: 'Amina B.',
        at,
        notice,
      })?.data,
    ).toEqual({ ...told, reason: 'no-consent' });
    const failed = publish('NotificationFailed', {
      notificationId: 'ntf-1',
      attempts: 8,
      reason: '550 5.1.1 <amina@example.org>: Recipient address rejected',
      at,
      notice,
    });
    expect(failed?.data).toEqual({ ...told, attempts: 8, reason: 'undeliverable' });
    const bounced = publish('NotificationBounced', {
      notificationId: 'ntf-1',
      reason: 'mailbox amina@x full',
      at,
      notice,
    });
    expect(bounced?.data).toEqual({ ...told, reason: 'bounced' });
    expect(JSON.stringify([failed, bounced])).not.toContain('amina');
  });

  it('keeps the request, the rendering and the attempts private', () => {
    for (const type of [
      'NotificationRequested',
      'NotificationRendered',
      'DeliveryAttemptStarted',
      'NotificationRead',
    ])
      expect(publish(type, { notificationId: 'ntf-1', at })).toBeUndefined();
  });

  it('refuses an outcome read without its notice’s facts rather than publish it bare', () => {
    expect(() => publish('NotificationDelivered', { notificationId: 'ntf-1', attempt: 1, at })).toThrow(
      NoticeFactsMissing,
    );
  });
});
