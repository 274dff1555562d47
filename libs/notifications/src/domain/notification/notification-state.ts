import {
  Channel,
  Language,
  NotificationRecipient,
  NotificationSource,
  SkipReason,
  Trigger,
} from './notification-messages';
import { NoticeFacts } from './notice-facts';

export type NotificationStatus =
  | 'requested'
  | 'skipped'
  | 'deferred'
  | 'rendered'
  | 'sending'
  | 'retrying'
  | 'delivered'
  | 'failed'
  | 'bounced';

export interface Notification {
  status: NotificationStatus;
  notificationId: string;
  source: NotificationSource;
  recipient: NotificationRecipient;
  channel: Channel;
  trigger: Trigger;
  facts: NoticeFacts;
  requestedAt: string;
  skipped: { reason: SkipReason; detail: string | null } | null;
  deferredUntil: string | null;
  rendered: {
    templateId: string;
    templateVersion: number;
    language: Language;
    fallbackFrom: Language | null;
    subject: string;
    bodySha256: string;
  } | null;
  /** Attempts started; the current one while sending. */
  attempts: number;
  retryAt: string | null;
  lastFailure: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export type NotificationState = { status: 'none' } | Notification;

export const initialNotificationState = (): NotificationState => ({ status: 'none' });
