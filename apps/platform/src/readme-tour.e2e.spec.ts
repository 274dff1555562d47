import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from './create-app';

jest.setTimeout(180_000);

/** The repository's folder: the tour ends with npm scripts (the auditor), run from there. */
const repositoryRoot = resolve(__dirname, '../../..');

/** The shell block of the README's five-minute tour, as a reader would paste it. */
const tourScript = (): string => {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
  const section = readme.split('## Five-minute tour')[1];
  if (!section) throw new Error('README.md has no "Five-minute tour" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the tour has no sh block');
  return block[1];
};

describe('the README five-minute tour', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-tour-'));
  const auditorHome = mkdtempSync(join(tmpdir(), 'tadamon-tour-auditor-'));
  let app: NestFastifyApplication;
  let output: string;
  let seconds: number;

  beforeAll(async () => {
    process.env.TADAMON_RATE_LIMIT ??= '100000';
    app = await createApp({ logger: false, dataDir });
    await app.listen(0, '127.0.0.1');
    const script = `set -euo pipefail\n${tourScript().replaceAll('http://localhost:3000', await app.getUrl())}`;
    // The auditor's commands read the app's data folder, as they read ./data after `npm start`.
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
    delete env.TADAMON_EVENT_STORE;
    delete env.TADAMON_SQLITE_FILE;
    delete env.TADAMON_SEAL_PUBLIC_KEY;
    // The auditor pins the seal key on first use in its own folder (not the test runner's home).
    env.TADAMON_AUDITOR_KNOWN_KEYS = join(auditorHome, 'known-seal-keys');
    env.TMPDIR = auditorHome;
    const started = Date.now();
    // Asynchronously: the app answering the tour runs in this process.
    ({ stdout: output } = await promisify(execFile)('bash', ['-c', script], {
      encoding: 'utf8',
      cwd: repositoryRoot,
      env,
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
    }));
    seconds = (Date.now() - started) / 1000;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(auditorHome, { recursive: true, force: true });
  });

  it('runs from start to end against the demo data (curl and jq on the path)', () => {
    expect(output).toContain('Migrations et Développement');
  });

  it('registers, hides the association until verified, then verifies it', () => {
    expect(output).toContain('"AssociationRegistered"');
    expect(output).toMatch(/^404$/m);
    expect(output).toContain('"AssociationVerified"');
  });

  it('exports the contact card in clear, then shows the person as erased', () => {
    expect(output).toContain('"khadija@example.org"');
    expect(output).toContain('"PersonalDataErased"');
    expect(output).toMatch(/"status": "erased",\s+"card": \{\s+"erased": true/);
  });

  it('lets the association change its own profile and the partner publish a need', () => {
    expect(output).toContain('"AssociationProfileChanged"');
    expect(output).toContain('Adduction d eau potable à Tafraout');
  });

  it('ends on the map, where Souss-Massa counts the new association', async () => {
    const map = (await (await fetch(`${await app.getUrl()}/api/registry/map/regions`)).json()) as {
      region: string;
      associations: number;
    }[];
    const soussMassa = map.find((r) => r.region === 'MA-09');
    expect(output).toContain(`"associations": ${soussMassa?.associations}`);
    expect(soussMassa?.associations).toBeGreaterThanOrEqual(2);
  });
  it('opens an envelope and a call, which the officer can close only after its deadline', () => {
    expect(output).toContain('["BudgetEnvelopeOpened"]');
    expect(output).toContain('["CallForProposalsPublished"]');
    expect(output).toContain('{"status":409,"code":"CALL_STILL_OPEN"}');
    expect(output).toContain('["CallForProposalsClosed"]');
  });

  it("takes M&D's application through screening and three evaluations", () => {
    expect(output).toContain('["GrantApplicationSubmitted"]');
    expect(output).toContain('["GrantApplicationFoundEligible"]');
    const count = (text: string) => output.split(text).length - 1;
    expect(count('{"events":["EvaluatorAssigned"],"linksToApplicant":[]}')).toBe(3);
    expect(count('{"status":409,"code":"CONFLICT_DECLARATION_REQUIRED"}')).toBe(3);
    expect(count('["NoConflictOfInterestDeclared"]')).toBe(3);
    expect(count('["EvaluatorScoresRecorded"]')).toBe(3);
  });

  it('has the committee rank, recommend and award it within the envelope, which shows the commitment', async () => {
    expect(output).toContain('["ConsensusScoreReached"]');
    expect(output).toContain(
      '{"applicationId":"application-md-tafraout-water","rank":1,"consensus":8000,"funded":true}',
    );
    expect(output).toContain('{"events":["GrantApplicationRecommended"],"rank":1}');
    expect(output).toContain('{"events":["FundsCommitted","GrantAwarded"]');
    const mad = (major: number) => `{"amountMinor":${major * 100},"currency":"MAD"}`;
    expect(output).toContain(
      `{"status":"open","amount":${mad(5_000_000)},"committed":${mad(3_000_000)},"remaining":${mad(2_000_000)}}`,
    );
    // The platform agrees: the application is awarded on that envelope.
    const url = await app.getUrl();
    const { access_token: token } = (await (
      await fetch(`${url}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'auditor', password: 'tadamon-demo' }),
      })
    ).json()) as { access_token: string };
    const application = (await (
      await fetch(`${url}/api/funding/applications/application-md-tafraout-water`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { status: string; decision: { kind: string; envelopeId: string } };
    expect(application.status).toBe('awarded');
    expect(application.decision).toMatchObject({ kind: 'award', envelopeId: 'envelope-souss-massa-water' });
  });

  it('opens the award as a project in Partnerships, which the officer completes, starts and publishes', () => {
    expect(output).toContain(
      '{"origin":"award","status":"1","title":"Eau potable pour six douars de Tafraout","sectorCodes":["14030"]}',
    );
    expect(output).toContain('{"valid":false,"missing":["plannedStart","plannedEnd"]}');
    expect(output).toContain('["ProjectRevised"]');
    expect(output).toContain('["ProjectStatusChanged"]');
    expect(output).toContain('["ProjectPublished"]');
    expect(output).toContain('{"published":true,"valid":true,"schemaErrors":[]}');
    expect(output).toContain('["award-application-md-tafraout-water","project-tiznit-income-generation"]');
    expect(output).toContain('{"id":"MA-TIZ","projects":2}');
  });

  it('signs a convention by its three parties, each with its own account, then an amendment: version 2', () => {
    expect(output).toContain(
      [
        '["AgreementDrafted"]',
        '["AgreementSubmittedForSignature"]',
        '["AgreementSigned"]',
        '["AgreementSigned"]',
        '["AgreementSigned","AgreementEnteredIntoForce"]',
        '["AmendmentProposed"]',
        '["AmendmentSigned"]',
        '["AmendmentSigned"]',
        '["AmendmentSigned","AmendmentEnteredIntoForce"]',
      ].join('\n'),
    );
    const parties = '["actor-cri-souss-massa","actor-ministry","assoc-migrations-et-developpement"]';
    expect(output).toContain(`{"version":1,"state":"in-force","differences":[],"signedBy":${parties}}`);
    expect(output).toContain(
      `{"version":2,"state":"in-force","differences":["$.endDate: \\"2027-12-31\\" -> \\"2028-06-30\\""],"signedBy":${parties}}`,
    );
  });

  it('fetches the IATI file and validates it: the XSD, the rules and the codelists', () => {
    expect(output).toMatch(/^VALID: 3 activities, 0 XSD errors, 0 rule errors, \d+ warnings$/m);
  });

  it('holds four eyes on a results update: its author is refused, a second officer approves', () => {
    expect(output).toContain('{"status":403,"code":"FOUR_EYES_REQUIRED"}');
    expect(output).toContain('["IndicatorUpdateApproved"]');
  });

  it('shows what M&D was told of its award: the email in the outbox, the inbox, the proof of notice', () => {
    for (const trigger of ['application-received', 'application-eligible', 'grant-awarded'])
      expect(output).toContain(
        `{"trigger":"${trigger}","channel":"email","status":"delivered","language":"fr","template":"${trigger} v1"}`,
      );
    expect(output).toMatch(/^Message-ID: <ntf-[0-9a-f]{40}@tadamon\.local>$/m);
    expect(output).toMatch(/^Content-Language: fr$/m);
    expect(output).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(output).toContain(
      '["NotificationRequested","NotificationRendered","DeliveryAttemptStarted","NotificationDelivered"]',
    );
    expect(output).toMatch(/^\{"unread":\d+,"total":\d+\}$/m);
  });

  it('trains M&D’s president: enrolled, checked in once, closed, certified; the certificate verifies until revoked', () => {
    expect(output).toMatch(
      /^\{"status":"confirmed","events":\["EnrolmentRequested","EnrolmentConfirmed"\]\}$/m,
    );
    expect(output).toMatch(/"outcome":"accepted","status":"present"/);
    expect(output).toContain('{"status":409,"code":"CHECK_IN_ALREADY_MARKED"}');
    expect(output).toMatch(/"completed":true,.*"certificates":\{[^}]*"issued":1/);
    const verifications = output.match(/^\{"valid":(true|false),"checks":\{[^}]*\}\}$/gm) ?? [];
    expect(verifications).toEqual([
      '{"valid":true,"checks":{"signature":true,"issuer":true,"dates":true,"revocation":true,"suspension":true}}',
      '{"valid":false,"checks":{"signature":true,"issuer":true,"dates":true,"revocation":false,"suspension":true}}',
    ]);
    expect(output).toContain('["CertificateRevoked"]');
  });

  it("ends with the auditor's session: the log verifies and the award replays the same", () => {
    expect(output).toMatch(/^verify: OK: \d+ events in \d+ streams of SQLite .*every hash chain holds/m);
    expect(output).toContain(`${dataDir}/events.db`);
    expect(output).toMatch(
      /^replay: SAME: 3 recomputation\(s\) \(1 consensus, 1 recommendation, 1 decision\)/m,
    );
    expect(output).toMatch(/^ {2}\S+ {2}GrantAwarded .* user-committee \(committee\)/m);
  });

  it('runs in well under a minute', () => {
    expect(seconds).toBeLessThan(60);
  });
});
