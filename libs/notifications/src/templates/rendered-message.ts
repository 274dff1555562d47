import type { Language, Trigger } from '../domain/notification/notification-messages';

type LocalizedText = { ar?: string; fr?: string; en?: string };
type Money = { amountMinor: number; currency: string };

/**
 * What a template is filled with. Only facts the recipient may see (no evaluator, no score); names
 * come in every language the source has, the template picks the reader's. Instants are ISO 8601 and
 * money is in minor units: both are formatted in the reader's locale (Africa/Casablanca).
 */
export interface MessageModel {
  recipientName: string | null;
  organisationName: LocalizedText;
  /** The record the message is about (an application, an agreement, a session). */
  reference: string;
  /** A call's, project's or course's title. */
  title?: LocalizedText | null;
  amount?: Money | null;
  /** The instant of the fact told (decided, signed, released, the session's start). */
  date?: string | null;
  /** A deadline the reader must know (appeal, call deadline). */
  deadline?: string | null;
  /** Rule codes (ineligibility) or sectors, as codes. */
  reasons?: string[] | null;
  /** A digest's entries. */
  items?: { title: LocalizedText; reference: string; date: string }[] | null;
  /** A training session's IANA time zone (its dates are told on that clock) and place. */
  timezone?: string;
  place?: { mode: 'in-person' | 'online'; city?: string; country?: string };
  /** `certificate` and `verify`: a certificate's page and its public verification page. */
  links: {
    open: string;
    preferences: string;
    unsubscribe: string | null;
    certificate?: string;
    verify?: string;
  };
}

export interface RenderedMessage {
  templateId: string;
  templateVersion: number;
  trigger: Trigger;
  /** The language rendered, and the one asked for when its translation was missing (else null). */
  language: Language;
  fallbackFrom: Language | null;
  subject: string;
  html: string;
  text: string;
  /** SHA-256 (hex) of JSON.stringify([subject, text, html]): what the recipient was told, provably. */
  bodySha256: string;
}
