import { generateKeyPairSync } from 'node:crypto';
import { MailpitClient, requireMailpit, smtpUrl } from '@tadamon/testing';
import { DeliveryRefused } from '../channel-ports';
import { SmtpEmailTransport } from './smtp-email-transport';
import {
  DeliveredEmail,
  closedPort,
  emailTransportContract,
  oneClickUnsubscribe,
  outgoingEmail,
  RECIPIENT_DOMAIN,
  startRefusingSmtpServer,
} from './testing';

const FROM = 'Tadamon <notifications@tadamon.example>';
const bare = (messageId: string) => messageId.replace(/^<|>$/g, '');

function header(headers: Record<string, string[]>, name: string): string[] {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : [];
}

/** Every copy Mailpit stored under exactly this Message-ID (its search matches substrings). */
async function copiesIn(mailpit: MailpitClient, messageId: string) {
  const found = await mailpit.search(`message-id:"${bare(messageId)}"`);
  return found.filter((m) => m.MessageID === bare(messageId));
}

async function readBack(mailpit: MailpitClient, messageId: string): Promise<DeliveredEmail[]> {
  return Promise.all(
    (await copiesIn(mailpit, messageId)).map(async ({ ID }) => {
      const [message, headers] = await Promise.all([mailpit.message(ID), mailpit.headers(ID)]);
      return {
        messageId: header(headers, 'Message-ID')[0],
        to: message.To.map((t) => ({ address: t.Address, name: t.Name })),
        subject: message.Subject,
        text: message.Text,
        html: message.HTML,
        contentLanguage: header(headers, 'Content-Language')[0] ?? null,
        listUnsubscribe: header(headers, 'List-Unsubscribe'),
        listUnsubscribePost: header(headers, 'List-Unsubscribe-Post')[0] ?? null,
      };
    }),
  );
}

emailTransportContract('SMTP (Mailpit)', async () => {
  const mailpit = await requireMailpit();
  const transport = new SmtpEmailTransport({ url: smtpUrl(), from: FROM });
  return {
    transport,
    receipt: /^250 .*queued/,
    delivered: (messageId) => readBack(mailpit, messageId),
    cleanup: async () => {
      await transport.close();
      await mailpit.deleteMatching(`to:${RECIPIENT_DOMAIN}`);
    },
  };
});

describe('SmtpEmailTransport', () => {
  let mailpit: MailpitClient;
  let transport: SmtpEmailTransport;
  beforeAll(async () => {
    mailpit = await requireMailpit();
    transport = new SmtpEmailTransport({ url: smtpUrl(), from: FROM });
  });
  afterAll(async () => {
    await transport?.close();
    await mailpit?.deleteMatching(`to:${RECIPIENT_DOMAIN}`);
  });

  it('lets a receiver read the one-click unsubscribe as RFC 8058 means it (Mailpit’s own parse)', async () => {
    const unsubscribe = oneClickUnsubscribe();
    const email = outgoingEmail({ listUnsubscribe: unsubscribe });
    await transport.send(email);
    const [stored] = await copiesIn(mailpit, email.messageId);
    const { ListUnsubscribe, From } = await mailpit.message(stored.ID);
    expect(ListUnsubscribe.Errors).toBe('');
    expect(ListUnsubscribe.Links).toEqual([unsubscribe.url, `mailto:${unsubscribe.mailto}`]);
    expect(ListUnsubscribe.HeaderPost).toBe('List-Unsubscribe=One-Click');
    expect(From).toEqual({ Name: 'Tadamon', Address: 'notifications@tadamon.example' });
  });

  it('sends a repeat of a notification under the same Message-ID, so the receiver can tell it is one message', async () => {
    const email = outgoingEmail();
    await transport.send(email);
    await transport.send(email);
    expect(await copiesIn(mailpit, email.messageId)).toHaveLength(2);
    expect(await mailpit.duplicates(`message-id:"${bare(email.messageId)}"`)).toBe(1);
  });

  it('logs in with the credentials of the URL', async () => {
    const url = new URL(smtpUrl());
    url.username = 'notifications';
    url.password = 'p@ss:word';
    const authenticated = new SmtpEmailTransport({ url: url.toString(), from: FROM });
    try {
      const email = outgoingEmail();
      await authenticated.send(email);
      const [stored] = await copiesIn(mailpit, email.messageId);
      expect((await mailpit.message(stored.ID)) as unknown as { Username: string }).toMatchObject({
        Username: 'notifications',
      });
    } finally {
      await authenticated.close();
    }
  });

  it('signs with DKIM when configured, covering both unsubscribe headers', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signing = new SmtpEmailTransport({
      url: smtpUrl(),
      from: FROM,
      dkim: {
        domainName: 'tadamon.example',
        keySelector: 'mail',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    try {
      const email = outgoingEmail();
      await signing.send(email);
      const [stored] = await copiesIn(mailpit, email.messageId);
      const [signature] = header(await mailpit.headers(stored.ID), 'DKIM-Signature');
      expect(signature).toMatch(/d=tadamon\.example/);
      expect(signature).toMatch(/s=mail/);
      const [, list = ''] = /(?:^|;)h=([^;]+)/.exec(signature.replace(/\s+/g, '')) ?? [];
      const signed = list.toLowerCase().split(':');
      expect(signed).toEqual(
        expect.arrayContaining(['message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
      );
    } finally {
      await signing.close();
    }
  });
});

// These need no Mailpit: a port nothing listens on, and a server that refuses recipients.
describe('SmtpEmailTransport refusals', () => {
  it('refuses for now, not for ever, when the SMTP server is unreachable', async () => {
    const down = new SmtpEmailTransport({
      url: `smtp://127.0.0.1:${await closedPort()}`,
      from: FROM,
      connectionTimeoutMs: 2000,
    });
    try {
      const refusal = await down.send(outgoingEmail()).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DeliveryRefused);
      expect((refusal as DeliveryRefused).refusal.permanent).toBe(false);
      expect((refusal as DeliveryRefused).message).toMatch(/unreachable.*ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });

  it.each([
    ['550 5.1.1 <contact@amal.example>: Recipient address rejected: no such user', true],
    ['452 4.2.2 Mailbox full, try again later', false],
  ])('maps the reply "%s" to the recipient to a refusal, permanent: %s', async (reply, permanent) => {
    const server = await startRefusingSmtpServer(reply);
    const refusing = new SmtpEmailTransport({ url: server.url, from: FROM, connectionTimeoutMs: 2000 });
    try {
      const refusal = await refusing.send(outgoingEmail()).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DeliveryRefused);
      expect((refusal as DeliveryRefused).refusal).toEqual({ permanent });
      expect((refusal as DeliveryRefused).message).toContain(reply);
    } finally {
      await refusing.close();
      await server.close();
    }
  });
});
