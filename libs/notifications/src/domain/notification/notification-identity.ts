import { createHash } from 'node:crypto';
import { Channel, NotificationRecipient } from './notification-messages';

/**
 * The notification's id from what makes it one: the source event, the recipient and the channel.
 * A redelivered event, a restarted consumer or a second instance derives the same id and so finds
 * the stream already there: one notification, however often the event arrives.
 */
export const notificationIdFor = (
  sourceEventId: string,
  recipient: NotificationRecipient,
  channel: Channel,
): string =>
  `ntf-${createHash('sha256')
    .update(JSON.stringify([sourceEventId, recipient.kind, recipient.id, channel]))
    .digest('hex')
    .slice(0, 40)}`;

/**
 * The email's Message-ID (RFC 5322), the same for every attempt of a notification: a message sent
 * but not recorded before a crash is sent again with the same id, and mail clients show it once.
 */
export const messageIdFor = (notificationId: string, domain: string): string =>
  `<${notificationId}@${domain}>`;
