import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { DeliveryReceipt, EmailTransport, OutgoingEmail } from '../channel-ports';
import { mailOptionsFor } from './email-mail-options';

export interface OutboxEmailSettings {
  /** Where the .eml files go: DATA_DIR/outbox. Made when missing. */
  dir: string;
  /** The From of every message, as for SMTP. */
  from: string;
}

/** Notification ids become file names: anything but these characters would be a path trick. */
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * The email channel with nothing installed: each message, built exactly as for SMTP, becomes
 * `<dir>/<notificationId>.eml`. The file appears whole or not at all (written aside, synced,
 * renamed over), and a repeat of the notification replaces it, so there is never a second file.
 */
export class OutboxEmailTransport implements EmailTransport {
  private readonly composer: Transporter<StreamTransport.SentMessageInfo, StreamTransport.Options>;

  constructor(private readonly settings: OutboxEmailSettings) {
    this.composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: '\r\n' });
  }

  /** The file a notification's message is written to. */
  fileFor(notificationId: string): string {
    if (!SAFE_NAME.test(notificationId) || notificationId.startsWith('.')) {
      throw new Error(`notification id ${JSON.stringify(notificationId)} cannot name an outbox file`);
    }
    return join(this.settings.dir, `${notificationId}.eml`);
  }

  async send(email: OutgoingEmail): Promise<DeliveryReceipt> {
    const target = this.fileFor(email.notificationId);
    const { message } = await this.composer.sendMail(mailOptionsFor(email, this.settings.from));
    await mkdir(this.settings.dir, { recursive: true });
    const temporary = join(this.settings.dir, `.${email.notificationId}.${randomUUID()}.tmp`);
    try {
      const file = await open(temporary, 'wx', 0o640);
      try {
        await file.writeFile(message as Buffer);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(this.settings.dir);
    return { response: `outbox ${email.notificationId}.eml` };
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}

// The rename is durable only once the directory itself is synced.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
