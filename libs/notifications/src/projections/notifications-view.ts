import { Document, Projection, ProjectionWrite } from '@tadamon/read-store';
import { NOTIFICATION_CATEGORY } from '../domain/notification/notification';
import {
  Channel,
  Language,
  NotificationEvent,
  NotificationRecipient,
  NotificationSource,
  SkipReason,
  Trigger,
} from '../domain/notification/notification-messages';
import { NotificationStatus } from '../domain/notification/notification-state';

export const NOTIFICATIONS = 'notifications';

/**
 * One notification as the proof of notice, the inbox and the dispatcher read it: what was told, to
 * whom, through which channel, in which language and template version, and how it ended. `dueAt`
 * is when the dispatcher should look at it again (null once it has ended). The stream itself stays
 * the proof: `GET /api/notifications/{id}/log` reads it.
 */
export interface NotificationDoc extends Document {
  notificationId: string;
  source: NotificationSource;
  subjectId: string;
  organisationId: string | null;
  recipient: NotificationRecipient;
  channel: Channel;
  trigger: Trigger;
  status: NotificationStatus;
  requestedAt: string;
  templateId: string | null;
  templateVersion: number | null;
  language: Language | null;
  fallbackFrom: Language | null;
  subject: string | null;
  bodySha256: string | null;
  attempts: number;
  lastFailure: string | null;
  skipReason: SkipReason | null;
  skipDetail: string | null;
  deferredUntil: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  readAt: string | null;
  dueAt: string | null;
  /** For a notice held for a digest: the digest notification that told it (null until then). */
  digestId: string | null;
  updatedAt: string;
}

export const notificationsProjection: Projection = {
  name: 'notifications',
  version: 1,
  collections: [NOTIFICATIONS],
  categories: [NOTIFICATION_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as NotificationEvent;
    const at = event.data.at;
    const set = (fields: Record<string, unknown>): ProjectionWrite[] => [
      {
        collection: NOTIFICATIONS,
        upsert: {
          id: event.data.notificationId,
          update: { $set: { ...fields, updatedAt: at } },
        },
      },
    ];
    switch (event.type) {
      case 'NotificationRequested': {
        const { notificationId, source, recipient, channel, trigger, facts } = event.data;
        const gathered = (facts.items ?? []).map((item) => item.notificationId);
        return [
          ...set({
            notificationId,
            source,
            subjectId: source.subjectId,
            organisationId: recipient.organisationId,
            recipient,
            channel,
            trigger,
            status: 'requested',
            requestedAt: at,
            templateId: null,
            templateVersion: null,
            language: null,
            fallbackFrom: null,
            subject: null,
            bodySha256: null,
            attempts: 0,
            lastFailure: null,
            skipReason: null,
            skipDetail: null,
            deferredUntil: null,
            deliveredAt: null,
            failedAt: null,
            readAt: null,
            dueAt: at,
            digestId: null,
          }),
          // A digest: the notices it gathers are now told.
          ...(gathered.length > 0
            ? [
                {
                  collection: NOTIFICATIONS,
                  updateMany: {
                    filter: { notificationId: { $in: gathered } },
                    update: { $set: { digestId: notificationId } },
                  },
                },
              ]
            : []),
        ];
      }
      case 'NotificationSkipped':
        return set({
          status: 'skipped',
          skipReason: event.data.reason,
          skipDetail: event.data.detail,
          dueAt: null,
        });
      case 'NotificationDeferred':
        return set({ status: 'deferred', deferredUntil: event.data.until, dueAt: event.data.until });
      case 'NotificationRendered': {
        const { templateId, templateVersion, language, fallbackFrom, subject, bodySha256 } = event.data;
        return set({ templateId, templateVersion, language, fallbackFrom, subject, bodySha256 });
      }
      case 'DeliveryAttemptStarted':
        return set({ status: 'sending', attempts: event.data.attempt, dueAt: at });
      case 'NotificationDelivered':
        return set({ status: 'delivered', deliveredAt: at, dueAt: null });
      case 'DeliveryAttemptFailed':
        return set({
          status: event.data.retryAt ? 'retrying' : 'failed',
          lastFailure: event.data.reason,
          dueAt: event.data.retryAt,
        });
      case 'NotificationFailed':
        return set({ status: 'failed', failedAt: at, dueAt: null });
      case 'NotificationBounced':
        return set({ status: 'bounced', lastFailure: event.data.reason, dueAt: null });
      case 'NotificationRead':
        return set({ readAt: at });
      case 'RedeliveryRequested':
        return set({ status: 'retrying', dueAt: at, failedAt: null });
      default:
        return [];
    }
  },
};
