import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

/** The three Standard Webhooks headers a delivery carries. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export class InvalidWebhookSecret extends Error {
  constructor() {
    // The secret itself is never put in a message: messages reach logs.
    super('a webhook secret is `whsec_` followed by the base64 of at least 24 bytes');
    this.name = 'InvalidWebhookSecret';
  }
}

/** A new endpoint secret in the Standard Webhooks format: `whsec_` and the base64 of 32 random bytes. */
export const newWebhookSecret = (): string => webhookSecretOf(randomBytes(SECRET_BYTES));

/** The `whsec_` form of a secret's bytes. */
export const webhookSecretOf = (bytes: Buffer): string => SECRET_PREFIX + bytes.toString('base64');

/** The bytes that key the HMAC: the base64 after `whsec_`. */
export const webhookSecretBytes = (secret: string): Buffer => {
  if (!secret.startsWith(SECRET_PREFIX)) throw new InvalidWebhookSecret();
  const bytes = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  if (bytes.length < 24) throw new InvalidWebhookSecret();
  return bytes;
};

/**
 * The headers of a delivery: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` per secret in
 * force, space-separated, so that during a rotation a receiver holding either secret verifies it.
 */
export const signWebhook = ({
  webhookId,
  timestamp,
  body,
  secrets,
}: {
  webhookId: string;
  /** Seconds since the epoch. */
  timestamp: number;
  body: string;
  secrets: readonly string[];
}): WebhookHeaders => {
  if (secrets.length === 0) throw new InvalidWebhookSecret();
  const signed = `${webhookId}.${timestamp}.${body}`;
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets
      .map(
        (secret) => `v1,${createHmac('sha256', webhookSecretBytes(secret)).update(signed).digest('base64')}`,
      )
      .join(' '),
  };
};
