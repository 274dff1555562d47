import { randomUUID } from 'node:crypto';
import type { EmailTransport, OutgoingEmail } from '../../channel-ports';

/** A message as the far side holds it, read back through the backend (Mailpit's API, the .eml). */
export interface DeliveredEmail {
  /** With its angle brackets, as in the header. */
  messageId: string;
  to: { address: string; name: string }[];
  subject: string;
  text: string;
  html: string;
  contentLanguage: string | null;
  /** Every List-Unsubscribe header, raw (RFC 8058 wants exactly one). */
  listUnsubscribe: string[];
  listUnsubscribePost: string | null;
}

export interface EmailTransportFixture {
  transport: EmailTransport;
  /** Every copy the backend holds of the message with this Message-ID. */
  delivered(messageId: string): Promise<DeliveredEmail[]>;
  /** What the transport's receipt says, e.g. the SMTP server's 250 reply. */
  receipt: RegExp;
  cleanup(): Promise<void>;
}

const SUBJECT = 'قرار لجنة التمويل بشأن طلبكم رقم 2026-014';
const HTML = `<!doctype html><html lang="ar" dir="rtl"><body><p dir="rtl">نُعلمكم بقبول طلب التمويل.</p>${'<p>تفاصيل القرار</p>'.repeat(40)}</body></html>`;

/**
 * The recipients' domain, one per test file (jest loads this module afresh for each), so a file
 * can find and remove what it sent to a shared Mailpit without touching other files' messages.
 */
export const RECIPIENT_DOMAIN = `amal-${randomUUID().slice(0, 8)}.example`;

/** A category's one-click unsubscribe, its opaque token unique to the test. */
export function oneClickUnsubscribe(): { url: string; mailto: string } {
  const token = randomUUID();
  return {
    url: `https://tadamon.example/unsubscribe/${token}`,
    mailto: `unsubscribe+${token}@tadamon.example`,
  };
}

/** A notification's email as the delivery loop hands it over, unique to the test. */
export function outgoingEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  const notificationId = overrides.notificationId ?? `ntf-${randomUUID().replace(/-/g, '')}`;
  return {
    notificationId,
    messageId: `<${notificationId}@tadamon.example>`,
    to: { address: `contact+${notificationId.slice(4, 16)}@${RECIPIENT_DOMAIN}`, name: 'جمعية الأمل' },
    subject: SUBJECT,
    html: HTML,
    text: 'نُعلمكم بقبول طلب التمويل.\nhttps://tadamon.example/applications/2026-014',
    language: 'ar',
    listUnsubscribe: oneClickUnsubscribe(),
    ...overrides,
  };
}

const linksOf = (header: string) => [...header.matchAll(/<([^>]+)>/g)].map((m) => m[1]);

/**
 * What every EmailTransport must do, run against each adapter with a backend it can read back.
 */
export function emailTransportContract(
  name: string,
  makeFixture: () => Promise<EmailTransportFixture>,
): void {
  describe(`EmailTransport contract: ${name}`, () => {
    let fixture: EmailTransportFixture;
    beforeAll(async () => {
      fixture = await makeFixture();
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    async function theOnlyCopy(messageId: string): Promise<DeliveredEmail> {
      const copies = await fixture.delivered(messageId);
      expect(copies).toHaveLength(1);
      return copies[0];
    }

    it('delivers the message under the notification’s Message-ID, to the recipient, with its Arabic subject and both parts', async () => {
      const email = outgoingEmail();
      const receipt = await fixture.transport.send(email);
      expect(receipt.response).toMatch(fixture.receipt);

      const delivered = await theOnlyCopy(email.messageId);
      expect(delivered.messageId).toBe(email.messageId);
      expect(delivered.to).toEqual([{ address: email.to.address, name: 'جمعية الأمل' }]);
      expect(delivered.subject).toBe(SUBJECT);
      // Lines travel as CRLF (RFC 5322); the words must be exactly those given.
      expect(delivered.text.replace(/\r\n/g, '\n').trim()).toBe(email.text);
      expect(delivered.html.replace(/\r\n/g, '\n').trim()).toBe(email.html);
      expect(delivered.contentLanguage).toBe('ar');
    });

    it('offers RFC 8058 one-click unsubscribe: one List-Unsubscribe with the https and mailto links, and List-Unsubscribe-Post', async () => {
      const unsubscribe = oneClickUnsubscribe();
      const email = outgoingEmail({ listUnsubscribe: unsubscribe });
      await fixture.transport.send(email);

      const delivered = await theOnlyCopy(email.messageId);
      expect(delivered.listUnsubscribe).toHaveLength(1);
      expect(linksOf(delivered.listUnsubscribe[0])).toEqual([
        unsubscribe.url,
        `mailto:${unsubscribe.mailto}`,
      ]);
      expect(delivered.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    });

    it('gives the https link alone when the category has no unsubscribe mailbox', async () => {
      const { url } = oneClickUnsubscribe();
      const email = outgoingEmail({
        language: 'fr',
        subject: 'Décision du comité',
        listUnsubscribe: { url, mailto: null },
      });
      await fixture.transport.send(email);

      const delivered = await theOnlyCopy(email.messageId);
      expect(linksOf(delivered.listUnsubscribe[0])).toEqual([url]);
      expect(delivered.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
      expect(delivered.contentLanguage).toBe('fr');
      expect(delivered.subject).toBe('Décision du comité');
    });

    it('adds no unsubscribe headers to a message that has none (a password reset, a legal notice)', async () => {
      const email = outgoingEmail({ listUnsubscribe: null, language: 'en', subject: 'Your access code' });
      await fixture.transport.send(email);

      const delivered = await theOnlyCopy(email.messageId);
      expect(delivered.listUnsubscribe).toEqual([]);
      expect(delivered.listUnsubscribePost).toBeNull();
      expect(delivered.contentLanguage).toBe('en');
    });

    it('delivers 20 messages sent at once, each once, to its own recipient', async () => {
      const emails = Array.from({ length: 20 }, () => outgoingEmail());
      await Promise.all(emails.map((email) => fixture.transport.send(email)));

      for (const email of emails) {
        expect((await theOnlyCopy(email.messageId)).to.map((t) => t.address)).toEqual([email.to.address]);
      }
    });
  });
}
