import { Credential, PublicIssuerKey, staticDocumentLoader, verifyCredential } from '@tadamon/credentials';
import { eventually, Json, PlatformClient, problemType } from '../registry/testing/platform-client';
import { CertificateScenario, MD, TRAINEE, TRAINEE2 } from './testing/certificate-scenario';

// Seeding the demo users hashes their passwords with scrypt; one restart (the crash case).
jest.setTimeout(180_000);

const C = '/api/training/certificates';
const ISSUER_URL = 'http://localhost:3000/api/training/issuer';
const allChecks = { signature: true, issuer: true, dates: true, revocation: true, suspension: true };

describe('Training certificates on the embedded platform: issued on close, verified offline, revoked for good', () => {
  let client: PlatformClient;
  let scenario: CertificateScenario;
  beforeAll(async () => {
    // No periodic pass: a certificate appears only when this spec asks (issueFor) or at a start.
    process.env.TADAMON_CERTIFICATE_PASS_SECONDS = '0';
    client = await PlatformClient.start('training-certificates', { demoData: 'registry' });
    scenario = new CertificateScenario(client);
  }, 120_000);
  afterAll(async () => {
    delete process.env.TADAMON_CERTIFICATE_PASS_SECONDS;
    await client?.close();
  });

  /** The documents the platform publishes, fetched over HTTP, and a verifier that uses only them. */
  const offlineVerifier = async () => {
    const issuer = (await client.get('anonymous', '/api/training/issuer')).body;
    const documentLoader = staticDocumentLoader({
      issuerKeys: issuer.verificationMethod as PublicIssuerKey[],
      statusLists: async (url) => {
        const reply = await client.get('anonymous', new URL(url).pathname);
        return reply.status === 200 ? (reply.body as Record<string, unknown>) : undefined;
      },
    });
    return (credential: Credential | string) =>
      verifyCredential(credential, { knownIssuers: [issuer.id], documentLoader });
  };
  const credentialOf = async (
    certificateId: string,
    who: 'officer' | 'trainee' | 'association' = 'officer',
  ) => (await client.get(who, `${C}/${certificateId}/credential`)).body as Credential;
  const listed = (certificateId: string) =>
    eventually(
      () => client.get('officer', `${C}?pageSize=100`),
      (r) => r.body.items.some((c: Json) => c.certificateId === certificateId),
      `certificate ${certificateId} in the read model`,
    );

  let issued: { sessionId: string; closedAt: string; certificateIds: string[] };

  it('issues a certificate for each completion right after the close, once, however often it is asked', async () => {
    issued = await scenario.closedSession([TRAINEE, TRAINEE2]);
    const first = await scenario.issuance.issueFor(issued.sessionId);
    expect(first).toMatchObject({ completions: 2, issued: 2, failed: 0 });
    const again = await scenario.issuance.issueFor(issued.sessionId);
    expect(again).toMatchObject({ completions: 2, issued: 0, alreadyIssued: 2 });

    const [mine] = issued.certificateIds;
    await listed(mine);
    const trainee = await client.get('trainee', `${C}/mine`);
    expect(trainee.status).toBe(200);
    expect(trainee.body.items.map((c: Json) => c.certificateId)).toEqual([mine]);
    expect(trainee.body.items[0]).toMatchObject({
      status: 'active',
      traineeId: TRAINEE.traineeId,
      associationId: MD,
      sessionId: issued.sessionId,
      validFrom: issued.closedAt,
      formats: ['jwt', 'ldp'],
    });
    expect(JSON.stringify(trainee.body)).not.toContain(CertificateScenario.nameOf(TRAINEE.traineeId));
  });

  it('hands the trainee its credential, which verifies offline with only the published documents, in both formats', async () => {
    const [mine] = issued.certificateIds;
    const credential = await credentialOf(mine, 'trainee');
    expect(credential).toMatchObject({
      id: `http://localhost:3000${C}/${mine}`,
      issuer: { id: ISSUER_URL },
      validFrom: issued.closedAt,
      credentialSubject: { name: CertificateScenario.nameOf(TRAINEE.traineeId) },
      // The same instant as the close; the proof library writes it without milliseconds.
      proof: { created: issued.closedAt.replace('.000Z', 'Z'), cryptosuite: 'eddsa-rdfc-2022' },
    });
    const jwt = await client.get('trainee', `${C}/${mine}/credential?format=jwt`);
    expect(jwt.type).toMatch(/application\/vc\+jwt/);
    const verify = await offlineVerifier();
    expect(await verify(credential)).toMatchObject({ valid: true, checks: allChecks });
    expect(await verify(String(jwt.body))).toMatchObject({ valid: true, checks: allChecks });

    const online = await client.post('anonymous', '/api/training/verify', { credential });
    expect(online.status).toBe(200);
    expect(online.body).toMatchObject({
      valid: true,
      checks: allChecks,
      summary: {
        certificateId: mine,
        recipientName: CertificateScenario.nameOf(TRAINEE.traineeId),
        issuer: { id: ISSUER_URL },
      },
    });
    expect((await client.post('anonymous', '/api/training/verify', { jwt: jwt.body })).body.valid).toBe(true);
  });

  it('refuses the credential with one byte changed, offline and online', async () => {
    const [mine] = issued.certificateIds;
    const credential = await credentialOf(mine);
    const subject = credential.credentialSubject as { name: string };
    const forged = {
      ...credential,
      credentialSubject: { ...subject, name: `${subject.name.slice(0, -1)}X` },
    };
    expect((await (await offlineVerifier())(forged)).checks.signature).toBe(false);
    const online = await client.post('anonymous', '/api/training/verify', { credential: forged });
    expect(online.body).toMatchObject({ valid: false, checks: { signature: false } });
    const jwt = String((await client.get('officer', `${C}/${mine}/credential?format=jwt`)).body);
    const [h, p, s] = jwt.split('.');
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect((await client.post('anonymous', '/api/training/verify', { jwt: flipped })).body.valid).toBe(false);
  });

  it('publishes the status lists (Data Integrity and VC-JWT) with an ETag, and answers 304 to it', async () => {
    const credential = await credentialOf(issued.certificateIds[0]);
    const [revocation] = credential.credentialStatus as { statusListCredential: string }[];
    const path = new URL(revocation.statusListCredential).pathname;
    const ldp = await client.get('anonymous', path);
    expect(ldp.status).toBe(200);
    expect(ldp.body).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
    expect(ldp.headers.get('cache-control')).toMatch(/max-age=60/);
    const etag = ldp.headers.get('etag') as string;
    expect((await client.get('anonymous', path, { 'if-none-match': etag })).status).toBe(304);
    const jwt = await client.get('anonymous', path, { accept: 'application/vc+jwt' });
    expect(jwt.type).toMatch(/application\/vc\+jwt/);
    expect(String(jwt.body).split('.')).toHaveLength(3);
    expect((await client.get('anonymous', `${path}?format=jwt`)).body).toBe(jwt.body);
    expect((await client.get('anonymous', path.replace(/revocation$/, 'other'))).status).toBe(404);
    expect((await client.get('anonymous', '/api/training/status-lists/sl-none/revocation')).status).toBe(404);
  });

  it('shows a suspended certificate as suspended, then valid once reinstated', async () => {
    const [, figuig] = issued.certificateIds;
    const credential = await credentialOf(figuig);
    const suspend = await client.post('officer', `${C}/${figuig}/suspend`, {
      reason: 'Enquête sur la feuille de présence',
    });
    expect(suspend.status).toBe(200);
    const suspended = await client.post('anonymous', '/api/training/verify', { credential });
    expect(suspended.body).toMatchObject({ valid: false, checks: { ...allChecks, suspension: false } });
    expect((await client.get('anonymous', `${C}/${figuig}/verification`)).body.status).toBe('suspended');
    const verify = await offlineVerifier();
    await eventually(
      () => verify(credential),
      (r) => r.checks.suspension === false,
      'the suspension bit set',
    );

    expect((await client.post('officer', `${C}/${figuig}/reinstate`)).status).toBe(200);
    await eventually(
      () => verify(credential),
      (r) => r.valid,
      'the suspension bit cleared',
    );
    const online = await client.post('anonymous', '/api/training/verify', { credential });
    expect(online.body).toMatchObject({ valid: true, checks: allChecks });
  });

  it('never shows a revoked credential valid: revoke, then verify the same credential', async () => {
    const [mine] = issued.certificateIds;
    const credential = await credentialOf(mine);
    const revoke = await client.post('officer', `${C}/${mine}/revoke`, {
      reason: { code: 'completion-annulled', text: 'Présences falsifiées' },
    });
    expect(revoke.status).toBe(200);
    // At once, before the list is rebuilt: the certificate's stream says revoked.
    const online = await client.post('anonymous', '/api/training/verify', { credential });
    expect(online.body).toMatchObject({ valid: false, checks: { ...allChecks, revocation: false } });
    const verify = await offlineVerifier();
    const offline = await eventually(
      () => verify(credential),
      (r) => !r.checks.revocation,
      'the revocation bit set',
    );
    expect(offline).toMatchObject({ valid: false, checks: { ...allChecks, revocation: false } });
    expect((await client.post('anonymous', '/api/training/verify', { credential })).body.valid).toBe(false);

    const page = await client.get('anonymous', `${C}/${mine}/verification`);
    expect(page.body).toMatchObject({
      status: 'revoked',
      issuer: { id: ISSUER_URL },
      moduleId: expect.any(String),
    });
    expect(JSON.stringify(page.body)).not.toMatch(new RegExp(`${TRAINEE.traineeId}|${MD}`));
    const refused = await client.post('officer', `${C}/${mine}/reinstate`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CERTIFICATE_REVOKED');
  });

  it('renders the printable certificate in Arabic, right to left, with the QR to the verification page', async () => {
    const [, figuig] = issued.certificateIds;
    const page = await client.get('officer', `${C}/${figuig}/printable?lang=ar`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    expect(page.body).toContain(CertificateScenario.nameOf(TRAINEE2.traineeId));
    expect(page.body).toContain(`${C}/${figuig}/verification`);
    expect(page.body).toContain('<svg');
    expect((await client.get('officer', `${C}/${figuig}/printable?lang=de`)).status).toBe(400);
  });

  it('lets each role reach only what is theirs', async () => {
    const [mine, figuig] = issued.certificateIds;
    for (const [who, path, status] of [
      ['anonymous', `${C}`, 401],
      ['trainee', `${C}`, 403],
      ['trainer', `${C}`, 403],
      ['anonymous', `${C}/mine`, 401],
      ['officer', `${C}/mine`, 403],
      ['anonymous', `${C}/${mine}/credential`, 401],
      ['trainer', `${C}/${mine}/credential`, 403],
      ['trainee2', `${C}/${mine}/credential`, 404],
      ['trainee', `${C}/${figuig}/credential`, 404],
      ['association', `${C}/${figuig}/credential`, 404],
      ['association', `${C}/${figuig}/printable`, 404],
      ['association', `${C}?associationId=${TRAINEE2.associationId}`, 403],
    ] as const)
      expect([who, path, (await client.get(who, path)).status]).toEqual([who, path, status]);
    expect((await client.get('association', `${C}/${mine}/credential`)).status).toBe(200);
    const own = await client.get('association', `${C}?pageSize=100`);
    expect(own.body.items.every((c: Json) => c.associationId === MD)).toBe(true);
    expect(own.body.items.map((c: Json) => c.certificateId)).toContain(mine);
    for (const [who, status] of [
      ['anonymous', 401],
      ['trainee', 403],
      ['association', 403],
      ['trainer', 403],
    ] as const)
      expect((await client.post(who, `${C}/${figuig}/suspend`, { reason: 'x' })).status).toBe(status);
    expect((await client.post('officer', `${C}/${figuig}/suspend`, {})).status).toBe(400);
    expect(
      (await client.post('officer', `${C}/${figuig}/revoke`, { reason: { code: 'whim', text: 'x' } })).status,
    ).toBe(400);
    expect((await client.get('anonymous', `${C}/${figuig}/verification`)).body.status).toBe('active');
    expect((await client.post('officer', `${C}/cert-unknown/suspend`, { reason: 'x' })).status).toBe(404);
    expect((await client.get('anonymous', `${C}/cert-unknown/verification`)).status).toBe(404);
  });

  it('answers bad verification input with 400 and a foreign document with valid false, never 5xx', async () => {
    const verify = (body: unknown) => client.post('anonymous', '/api/training/verify', body);
    expect((await verify({})).status).toBe(400);
    expect((await verify({ credential: { a: 1 }, jwt: 'a.b.c' })).status).toBe(400);
    expect((await verify({ jwt: 'not a jwt' })).status).toBe(400);
    expect((await verify({ credential: 'text' })).status).toBe(400);
    const huge = await verify({ credential: { blob: 'x'.repeat(70_000) } });
    expect(huge.status).toBe(413);
    for (const body of [
      { jwt: 'a.b.c' },
      { credential: { a: 1 } },
      { credential: { proof: {}, issuer: ISSUER_URL } },
    ]) {
      const reply = await verify(body);
      expect([JSON.stringify(body), reply.status, reply.body.valid]).toEqual([
        JSON.stringify(body),
        200,
        false,
      ]);
    }
    const problem = await verify({});
    expect(problem.body).toMatchObject({ type: problemType('validation') });
  });

  it('issues after a crash between the close and the issuance: the pass at start issues it, once', async () => {
    const crashed = await scenario.closedSession([TRAINEE]);
    const [certificateId] = crashed.certificateIds;
    expect((await scenario.commands.load('certificate', certificateId))?.state.status ?? 'none').toBe('none');
    client = await client.restart();
    scenario = new CertificateScenario(client);
    const loaded = await scenario.commands.load('certificate', certificateId);
    expect(loaded?.state.status).toBe('active');
    expect(await scenario.issuance.pass()).toMatchObject({ issued: 0, failed: 0 });
    const events = await scenario.commands.load('certificate', certificateId);
    expect(events?.revision).toBe(loaded?.revision);
  });

  it('issues no certificate to an erased trainee, and answers 410 for the credential of one erased since', async () => {
    const [, figuig] = issued.certificateIds;
    const erase = await client.post('officer', `/api/registry/contacts/${TRAINEE2.traineeId}/erase`);
    expect(erase.status).toBe(200);
    const gone = await client.get('officer', `${C}/${figuig}/credential`);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ type: problemType('gone'), code: 'CERTIFICATE_CREDENTIAL_ERASED' });
    expect((await client.get('officer', `${C}/${figuig}/printable`)).status).toBe(410);

    const late = await scenario.closedSession([TRAINEE2]);
    expect(await scenario.issuance.issueFor(late.sessionId)).toMatchObject({ issued: 0, erased: 1 });
    expect(
      (await scenario.commands.load('certificate', late.certificateIds[0]))?.state.status ?? 'none',
    ).toBe('none');
  });
});
