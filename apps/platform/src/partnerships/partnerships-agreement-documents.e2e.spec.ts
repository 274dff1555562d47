import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { FolderContentStore } from '@tadamon/content-store';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { CONTENT_STORE } from '../embedded/embedded.module';
import { PlatformClient } from '../registry/testing/platform-client';
import { AGREEMENTS, AgreementsScenario, OUTSIDER } from './testing/agreements-scenario';

jest.setTimeout(60_000);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Partnerships API: agreement documents', () => {
  let client: PlatformClient;
  let scenario: AgreementsScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-agreement-documents');
    scenario = new AgreementsScenario(client);
    await scenario.ready();
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  it('keeps an uploaded file by its SHA-256 and gives the same bytes back to the parties only', async () => {
    const agreementId = await scenario.inForce();
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
    const uploaded = await scenario.upload('officer', agreementId, file, { name: 'convention signée ع.pdf' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      sha256: sha256(file),
      size: file.length,
      events: ['AgreementDocumentAttached'],
    });
    expect(uploaded.headers.get('location')).toBe(`${AGREEMENTS}/${agreementId}/documents/${sha256(file)}`);
    const view = (await scenario.view(agreementId, (b) => b.documents.length === 1)).body;
    expect(view.documents[0]).toMatchObject({
      sha256: sha256(file),
      size: file.length,
      name: 'convention signée ع.pdf',
      mediaType: 'application/pdf',
      kind: 'signed-convention',
      detached: null,
    });
    for (const who of ['officer', 'auditor', 'association', 'partner'] as const) {
      const download = await scenario.download(who, agreementId, sha256(file));
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''convention");
      expect(download.bytes.equals(file)).toBe(true);
    }
    expect((await scenario.download(OUTSIDER, agreementId, sha256(file))).status).toBe(404);
    expect((await scenario.download('anonymous', agreementId, sha256(file))).status).toBe(401);
    expect((await scenario.download('officer', agreementId, 'b'.repeat(64))).status).toBe(404);
    expect((await scenario.upload('association', agreementId, file)).status).toBe(403);
  });

  it('refuses a file over 20 MiB with 413, an unknown kind with 400 and a JSON body with 415, attaching nothing', async () => {
    const agreementId = await scenario.drafted();
    const revision = await scenario.revision(agreementId);
    const big = await scenario.upload('officer', agreementId, Buffer.alloc(20 * 1024 * 1024 + 1, 1));
    expect([big.status, big.body.type]).toEqual([413, 'urn:tadamon:problem:payload-too-large']);
    const kind = await scenario.upload('officer', agreementId, Buffer.from('x'), { kind: 'poem' });
    expect(kind.status).toBe(400);
    const empty = await scenario.upload('officer', agreementId, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const json = await scenario.upload('officer', agreementId, Buffer.from('{}'), {
      type: 'application/json',
    });
    expect([json.status, json.body.type]).toEqual([415, 'urn:tadamon:problem:unsupported-media-type']);
    const other = await scenario.upload('officer', agreementId, Buffer.from('x'), { type: 'text/html' });
    expect(other.status).toBe(415);
    expect(await scenario.revision(agreementId)).toBe(revision);
  });

  it('answers an error, never other bytes, when the stored file no longer matches its fingerprint', async () => {
    const agreementId = await scenario.drafted();
    const file = randomBytes(4096);
    expect((await scenario.upload('officer', agreementId, file, { kind: 'annex' })).status).toBe(201);
    const store = client.app.get<FolderContentStore>(CONTENT_STORE, { strict: false });
    const path = store.pathOf(sha256(file));
    const stored = readFileSync(path);
    stored[100] ^= 0xff;
    chmodSync(path, 0o644);
    writeFileSync(path, stored);
    const download = await scenario.download('officer', agreementId, sha256(file));
    expect(download.status).toBe(500);
    expect(download.bytes.toString()).toContain('CONTENT_CORRUPTED');
  });

  it('detaches a document: it leaves the agreement and can no longer be downloaded', async () => {
    const agreementId = await scenario.drafted();
    const file = randomBytes(1024);
    expect((await scenario.upload('officer', agreementId, file, { kind: 'report' })).status).toBe(201);
    const detach = await client.post(
      'officer',
      `${AGREEMENTS}/${agreementId}/documents/${sha256(file)}/detach`,
      {
        reason: 'Mauvais fichier',
      },
    );
    expect(detach.body.events).toEqual(['AgreementDocumentDetached']);
    expect((await scenario.download('officer', agreementId, sha256(file))).status).toBe(404);
    const missing = await client.post(
      'officer',
      `${AGREEMENTS}/${agreementId}/documents/${'c'.repeat(64)}/detach`,
      {
        reason: 'x',
      },
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'DOCUMENT_NOT_ATTACHED']);
  });
});
