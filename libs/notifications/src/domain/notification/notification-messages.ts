import { Command, DomainEvent } from '@tadamon/eventsourcing';
import { NoticeFacts } from './notice-facts';

/** How a notification reaches its recipient. */
export const CHANNELS = ['email', 'webhook', 'in-app'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a notification is about: each trigger has its templates and its unsubscribe category. */
export const TRIGGERS = [
  'application-received',
  'application-eligible',
  'application-ineligible',
  'grant-awarded',
  'application-rejected',
  'tranche-released',
  'agreement-signed',
  'agreement-amended',
  'enrolment-confirmed',
  'session-reminder',
  'certificate-issued',
  'call-matching',
  'need-matching',
  'digest',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const RECIPIENT_KINDS = ['contact-person', 'user', 'webhook-endpoint'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * Why a notification is not sent: recorded, so that the proof of notice says why nothing went out.
 * `in-digest`: held for the recipient's daily or weekly digest, which is a notification of its own.
 */
export const SKIP_REASONS = [
  'no-consent',
  'erased',
  'channel-not-set-up',
  'quiet-hours',
  'unsubscribed',
  'in-digest',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const SOURCE_CONTEXTS = ['registry', 'funding', 'partnerships', 'training', 'notifications'] as const;
export type SourceContext = (typeof SOURCE_CONTEXTS)[number];

/** The integration event a notification answers: with the recipient and channel, its identity. */
export interface NotificationSource {
  context: SourceContext;
  eventId: string;
  eventType: string;
  /** The record the event is about (an application, an agreement), for "what was X told". */
  subjectId: string;
}

/** Who is told: a contact person of an organisation, a user (in-app), a partner's webhook endpoint. */
export interface NotificationRecipient {
  kind: RecipientKind;
  id: string;
  /** The organisation the recipient speaks for (null for a user of the ministry). */
  organisationId: string | null;
}

export type RequestNotification = Command<
  'RequestNotification',
  {
    notificationId: string;
    source: NotificationSource;
    recipient: NotificationRecipient;
    channel: Channel;
    trigger: Trigger;
    /** What the recipient is told (public facts of the source event). */
    facts: NoticeFacts;
  }
>;
export type SkipNotification = Command<
  'SkipNotification',
  { notificationId: string; reason: SkipReason; detail?: string | null }
>;
/** Held until an instant (the end of the recipient's quiet hours in Africa/Casablanca). */
export type DeferNotification = Command<'DeferNotification', { notificationId: string; until: string }>;
export type RenderNotification = Command<
  'RenderNotification',
  {
    notificationId: string;
    templateId: string;
    templateVersion: number;
    /** The language rendered; `fallbackFrom` the one asked for when its translation was missing. */
    language: Language;
    fallbackFrom: Language | null;
    subject: string;
    /** SHA-256 (hex) of the rendered body as sent: what the recipient was told, provably. */
    bodySha256: string;
  }
>;
export type StartDeliveryAttempt = Command<
  'StartDeliveryAttempt',
  { notificationId: string; attempt: number }
>;
export type RecordDelivery = Command<
  'RecordDelivery',
  { notificationId: string; attempt: number; response?: string | null }
>;
export type RecordFailedAttempt = Command<
  'RecordFailedAttempt',
  {
    notificationId: string;
    attempt: number;
    reason: string;
    /** When to try again; null: no more attempts (a permanent refusal, or the schedule is spent). */
    retryAt: string | null;
  }
>;
export type RecordBounce = Command<'RecordBounce', { notificationId: string; reason: string }>;
export type MarkNotificationRead = Command<'MarkNotificationRead', { notificationId: string }>;
/** A partner's replay of a webhook delivery (delivered or failed): sent again, same webhook-id. */
export type RedeliverNotification = Command<'RedeliverNotification', { notificationId: string }>;

export type NotificationCommand =
  | RequestNotification
  | SkipNotification
  | DeferNotification
  | RenderNotification
  | StartDeliveryAttempt
  | RecordDelivery
  | RecordFailedAttempt
  | RecordBounce
  | MarkNotificationRead
  | RedeliverNotification;

type At = { at: string };
export type NotificationRequested = DomainEvent<'NotificationRequested', RequestNotification['data'] & At>;
export type NotificationSkipped = DomainEvent<
  'NotificationSkipped',
  { notificationId: string; reason: SkipReason; detail: string | null } & At
>;
export type NotificationDeferred = DomainEvent<'NotificationDeferred', DeferNotification['data'] & At>;
export type NotificationRendered = DomainEvent<'NotificationRendered', RenderNotification['data'] & At>;
export type DeliveryAttemptStarted = DomainEvent<'DeliveryAttemptStarted', StartDeliveryAttempt['data'] & At>;
export type NotificationDelivered = DomainEvent<
  'NotificationDelivered',
  { notificationId: string; attempt: number; response: string | null } & At
>;
export type DeliveryAttemptFailed = DomainEvent<'DeliveryAttemptFailed', RecordFailedAttempt['data'] & At>;
export type NotificationFailed = DomainEvent<
  'NotificationFailed',
  { notificationId: string; attempts: number; reason: string } & At
>;
export type NotificationBounced = DomainEvent<'NotificationBounced', RecordBounce['data'] & At>;
export type NotificationRead = DomainEvent<'NotificationRead', { notificationId: string; by: string } & At>;
export type RedeliveryRequested = DomainEvent<
  'RedeliveryRequested',
  { notificationId: string; by: string } & At
>;

export type NotificationEvent =
  | NotificationRequested
  | NotificationSkipped
  | NotificationDeferred
  | NotificationRendered
  | DeliveryAttemptStarted
  | NotificationDelivered
  | DeliveryAttemptFailed
  | NotificationFailed
  | NotificationBounced
  | NotificationRead
  | RedeliveryRequested;
