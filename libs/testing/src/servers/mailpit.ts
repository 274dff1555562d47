import { ServerUnavailableError } from './require-server';
import { SERVER_ERRORS_ENV } from './server-kind';
import { MailpitClient } from '../services/mailpit-client';

export const DEFAULT_MAILPIT_URL = 'http://127.0.0.1:8025';
export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';

/** Mailpit's HTTP API: MAILPIT_URL, else infra/local's default port. */
export const mailpitUrl = (): string => process.env.MAILPIT_URL || DEFAULT_MAILPIT_URL;

/** Where to send mail that Mailpit keeps: MAILPIT_SMTP_URL, else infra/local's default port. */
export const smtpUrl = (): string => process.env.MAILPIT_SMTP_URL || DEFAULT_SMTP_URL;

/**
 * A client of the Mailpit the test needs, once its /readyz answers 200. Rejects (so the test
 * fails, never skips) when nothing answers, naming the URL and why the global setup had none.
 */
export async function requireMailpit(timeoutMs = 3000): Promise<MailpitClient> {
  const url = mailpitUrl();
  let reason: string;
  try {
    const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) });
    if (response.status === 200) return new MailpitClient(url);
    reason = `${url}/readyz answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    reason = `nothing answers at ${url} (${cause ?? (error as Error).message})`;
  }
  const recorded = (JSON.parse(process.env[SERVER_ERRORS_ENV] ?? '{}') as Record<string, string>).mailpit;
  throw new ServerUnavailableError('mailpit', recorded ? `${reason}; global setup: ${recorded}` : reason);
}
