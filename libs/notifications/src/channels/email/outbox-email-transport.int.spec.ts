import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxEmailTransport } from './outbox-email-transport';
import {
  decodeEncodedWords,
  DeliveredEmail,
  emailTransportContract,
  outgoingEmail,
  parseEml,
} from './testing';

const FROM = 'Tadamon <notifications@tadamon.example>';

function addressesOf(header: string): { address: string; name: string }[] {
  return header.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((one) => {
    const match = /^\s*(?:"?(.*?)"?\s*)?<([^>]+)>\s*$/.exec(one);
    return match ? { name: match[1] ?? '', address: match[2] } : { name: '', address: one.trim() };
  });
}

const headerOf = (headers: Map<string, string[]>, name: string) => headers.get(name)?.[0] ?? '';

async function readOutbox(dir: string, messageId: string): Promise<DeliveredEmail[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
  const parsed = await Promise.all(
    files.map(async (name) => parseEml(await readFile(join(dir, name), 'utf8'))),
  );
  return parsed
    .filter(({ headers }) => headers.get('message-id')?.[0] === messageId)
    .map(({ headers, text, html }) => ({
      messageId,
      to: addressesOf(decodeEncodedWords(headerOf(headers, 'to'))),
      subject: decodeEncodedWords(headerOf(headers, 'subject')),
      text: text ?? '',
      html: html ?? '',
      contentLanguage: headers.get('content-language')?.[0] ?? null,
      listUnsubscribe: headers.get('list-unsubscribe') ?? [],
      listUnsubscribePost: headers.get('list-unsubscribe-post')?.[0] ?? null,
    }));
}

emailTransportContract('outbox (.eml files)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  const transport = new OutboxEmailTransport({ dir, from: FROM });
  return {
    transport,
    receipt: /^outbox ntf-[0-9a-f]+\.eml$/,
    delivered: (messageId) => readOutbox(dir, messageId),
    cleanup: async () => {
      await transport.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('OutboxEmailTransport', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes a repeat of the notification over the same file, never a second one, and leaves no temporary file', async () => {
    const transport = new OutboxEmailTransport({ dir: root, from: FROM });
    const first = outgoingEmail({ subject: 'première tentative' });
    await transport.send(first);
    await transport.send({ ...first, subject: 'seconde tentative' });

    expect(await readdir(root)).toEqual([`${first.notificationId}.eml`]);
    const written = parseEml(await readFile(join(root, `${first.notificationId}.eml`), 'utf8'));
    expect(decodeEncodedWords(headerOf(written.headers, 'subject'))).toBe('seconde tentative');
    expect(written.headers.get('from')).toEqual(['Tadamon <notifications@tadamon.example>']);
  });

  it('makes the outbox folder when it is missing', async () => {
    const dir = join(root, 'data', 'outbox');
    const transport = new OutboxEmailTransport({ dir, from: FROM });
    const email = outgoingEmail();
    await expect(transport.send(email)).resolves.toEqual({ response: `outbox ${email.notificationId}.eml` });
    expect(await readdir(dir)).toEqual([`${email.notificationId}.eml`]);
  });

  it('fails, and writes nothing, when the outbox cannot be written', async () => {
    const notAFolder = join(root, 'data');
    await writeFile(notAFolder, 'a file where the folder should be');
    const transport = new OutboxEmailTransport({ dir: join(notAFolder, 'outbox'), from: FROM });
    await expect(transport.send(outgoingEmail())).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('refuses a notification id that would name a file outside the outbox', async () => {
    const transport = new OutboxEmailTransport({ dir: join(root, 'outbox'), from: FROM });
    await expect(transport.send(outgoingEmail({ notificationId: '../escape' }))).rejects.toThrow(
      /cannot name an outbox file/,
    );
    expect(await readdir(root)).toEqual([]);
  });
});
