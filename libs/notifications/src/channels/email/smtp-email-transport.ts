import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { DeliveryReceipt, EmailTransport, OutgoingEmail } from '../channel-ports';
import { mailOptionsFor } from './email-mail-options';
import { refusalOfSmtpError } from './smtp-refusal';

export interface SmtpEmailSettings {
  /** `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  /** The From of every message, e.g. `Tadamon <notifications@tadamon.example>`. */
  from: string;
  /** Pooled connections kept open to the server (default 5). */
  maxConnections?: number;
  /** TLS from the first byte; defaults to true for smtps:// and false for smtp://. */
  secure?: boolean;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  requireTLS?: boolean;
  /** Check the server's certificate (default true); false only for a test server's own certificate. */
  rejectUnauthorized?: boolean;
  /** Sign every message (its default header list covers List-Unsubscribe and List-Unsubscribe-Post). */
  dkim?: { domainName: string; keySelector: string; privateKey: string } | null;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** nodemailer's pooled SMTP options for the settings; the URL's credentials decoded. */
export function smtpPoolOptions(settings: SmtpEmailSettings): SMTPPool.Options {
  const url = new URL(settings.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must be smtp:// or smtps://, not ${url.protocol}//`);
  }
  const implicitTls = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : implicitTls ? 465 : 587,
    secure: settings.secure ?? implicitTls,
    requireTLS: settings.requireTLS ?? false,
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    maxConnections: settings.maxConnections ?? 5,
    connectionTimeout: settings.connectionTimeoutMs ?? 10_000,
    greetingTimeout: settings.connectionTimeoutMs ?? 10_000,
    socketTimeout: settings.socketTimeoutMs ?? 60_000,
    ...(settings.dkim ? { dkim: settings.dkim } : {}),
  };
}

/**
 * Sends through a pool of SMTP connections. A refusal is a DeliveryRefused: permanent for a 5xx
 * to the recipient or the message, otherwise worth another try (a 4xx, the server unreachable);
 * the pool reconnects by itself once the server is back.
 */
export class SmtpEmailTransport implements EmailTransport {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

  constructor(private readonly settings: SmtpEmailSettings) {
    this.transporter = nodemailer.createTransport(smtpPoolOptions(settings));
  }

  async send(email: OutgoingEmail): Promise<DeliveryReceipt> {
    try {
      const info = await this.transporter.sendMail(mailOptionsFor(email, this.settings.from));
      return { response: info.response };
    } catch (error) {
      throw refusalOfSmtpError(error);
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
