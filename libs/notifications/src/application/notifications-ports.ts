import type { EventStore } from '@tadamon/event-store';
import type { DocumentStore } from '@tadamon/read-store';
import type { Language, Trigger } from '../domain/notification/notification-messages';
import type { MessageModel, RenderedMessage } from '../templates/rendered-message';

/** The event store Notifications appends to: each notification's stream is its proof of notice. */
export const NOTIFICATIONS_EVENT_STORE = Symbol('NOTIFICATIONS_EVENT_STORE');
/** The read models Notifications' projections keep (MongoDB, or mingo in memory). */
export const NOTIFICATIONS_READ_MODELS = Symbol('NOTIFICATIONS_READ_MODELS');
/** Told after every append (the embedded profile wakes its in-memory projections). */
export const NOTIFICATIONS_APPEND_LISTENER = Symbol('NOTIFICATIONS_APPEND_LISTENER');
/** Who the organisations' people are: the Registry's contact persons and the platform's users. */
export const NOTIFICATIONS_RECIPIENTS = Symbol('NOTIFICATIONS_RECIPIENTS');
export const NOTIFICATIONS_EMAIL_TRANSPORT = Symbol('NOTIFICATIONS_EMAIL_TRANSPORT');
export const NOTIFICATIONS_WEBHOOK_TRANSPORT = Symbol('NOTIFICATIONS_WEBHOOK_TRANSPORT');
/** Where webhook secrets are kept (never in the log): the personal-data key store. */
export const NOTIFICATIONS_WEBHOOK_SECRETS = Symbol('NOTIFICATIONS_WEBHOOK_SECRETS');
export const NOTIFICATIONS_RENDERER = Symbol('NOTIFICATIONS_RENDERER');
export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

export type { AppendListener } from '@tadamon/nest-kit';
export type NotificationsEventStore = EventStore;
export type NotificationsReadModels = DocumentStore;

type LocalizedText = { ar?: string; fr?: string; en?: string };

/** A contact person as the Registry holds them, without their (sealed) card. */
export interface ContactEntry {
  subjectId: string;
  organisationId: string;
  status: 'active' | 'removed' | 'erased';
  /** Consent given for programme communications (law 09-08 or the GDPR). */
  consented: boolean;
}

/** A contact person's card, opened only to send: never stored, never logged. */
export interface OpenedContact {
  fullName: string;
  email: string | null;
  language: Language | null;
  /** Consent given for programme communications (law 09-08 or the GDPR). */
  consented: boolean;
}

/**
 * The people behind an organisation. In the platform, the Registry's contact persons (their sealed
 * cards opened with the person's key only when a message goes out) and the platform's users.
 */
export interface RecipientDirectory {
  organisationNames(organisationId: string): Promise<LocalizedText | undefined>;
  contactsOf(organisationId: string): Promise<ContactEntry[]>;
  contact(subjectId: string): Promise<ContactEntry | undefined>;
  /** The person's card, or 'erased' (the key is destroyed), or undefined (no such person). */
  openContact(subjectId: string): Promise<OpenedContact | 'erased' | undefined>;
  /** The accounts of the organisation, told in their in-app inbox. */
  usersOf(organisationId: string): Promise<{ id: string }[]>;
  /** The public (verified) associations a call is for: any of its regions, sectors, host countries. */
  associationsMatching(audience: NoticeAudience): Promise<string[]>;
}

/** Who a call is for; an empty list does not restrict. */
export interface NoticeAudience {
  originRegions: string[];
  sectors: string[];
  hostCountries: string[];
}

/** Renders a trigger's template in a language (with its fallback), from the facts and the recipient. */
export interface MessageRenderer {
  render(trigger: Trigger, language: Language, model: MessageModel): Promise<RenderedMessage>;
}

export interface NotificationsSettings {
  /** Where the links of a message point (the web app), e.g. `https://tadamon.example`. */
  publicUrl: string;
  /** The domain of every Message-ID (`<ntf-…@domain>`). */
  mailDomain: string;
  /** Signs the one-click unsubscribe links (see unsubscribe-token.ts). */
  unsubscribeSecret: string;
  /** The address one-click unsubscribe mails go to, besides the HTTPS link (RFC 8058); null: none. */
  unsubscribeMailto: string | null;
  /** The dispatcher's poll of due notifications (ms; 0: only when woken, for tests). */
  pollIntervalMs: number;
  /** How many notifications are sent at once. */
  concurrency: number;
  /** How long an attempt started but never recorded waits before another instance retries it (ms). */
  sendingLeaseMs: number;
  /** Between two passes of the digest process (ms; 0: no timer, for tests that call its pass). */
  digestIntervalMs: number;
  /** Between two passes of the session reminder process (ms; 0: no timer, for tests that call its pass). */
  reminderIntervalMs: number;
  /** Delays before each email attempt (the first at once); after the last, the email has failed. */
  emailRetryDelaysMs: readonly number[];
  /** Delays before each webhook attempt (Standard Webhooks' schedule by default). */
  webhookRetryDelaysMs: readonly number[];
}

export const DEFAULT_EMAIL_RETRY_DELAYS_MS: readonly number[] = [
  0,
  5_000,
  15_000,
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
];
