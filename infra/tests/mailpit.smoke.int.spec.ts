import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { requireMailpit, serverSource, smtpUrl } from '@tadamon/testing';

describe('Mailpit smoke test (real server)', () => {
  it('keeps a message sent over SMTP and gives it back over its API', async () => {
    const mailpit = await requireMailpit();
    const info = (await (await fetch(new URL('/api/v1/info', mailpit.url))).json()) as { Version: string };
    // A go-installed Mailpit says "dev": infra/local pins v1.33.1 (go version -m shows it).
    process.stdout.write(
      `mailpit (${serverSource()}): version ${info.Version} at ${mailpit.url}, SMTP ${smtpUrl()}\n`,
    );

    const messageId = `<smoke-${randomUUID()}@tadamon.example>`;
    const smtp = nodemailer.createTransport({ url: smtpUrl() });
    try {
      const sent = await smtp.sendMail({
        from: 'smoke@tadamon.example',
        to: 'contact@amal.example',
        subject: 'اختبار',
        text: 'smoke',
        messageId,
      });
      expect(sent.response).toMatch(/^250 /);
      const stored = await mailpit.byMessageId(messageId);
      expect(stored.Subject).toBe('اختبار');
      expect(stored.To).toEqual([{ Name: '', Address: 'contact@amal.example' }]);
      await mailpit.deleteMatching(`message-id:"${messageId.slice(1, -1)}"`);
      expect(await mailpit.search(`message-id:"${messageId.slice(1, -1)}"`)).toEqual([]);
    } finally {
      smtp.close();
    }
  });
});
