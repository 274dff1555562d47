import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventStore } from '@tadamon/event-store';
import { verifyStreamChain, WrongExpectedRevision } from '@tadamon/eventsourcing';
import Database from 'better-sqlite3';
import { createDecipheriv } from 'node:crypto';
import { DocumentStore } from '@tadamon/read-store';
import { contactPersonStreamName, RegistryCommands } from '@tadamon/registry';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../create-app';
import { DOCUMENT_STORE, EVENT_STORE } from '../embedded/embedded.module';

jest.setTimeout(120_000);

// Distinctive, so a find anywhere cannot be a coincidence.
const NAME = 'Zineb Qwertyuiop-Erasure';
const EMAIL = 'zineb.qwertyuiop@erasure.example.org';

describe('erasure of a contact person in the embedded profile', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-erasure-'));
  let app: NestFastifyApplication;
  let officer: string;
  let subjectId: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${await app.getUrl()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${officer}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** Every document of every read-model collection, as JSON text. */
  const readModelsText = async (): Promise<string> => {
    const docs = app.get<DocumentStore>(DOCUMENT_STORE);
    const all = await Promise.all(
      (await docs.collections()).map(async (name) => docs.collection(name).find({})),
    );
    return JSON.stringify(all);
  };

  /**
   * Every byte of every file under DATA_DIR, in every folder (the documents too), except the key
   * store: events, WAL, idempotency, the consumers' inboxes, the content store.
   */
  const dataFilesText = (dir = dataDir): string =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('keys.db'))
      .map((entry) =>
        entry.isDirectory()
          ? dataFilesText(join(dir, entry.name))
          : readFileSync(join(dir, entry.name)).toString('latin1'),
      )
      .join('\n');

  const eventually = async (check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('the read model did not follow');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** Every file under DATA_DIR, recursively, with its bytes. */
  const filesUnder = (folder: string): { file: string; bytes: Buffer }[] =>
    readdirSync(folder).flatMap((name) => {
      const file = join(folder, name);
      return statSync(file).isDirectory() ? filesUnder(file) : [{ file, bytes: readFileSync(file) }];
    });

  /** The key store's rows, read beside the running platform (a reader closed at once). */
  const storedKeys = (): { subject_id: string; key_id: string; wrapped: string }[] => {
    const db = new Database(join(dataDir, 'keys.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT subject_id, key_id, wrapped FROM subject_keys').all() as never;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    process.env.TADAMON_RATE_LIMIT ??= '100000';
    app = await createApp({ logger: false, dataDir });
    await app.listen(0, '127.0.0.1');
    const token = await fetch(`${await app.getUrl()}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: 'tadamon-demo' }),
    });
    officer = ((await token.json()) as { access_token: string }).access_token;
    const added = await call('POST', '/api/registry/associations/assoc-amdam/contacts', {
      role: 'treasurer',
      card: { fullName: NAME, email: EMAIL },
      consents: [{ purpose: 'registry-contact', legalBasis: 'law-09-08' }],
    });
    expect(added.status).toBe(201);
    subjectId = added.body['subjectId'] as string;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('never writes the plaintext to the event log, not even before erasure', async () => {
    const readBack = await call('GET', `/api/registry/contacts/${subjectId}`);
    expect(readBack.body['card']).toEqual({ fullName: NAME, email: EMAIL });
    const events = await app.get<EventStore>(EVENT_STORE).readStream(contactPersonStreamName(subjectId));
    expect(JSON.stringify(events)).not.toContain('Qwertyuiop');
    expect(dataFilesText()).not.toContain('Qwertyuiop');
  });

  it('after erasure: the API shows the person as erased, the read models hold no trace, the chain verifies', async () => {
    await eventually(async () => (await readModelsText()).includes(subjectId));
    const erased = await call('POST', `/api/registry/contacts/${subjectId}/erase`, {});
    expect(erased.status).toBe(200);
    expect(erased.body['events']).toEqual(['PersonalDataErased']);

    expect((await call('GET', `/api/registry/contacts/${subjectId}`)).body).toMatchObject({
      status: 'erased',
      card: { erased: true },
    });
    await eventually(async () => {
      const list = await call('GET', '/api/registry/associations/assoc-amdam/contacts');
      const person = (list.body as unknown as { subjectId: string; status: string }[]).find(
        (p) => p.subjectId === subjectId,
      );
      return person?.status === 'erased';
    });
    const models = await readModelsText();
    expect(models).not.toContain('Qwertyuiop');
    expect(models).not.toContain(EMAIL);
    // The sealed copy is dropped from the read model, not merely unreadable.
    const doc = await app.get<DocumentStore>(DOCUMENT_STORE).collection('contact_persons').get(subjectId);
    expect(doc).toMatchObject({ status: 'erased', personalData: null });

    const stored = await app
      .get<EventStore>(EVENT_STORE)
      .readStoredStream(contactPersonStreamName(subjectId));
    expect(verifyStreamChain(stored)).toMatchObject({ ok: true, count: 3 });
  });

  it('refuses to record anything new for an erased person, and the export still lists the processing', async () => {
    const change = await call('PATCH', `/api/registry/contacts/${subjectId}`, { role: 'president' });
    expect(change.status).toBe(409);
    expect(change.body['code']).toBe('PERSONAL_DATA_ERASED');
    const exported = await call('GET', `/api/registry/contacts/${subjectId}/export`);
    expect(exported.body['card']).toEqual({ erased: true });
    expect((exported.body['processing'] as { event: string }[]).map((p) => p.event)).toEqual([
      'ContactPersonAdded',
      'ConsentRecorded',
      'PersonalDataErased',
    ]);
  });

  it('leaves no key behind when the creation of a contact is refused', async () => {
    const commands = app.get(RegistryCommands);
    const before = storedKeys().length;
    const realExecute = commands.execute.bind(commands);
    // A concurrent writer took the stream: the command is refused after the key was made.
    const execute = jest.spyOn(commands, 'execute').mockImplementation(async (...args) => {
      const [aggregate, id, command] = args;
      if (aggregate === 'contactPerson' && (command as { type: string }).type === 'AddContactPerson')
        throw new WrongExpectedRevision(id, 'no_stream', 0);
      return realExecute(...args);
    });
    try {
      const refused = await call('POST', '/api/registry/associations/assoc-amdam/contacts', {
        role: 'secretary-general',
        card: { fullName: 'Refused Person' },
      });
      expect(refused.status).toBe(409);
    } finally {
      execute.mockRestore();
    }
    expect(storedKeys().length).toBe(before);
    const accepted = await call('POST', '/api/registry/associations/assoc-amdam/contacts', {
      role: 'secretary-general',
      card: { fullName: 'Accepted Person' },
    });
    expect(accepted.status).toBe(201);
    expect(storedKeys().length).toBe(before + 1);
  });

  it('after erasure over HTTP and a clean stop, no file in DATA_DIR holds the key, wrapped or not', async () => {
    const added = await call('POST', '/api/registry/associations/assoc-amdam/contacts', {
      role: 'treasurer',
      card: { fullName: NAME, email: EMAIL, phone: '+212 6 11 22 33 44' },
    });
    expect(added.status).toBe(201);
    const erasedId = added.body['subjectId'] as string;
    const row = storedKeys().find((key) => key.subject_id === erasedId);
    if (!row) throw new Error('the new contact has no key in keys.db');
    const master = Buffer.from(readFileSync(join(dataDir, 'master-key'), 'utf8').trim(), 'base64');
    const wrapped = JSON.parse(row.wrapped) as Record<string, string>;
    const decipher = createDecipheriv('aes-256-gcm', master, Buffer.from(wrapped['iv'], 'base64'));
    decipher.setAAD(Buffer.from(`${erasedId}:${row.key_id}`));
    decipher.setAuthTag(Buffer.from(wrapped['tag'], 'base64'));
    const raw = Buffer.concat([
      decipher.update(Buffer.from(wrapped['ciphertext'], 'base64')),
      decipher.final(),
    ]);
    const traces = [row.wrapped, wrapped['ciphertext'], raw, raw.toString('base64'), raw.toString('hex')].map(
      (trace) => Buffer.from(trace),
    );
    const holding = () =>
      filesUnder(dataDir)
        .filter(({ bytes }) => traces.some((trace) => bytes.includes(trace)))
        .map(({ file }) => file.slice(dataDir.length + 1));
    expect(holding()).toContain('keys.db-wal');

    const erased = await call('POST', `/api/registry/contacts/${erasedId}/erase`, {});
    expect(erased.status).toBe(200);
    expect(holding()).toEqual([]);

    await app.close();
    app = undefined as unknown as NestFastifyApplication;
    expect(holding()).toEqual([]);
  });
});
