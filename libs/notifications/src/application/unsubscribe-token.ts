import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a notification's one-click unsubscribe link (RFC 8058): an HMAC of its id under the
 * platform's secret, so the link works without signing in and only for the message it came with.
 * The id alone would not do: it derives from an event id and a person id that others may know.
 */
export const unsubscribeToken = (secret: string, notificationId: string): string =>
  createHmac('sha256', secret).update(`unsubscribe:${notificationId}`).digest('base64url').slice(0, 32);

export const isUnsubscribeToken = (secret: string, notificationId: string, token: unknown): boolean => {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(unsubscribeToken(secret, notificationId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
