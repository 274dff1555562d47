import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { DEFAULT_MAILPIT_URL, DEFAULT_SMTP_URL, mailpitUrl, requireMailpit, smtpUrl } from './mailpit';
import { ServerUnavailableError } from './require-server';
import { SERVER_ERRORS_ENV } from './server-kind';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('Mailpit for tests', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('finds Mailpit on infra/local’s ports unless MAILPIT_URL and MAILPIT_SMTP_URL say otherwise', () => {
    delete process.env.MAILPIT_URL;
    delete process.env.MAILPIT_SMTP_URL;
    expect([mailpitUrl(), smtpUrl()]).toEqual([DEFAULT_MAILPIT_URL, DEFAULT_SMTP_URL]);
    process.env.MAILPIT_URL = 'http://mailpit:8025';
    process.env.MAILPIT_SMTP_URL = 'smtp://mailpit:1025';
    expect([mailpitUrl(), smtpUrl()]).toEqual(['http://mailpit:8025', 'smtp://mailpit:1025']);
  });

  it('fails, naming the URL, the reason the global setup recorded and how to start it, when nothing answers', async () => {
    process.env.MAILPIT_URL = `http://127.0.0.1:${await closedPort()}`;
    process.env[SERVER_ERRORS_ENV] = JSON.stringify({
      mailpit: 'infra/local: FAILED mailpit: go is not installed',
    });
    const failure = requireMailpit(1000);
    await expect(failure).rejects.toThrow(ServerUnavailableError);
    await expect(requireMailpit(1000)).rejects.toThrow(
      new RegExp(
        `needs mailpit \\(MAILPIT_URL\\).*nothing answers at ${process.env.MAILPIT_URL} \\(ECONNREFUSED\\).*go is not installed`,
      ),
    );
    await expect(requireMailpit(1000)).rejects.toThrow(/npm run infra:up/);
  });

  it('reads back what was sent, and counts a Message-ID stored twice as one duplicate', async () => {
    const mailpit = await requireMailpit();
    const run = `client-${randomUUID().slice(0, 8)}`;
    const smtp = nodemailer.createTransport({ url: smtpUrl() });
    try {
      const send = (n: number, messageId: string) =>
        smtp.sendMail({
          from: 'tests@tadamon.example',
          to: `contact-${n}@${run}.example`,
          subject: `رسالة ${n}`,
          text: `message ${n}`,
          messageId,
        });
      await send(1, `<once@${run}.example>`);
      await send(2, `<twice@${run}.example>`);
      await send(3, `<twice@${run}.example>`);

      const sent = await mailpit.search(`to:${run}.example`);
      expect(sent.map((m) => m.Subject).sort()).toEqual(['رسالة 1', 'رسالة 2', 'رسالة 3']);
      expect(await mailpit.duplicates(`to:${run}.example`)).toBe(1);
      expect((await mailpit.messages()).filter((m) => m.MessageID.endsWith(`@${run}.example`))).toHaveLength(
        3,
      );

      const once = await mailpit.byMessageId(`<once@${run}.example>`);
      expect(once.Text.trim()).toBe('message 1');
      expect((await mailpit.headers(once.ID))['Message-Id']).toEqual([`<once@${run}.example>`]);
      await expect(mailpit.byMessageId(`twice@${run}.example`)).rejects.toThrow(/holds 2 message/);

      await mailpit.deleteMatching(`to:${run}.example`);
      expect(await mailpit.search(`to:${run}.example`)).toEqual([]);
    } finally {
      smtp.close();
    }
  });
});
