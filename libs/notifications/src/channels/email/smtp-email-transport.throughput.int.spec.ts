import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { MailpitClient, requireMailpit, smtpUrl } from '@tadamon/testing';
import type { OutgoingEmail } from '../channel-ports';
import { SmtpEmailTransport } from './smtp-email-transport';
import { outgoingEmail } from './testing';

const MESSAGES = 1000;
const CONNECTIONS = 5;
const WARM_UP = 100;
const FROM = 'Tadamon <notifications@tadamon.example>';
// A rendered message's size: about 4 KB of HTML.
const HTML = `<!doctype html><html lang="ar" dir="rtl"><body>${'<p dir="rtl">تم قبول طلب التمويل، وستصلكم تفاصيل الاتفاقية قريبا.</p>'.repeat(35)}</body></html>`;

function batch(run: string, length: number): OutgoingEmail[] {
  return Array.from({ length }, (_, i) =>
    outgoingEmail({ html: HTML, to: { address: `contact-${i}@${run}.example`, name: 'جمعية الأمل' } }),
  );
}

async function perSecond(
  send: (email: OutgoingEmail) => Promise<unknown>,
  emails: OutgoingEmail[],
): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(emails.map(send));
  return MESSAGES / (Number(process.hrtime.bigint() - started) / 1e9);
}

describe('SmtpEmailTransport throughput (Mailpit, same machine)', () => {
  let mailpit: MailpitClient;
  const runs = { raw: `raw-${randomUUID().slice(0, 8)}`, adapter: `adapter-${randomUUID().slice(0, 8)}` };
  beforeAll(async () => {
    mailpit = await requireMailpit();
  });
  afterAll(async () => {
    for (const run of Object.values(runs)) await mailpit?.deleteMatching(`to:${run}.example`);
  });

  it(`sends ${MESSAGES} rendered-size messages at no less than half the rate of raw pooled nodemailer`, async () => {
    const raw = nodemailer.createTransport({ url: smtpUrl(), pool: true, maxConnections: CONNECTIONS });
    const adapter = new SmtpEmailTransport({ url: smtpUrl(), from: FROM, maxConnections: CONNECTIONS });
    try {
      const sendRaw = (email: OutgoingEmail) =>
        raw.sendMail({
          from: FROM,
          to: email.to.address,
          subject: email.subject,
          messageId: email.messageId,
          text: email.text,
          html: email.html,
        });
      // Both warmed alike (connections open, code compiled) before either is timed.
      await perSecond(sendRaw, batch(runs.raw, WARM_UP));
      await perSecond((email) => adapter.send(email), batch(runs.adapter, WARM_UP));
      const rawRate = await perSecond(sendRaw, batch(runs.raw, MESSAGES));
      const adapterRate = await perSecond((email) => adapter.send(email), batch(runs.adapter, MESSAGES));
      process.stderr.write(
        `[email throughput] ${MESSAGES} messages of ~${(Buffer.byteLength(HTML) / 1024).toFixed(1)} KB html, ${CONNECTIONS} connections: ` +
          `raw nodemailer ${rawRate.toFixed(0)}/s, SmtpEmailTransport ${adapterRate.toFixed(0)}/s ` +
          `(ratio ${(adapterRate / rawRate).toFixed(2)})\n`,
      );
      expect((await mailpit.search(`to:${runs.adapter}.example`)).length).toBe(WARM_UP + MESSAGES);
      expect(await mailpit.duplicates(`to:${runs.adapter}.example`)).toBe(0);
      expect(adapterRate / rawRate).toBeGreaterThanOrEqual(0.5);
    } finally {
      raw.close();
      await adapter.close();
    }
  }, 120_000);
});
