/**
 * What the delivery loop hands a channel, and what a channel answers. A channel either returns a
 * receipt (delivered) or throws DeliveryRefused saying whether to try again; any other error is
 * treated as transient (the server may come back).
 */
export interface DeliveryReceipt {
  /** What the server said (SMTP reply, HTTP status line, the outbox file name): kept in the log. */
  response: string;
}

export class DeliveryRefused extends Error {
  constructor(
    reason: string,
    readonly refusal: {
      /** Never try again (a 5xx SMTP reply to the recipient; for a webhook, only a 410, which is also `gone`). */
      permanent: boolean;
      /** The endpoint is gone for good (HTTP 410): the webhook endpoint is disabled. */
      gone?: boolean;
      /** The server asked to wait this long (HTTP Retry-After, in seconds). */
      retryAfterSeconds?: number | null;
    },
  ) {
    super(reason);
    this.name = 'DeliveryRefused';
  }
}

export interface EmailAddress {
  address: string;
  name?: string | null;
}

export interface OutgoingEmail {
  notificationId: string;
  /** RFC 5322 Message-ID with its angle brackets, the same for every attempt (messageIdFor). */
  messageId: string;
  to: EmailAddress;
  subject: string;
  html: string;
  text: string;
  /** `ar`, `fr` or `en`: the Content-Language of the message. */
  language: string;
  /** RFC 8058 one-click unsubscribe for the notification's category; null for a message that has none. */
  listUnsubscribe: { url: string; mailto: string | null } | null;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

export interface OutgoingWebhook {
  /** The Standard Webhooks `webhook-id`: the notification id, the same for every attempt and replay. */
  webhookId: string;
  url: string;
  /** The JSON body, exactly as signed and sent. */
  body: string;
  /** The endpoint's secrets in force (`whsec_…`): during a rotation, both sign. */
  secrets: string[];
  /** When the attempt is made: the `webhook-timestamp`. */
  at: Date;
}

export interface WebhookTransport {
  post(webhook: OutgoingWebhook): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}
