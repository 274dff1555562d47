import { DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { notificationDecider } from './notification';
import { NotDerivedId, NotTheCurrentAttempt, NotTheRecipient } from './notification-errors';
import { messageIdFor, notificationIdFor } from './notification-identity';
import {
  Channel,
  NotificationCommand,
  NotificationEvent,
  NotificationRecipient,
  RequestNotification,
} from './notification-messages';

const spec = DeciderSpecification.for(notificationDecider);
const now = '2026-03-02T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString();
const system = { id: 'notifications', roles: ['system'] };

const contact: NotificationRecipient = { kind: 'contact-person', id: 'cp-1', organisationId: 'assoc-md' };
const user: NotificationRecipient = { kind: 'user', id: 'user-association', organisationId: 'assoc-md' };
const source = {
  context: 'funding' as const,
  eventId: 'evt-grant-awarded-1',
  eventType: 'GrantAwarded',
  subjectId: 'application-md-1',
};
const request = (recipient = contact, channel: Channel = 'email'): RequestNotification['data'] => ({
  notificationId: notificationIdFor(source.eventId, recipient, channel),
  source,
  recipient,
  channel,
  trigger: 'grant-awarded',
  facts: {
    reference: 'application-md-1',
    title: { fr: 'Eau potable à Tafraout' },
    amount: { amountMinor: 25_000_000, currency: 'USD' },
    date: '2026-03-01T09:00:00.000Z',
    deadline: null,
    reasons: null,
    items: null,
  },
});
const id = request().notificationId;

let sequence = 0;
const command = <C extends NotificationCommand>(
  type: C['type'],
  data: C['data'],
  options: { at?: string; actor?: { id: string; roles: string[] } } = {},
): C =>
  ({
    type,
    data,
    metadata: { commandId: `c-${++sequence}`, actor: options.actor ?? system, now: options.at ?? now },
  }) as C;

const requested = (data = request()): NotificationEvent => ({
  type: 'NotificationRequested',
  data: { ...data, at: now },
});
const rendering = {
  templateId: 'grant-awarded',
  templateVersion: 3,
  language: 'ar' as const,
  fallbackFrom: null,
  subject: 'تم منح الدعم',
  bodySha256: 'a'.repeat(64),
};
const rendered = (notificationId = id): NotificationEvent => ({
  type: 'NotificationRendered',
  data: { notificationId, ...rendering, at: now },
});
const started = (attempt: number, notificationId = id): NotificationEvent => ({
  type: 'DeliveryAttemptStarted',
  data: { notificationId, attempt, at: now },
});

describe('a notification', () => {
  describe('RequestNotification', () => {
    it('checks the facts told: a reference, money in minor units, instants, languages', () => {
      const error = spec
        .when(
          command('RequestNotification', {
            ...request(),
            facts: {
              reference: '',
              title: { de: 'Wasser' },
              amount: { amountMinor: 1.5, currency: 'usd' },
              date: 'yesterday',
              reasons: 'late',
            } as never,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field).sort()).toEqual([
        'facts.amount.amountMinor',
        'facts.amount.currency',
        'facts.date',
        'facts.reasons',
        'facts.reference',
        'facts.title.de',
      ]);
    });

    it('checks a training session’s clock and place, and keeps them in the facts told', () => {
      const error = spec
        .when(
          command('RequestNotification', {
            ...request(),
            facts: {
              reference: 'session-1',
              timezone: 'Mars/Olympus',
              place: { mode: 'in-person', city: '', country: 'Maroc' },
            } as never,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field).sort()).toEqual([
        'facts.place.city',
        'facts.place.country',
        'facts.timezone',
      ]);
      const training = {
        ...request(),
        facts: {
          ...request().facts,
          timezone: 'Africa/Casablanca',
          place: { mode: 'in-person' as const, city: 'Oujda', country: 'MA' },
        },
      };
      spec.when(command('RequestNotification', training)).then([requested(training)]);
      const online = { ...training, facts: { ...training.facts, place: { mode: 'online' as const } } };
      spec.when(command('RequestNotification', online)).then([requested(online)]);
    });

    it('is requested once per source event, recipient and channel, under the id derived from them', () => {
      spec.when(command('RequestNotification', request())).then([requested()]);
    });

    it('changes nothing when the same event is delivered again (redelivery, restart, second instance)', () => {
      spec.given([requested()]).when(command('RequestNotification', request())).thenNothingHappened();
    });

    it('refuses an id that is not the derived one, and another request under an existing id', () => {
      spec
        .when(command('RequestNotification', { ...request(), notificationId: 'ntf-mine' }))
        .thenThrows(NotDerivedId);
      spec
        .given([requested()])
        .when(command('RequestNotification', { ...request(), trigger: 'tranche-released' }))
        .thenThrows(AlreadyCreated);
    });

    it('derives distinct ids per recipient and channel, and one Message-ID for every attempt', () => {
      const ids = new Set([
        request(contact, 'email').notificationId,
        request(contact, 'webhook').notificationId,
        request(user, 'email').notificationId,
        request(user, 'in-app').notificationId,
      ]);
      expect(ids.size).toBe(4);
      expect(id).toMatch(/^ntf-[0-9a-f]{40}$/);
      expect(messageIdFor(id, 'tadamon.example')).toBe(`<${id}@tadamon.example>`);
    });

    it('names every refused field', () => {
      const error = spec
        .when(
          command('RequestNotification', {
            notificationId: '',
            source: { context: 'mail', eventId: '', eventType: 'X', subjectId: 's' },
            recipient: { kind: 'robot', id: 'r', organisationId: null },
            channel: 'pigeon',
            trigger: 'birthday',
            facts: { reference: 'application-md-1' },
          } as never),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'notificationId',
        'source.context',
        'source.eventId',
        'recipient.kind',
        'channel',
        'trigger',
      ]);
    });

    it('is a stream first: another command on none is NOT_CREATED', () => {
      spec.when(command('RenderNotification', { notificationId: id, ...rendering })).thenThrows(NotCreated);
    });
  });

  describe('skipping, with the reason kept as proof', () => {
    it('skips a notification for an erased person, once', () => {
      const skipped: NotificationEvent = {
        type: 'NotificationSkipped',
        data: { notificationId: id, reason: 'erased', detail: null, at: now },
      };
      spec
        .given([requested()])
        .when(command('SkipNotification', { notificationId: id, reason: 'erased' }))
        .then([skipped]);
      spec
        .given([requested(), skipped])
        .when(command('SkipNotification', { notificationId: id, reason: 'erased' }))
        .thenNothingHappened();
    });

    it('does not skip what was delivered', () => {
      spec
        .given([
          requested(),
          rendered(),
          started(1),
          {
            type: 'NotificationDelivered',
            data: { notificationId: id, attempt: 1, response: null, at: now },
          },
        ])
        .when(command('SkipNotification', { notificationId: id, reason: 'unsubscribed' }))
        .thenThrows(InvalidTransition);
    });
  });

  describe('rendering', () => {
    it('records the template version, the language, the fallback and the body’s hash', () => {
      spec
        .given([requested()])
        .when(command('RenderNotification', { notificationId: id, ...rendering }))
        .then([rendered()]);
      spec
        .given([requested(), rendered()])
        .when(command('RenderNotification', { notificationId: id, ...rendering }))
        .thenNothingHappened();
    });

    it('refuses a fallback to the language asked for and a body hash that is not one', () => {
      const error = spec
        .given([requested()])
        .when(
          command('RenderNotification', {
            notificationId: id,
            ...rendering,
            fallbackFrom: 'ar',
            bodySha256: 'x',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['bodySha256', 'fallbackFrom']);
    });
  });

  describe('delivery', () => {
    it('starts attempt 1 once rendered, then records it delivered; both again change nothing', () => {
      spec
        .given([requested(), rendered()])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 1 }))
        .then([started(1)]);
      spec
        .given([requested(), rendered(), started(1)])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 1 }))
        .thenNothingHappened();
      const delivered: NotificationEvent = {
        type: 'NotificationDelivered',
        data: { notificationId: id, attempt: 1, response: '250 OK', at: now },
      };
      spec
        .given([requested(), rendered(), started(1)])
        .when(command('RecordDelivery', { notificationId: id, attempt: 1, response: '250 OK' }))
        .then([delivered]);
      spec
        .given([requested(), rendered(), started(1), delivered])
        .when(command('RecordDelivery', { notificationId: id, attempt: 1 }))
        .thenNothingHappened();
    });

    it('does not send before it is rendered, nor an attempt out of order', () => {
      spec
        .given([requested()])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 1 }))
        .thenThrows(InvalidTransition);
      spec
        .given([requested(), rendered()])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 2 }))
        .thenThrows(NotTheCurrentAttempt);
      spec
        .given([requested(), rendered(), started(1)])
        .when(command('RecordDelivery', { notificationId: id, attempt: 2 }))
        .thenThrows(NotTheCurrentAttempt);
    });

    it('retries on the schedule after a failed attempt, and fails for good when no retry is left', () => {
      const failed1: NotificationEvent = {
        type: 'DeliveryAttemptFailed',
        data: { notificationId: id, attempt: 1, reason: 'connection refused', retryAt: later(5), at: now },
      };
      spec
        .given([requested(), rendered(), started(1)])
        .when(
          command('RecordFailedAttempt', {
            notificationId: id,
            attempt: 1,
            reason: 'connection refused',
            retryAt: later(5),
          }),
        )
        .then([failed1]);
      spec
        .given([requested(), rendered(), started(1), failed1])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 2 }))
        .then([started(2)]);
      spec
        .given([requested(), rendered(), started(1), failed1, started(2)])
        .when(
          command('RecordFailedAttempt', {
            notificationId: id,
            attempt: 2,
            reason: '410 Gone',
            retryAt: null,
          }),
        )
        .then([
          {
            type: 'DeliveryAttemptFailed',
            data: { notificationId: id, attempt: 2, reason: '410 Gone', retryAt: null, at: now },
          },
          {
            type: 'NotificationFailed',
            data: { notificationId: id, attempts: 2, reason: '410 Gone', at: now },
          },
        ]);
    });
  });

  describe('quiet hours', () => {
    const deferred: NotificationEvent = {
      type: 'NotificationDeferred',
      data: { notificationId: id, until: later(480), at: now },
    };
    it('holds a rendered notification until the quiet hours end, then sends it', () => {
      spec
        .given([requested(), rendered()])
        .when(command('DeferNotification', { notificationId: id, until: later(480) }))
        .then([deferred]);
      spec
        .given([requested(), rendered(), deferred])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 1 }))
        .thenThrows(InvalidTransition);
      spec
        .given([requested(), rendered(), deferred])
        .when(command('StartDeliveryAttempt', { notificationId: id, attempt: 1 }, { at: later(481) }))
        .then([{ type: 'DeliveryAttemptStarted', data: { notificationId: id, attempt: 1, at: later(481) } }]);
    });

    it('refuses to hold until an instant already past', () => {
      spec
        .given([requested()])
        .when(command('DeferNotification', { notificationId: id, until: later(-1) }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('the in-app inbox and bounces', () => {
    const inApp = request(user, 'in-app');
    const inAppId = inApp.notificationId;
    const delivered: NotificationEvent[] = [
      requested(inApp),
      rendered(inAppId),
      started(1, inAppId),
      {
        type: 'NotificationDelivered',
        data: { notificationId: inAppId, attempt: 1, response: null, at: now },
      },
    ];
    it('is marked read by its recipient only, once', () => {
      const read = command(
        'MarkNotificationRead',
        { notificationId: inAppId },
        { actor: { id: user.id, roles: ['association'] } },
      );
      spec
        .given(delivered)
        .when(read)
        .then([{ type: 'NotificationRead', data: { notificationId: inAppId, by: user.id, at: now } }]);
      spec
        .given([
          ...delivered,
          { type: 'NotificationRead', data: { notificationId: inAppId, by: user.id, at: now } },
        ])
        .when(read)
        .thenNothingHappened();
      spec
        .given(delivered)
        .when(
          command(
            'MarkNotificationRead',
            { notificationId: inAppId },
            { actor: { id: 'someone-else', roles: ['association'] } },
          ),
        )
        .thenThrows(NotTheRecipient);
    });

    it('records an email’s bounce after delivery, not an in-app one’s', () => {
      spec
        .given(delivered)
        .when(command('RecordBounce', { notificationId: inAppId, reason: '550' }))
        .thenThrows(InvalidTransition);
      spec
        .given([
          requested(),
          rendered(),
          started(1),
          {
            type: 'NotificationDelivered',
            data: { notificationId: id, attempt: 1, response: null, at: now },
          },
        ])
        .when(command('RecordBounce', { notificationId: id, reason: '550 mailbox unavailable' }))
        .then([
          {
            type: 'NotificationBounced',
            data: { notificationId: id, reason: '550 mailbox unavailable', at: now },
          },
        ]);
    });
  });

  describe('a partner’s replay of a webhook delivery', () => {
    const partner = { kind: 'webhook-endpoint' as const, id: 'whe-1', organisationId: 'assoc-md' };
    const hookId = request(partner, 'webhook').notificationId;
    const deliveredHook: NotificationEvent[] = [
      requested(request(partner, 'webhook')),
      rendered(hookId),
      started(1, hookId),
      {
        type: 'NotificationDelivered',
        data: { notificationId: hookId, attempt: 1, response: 'HTTP 204', at: now },
      },
    ];
    const officer = { actor: { id: 'partner-user', roles: ['partner'] } };

    it('sends a delivered (or failed) webhook again, as attempt n+1 under the same id', () => {
      spec
        .given(deliveredHook)
        .when(command('RedeliverNotification', { notificationId: hookId }, officer))
        .then([
          { type: 'RedeliveryRequested', data: { notificationId: hookId, by: 'partner-user', at: now } },
        ]);
      spec
        .given([
          ...deliveredHook,
          { type: 'RedeliveryRequested', data: { notificationId: hookId, by: 'partner-user', at: now } },
        ])
        .when(command('StartDeliveryAttempt', { notificationId: hookId, attempt: 2 }))
        .then([started(2, hookId)]);
    });

    it('replays only webhooks that have ended', () => {
      spec
        .given([requested(request(partner, 'webhook')), rendered(hookId), started(1, hookId)])
        .when(command('RedeliverNotification', { notificationId: hookId }))
        .thenThrows(InvalidTransition);
      spec
        .given([
          requested(),
          rendered(),
          started(1),
          {
            type: 'NotificationDelivered',
            data: { notificationId: id, attempt: 1, response: null, at: now },
          },
        ])
        .when(command('RedeliverNotification', { notificationId: id }))
        .thenThrows(InvalidTransition);
    });
  });
});
