import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventStore } from '@tadamon/event-store';
import { verifyStreamChain } from '@tadamon/eventsourcing';
import { DocumentStore } from '@tadamon/read-store';
import { contactPersonStreamName } from '@tadamon/registry';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../create-app';
import { DOCUMENT_STORE, EVENT_STORE } from '../embedded/embedded.module';

jest.setTimeout(60_000);

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

  /** Every byte of the SQLite files under DATA_DIR except the key store (events, WAL, idempotency). */
  const dataFilesText = (): string =>
    readdirSync(dataDir)
      .filter((file) => !file.startsWith('keys.db'))
      .map((file) => readFileSync(join(dataDir, file)).toString('latin1'))
      .join('\n');

  const eventually = async (check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('the read model did not follow');
      await new Promise((resolve) => setTimeout(resolve, 20));
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
  });

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
});
