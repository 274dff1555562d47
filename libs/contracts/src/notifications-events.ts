import { definePublication } from './publication';

/**
 * What Notifications tells the other contexts (topic `tadamon.notifications.events.v1`): the
 * outcome of each notification, with public facts only. Never the recipient's address or name (a
 * contact person is not even named by id), never the message, never a transport's reply (an SMTP
 * refusal may quote the address): reasons are codes.
 */
export interface NotificationNoticeV1 {
  notificationId: string;
  trigger: string;
  channel: 'email' | 'webhook' | 'in-app';
  /** The integration event the notification answers. */
  source: { context: string; eventType: string; subjectId: string };
  /** The organisation told (null for a user of the ministry). */
  organisationId: string | null;
  at: string;
}
export interface NotificationDeliveredV1 extends NotificationNoticeV1 {
  attempt: number;
}
export interface NotificationSkippedV1 extends NotificationNoticeV1 {
  /** no-consent, erased, channel-not-set-up, quiet-hours, unsubscribed or in-digest. */
  reason: string;
}
export interface NotificationFailedV1 extends NotificationNoticeV1 {
  attempts: number;
  /** Every attempt of the schedule failed, or the receiver refused for good. */
  reason: 'undeliverable';
}
export interface NotificationBouncedV1 extends NotificationNoticeV1 {
  reason: 'bounced';
}

/**
 * The notice's facts, recorded by NotificationRequested at the head of the notification's stream.
 * The outcome events do not repeat them: the service's relay reads them from the stream and hands
 * them to the mapping under `notice` (apps/notifications, `notice-facts-log.ts`).
 */
export interface NoticeOfOutcome {
  trigger: string;
  channel: NotificationNoticeV1['channel'];
  source: { context: string; eventType: string; subjectId: string };
  organisationId: string | null;
}

type Outcome = { notificationId: string; at: string; notice?: NoticeOfOutcome };

export class NoticeFactsMissing extends Error {
  constructor(notificationId: string) {
    super(`the outcome of ${notificationId} was read without its notice's facts`);
    this.name = 'NoticeFactsMissing';
  }
}

const noticeOf = (d: Outcome): NotificationNoticeV1 => {
  if (!d.notice) throw new NoticeFactsMissing(d.notificationId);
  const { trigger, channel, source, organisationId } = d.notice;
  return {
    notificationId: d.notificationId,
    trigger,
    channel,
    source: { context: source.context, eventType: source.eventType, subjectId: source.subjectId },
    organisationId,
    at: d.at,
  };
};

export const NOTIFICATIONS_CONTEXT = 'notifications';

export const notificationsPublication = definePublication({
  context: NOTIFICATIONS_CONTEXT,
  categories: ['notification'],
  events: {
    NotificationDelivered: {
      type: 'NotificationDelivered',
      schemaVersion: 1,
      toData: (d: Outcome & { attempt: number }): NotificationDeliveredV1 => ({
        ...noticeOf(d),
        attempt: d.attempt,
      }),
    },
    NotificationSkipped: {
      type: 'NotificationSkipped',
      schemaVersion: 1,
      // The reason's code only: its detail is free text.
      toData: (d: Outcome & { reason: string }): NotificationSkippedV1 => ({
        ...noticeOf(d),
        reason: d.reason,
      }),
    },
    NotificationFailed: {
      type: 'NotificationFailed',
      schemaVersion: 1,
      toData: (d: Outcome & { attempts: number }): NotificationFailedV1 => ({
        ...noticeOf(d),
        attempts: d.attempts,
        reason: 'undeliverable',
      }),
    },
    NotificationBounced: {
      type: 'NotificationBounced',
      schemaVersion: 1,
      toData: (d: Outcome): NotificationBouncedV1 => ({ ...noticeOf(d), reason: 'bounced' }),
    },
  },
});
