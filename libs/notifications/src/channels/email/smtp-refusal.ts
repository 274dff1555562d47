import { DeliveryRefused } from '../channel-ports';

/** What nodemailer puts on the errors it raises (smtp-connection's _formatError). */
interface SmtpError {
  message?: string;
  code?: string;
  originalCode?: string;
  command?: string;
  response?: string;
  responseCode?: number;
}

// A 5xx to these is about this recipient or this message: sending it again will not help.
// A 5xx elsewhere (AUTH, MAIL FROM) is about our own settings, which an operator can fix.
const ABOUT_THE_MESSAGE = new Set(['RCPT TO', 'DATA']);

/** The refusal a failed SMTP send amounts to: permanent only for a 5xx reply to RCPT TO or DATA. */
export function refusalOfSmtpError(error: unknown): DeliveryRefused {
  if (error instanceof DeliveryRefused) return error;
  const e = (error ?? {}) as SmtpError;
  const code = e.responseCode;
  if (typeof code === 'number' && code >= 400 && code < 600) {
    const permanent = code >= 500 && ABOUT_THE_MESSAGE.has(e.command ?? '');
    const reply = (e.response ?? String(code)).trim();
    return new DeliveryRefused(`SMTP server refused ${e.command ?? 'the message'}: ${reply}`, { permanent });
  }
  const cause = [e.code, e.originalCode].filter(Boolean).join('/');
  return new DeliveryRefused(
    `SMTP server unreachable or the session failed${cause ? ` (${cause})` : ''}: ${e.message ?? String(error)}`,
    { permanent: false },
  );
}
