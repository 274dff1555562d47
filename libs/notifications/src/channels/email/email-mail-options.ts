import type Mail from 'nodemailer/lib/mailer';
import type { OutgoingEmail } from '../channel-ports';

/** RFC 8058: the receiver may unsubscribe with one POST to the HTTPS URI, no page, no login. */
export const ONE_CLICK = 'List-Unsubscribe=One-Click';

/**
 * The one MIME message both email transports build (the SMTP one sends it, the outbox writes
 * it): the Message-ID is the notification's, the same on every attempt, so a receiver and a
 * test can tell a repeat from a new message.
 */
export function mailOptionsFor(email: OutgoingEmail, from: string): Mail.Options {
  const headers: Record<string, string> = { 'Content-Language': email.language };
  const options: Mail.Options = {
    from,
    to: email.to.name ? { name: email.to.name, address: email.to.address } : email.to.address,
    subject: email.subject,
    messageId: email.messageId,
    text: email.text,
    html: email.html,
    headers,
  };
  if (email.listUnsubscribe) {
    const { url, mailto } = email.listUnsubscribe;
    // The nested array gives ONE header `<https…>, <mailto:…>`; a flat array would give two.
    options.list = { unsubscribe: [mailto ? [url, mailto] : [url]] };
    headers['List-Unsubscribe-Post'] = ONE_CLICK;
  }
  return options;
}
