import { parseXml, validateAgainstRules, validateAgainstSchema, validateCodelists } from '@tadamon/iati';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { eventually, PlatformClient, Reply } from '../registry/testing/platform-client';
import { IatiProjects, UNVERIFIED } from './testing/iati-projects';

const FILE = '/api/partnerships/iati/activities.xml';
const status = (projectId: string) => `/api/partnerships/projects/${encodeURIComponent(projectId)}/iati`;

describe('Partnerships API: IATI 2.03 publication', () => {
  let client: PlatformClient;
  let projects: IatiProjects;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-iati');
    projects = new IatiProjects(client);
    await projects.published('prj-iati-1');
    await projects.published('prj-iati-2', 'MA-02');
    await projects.open('prj-iati-internal');
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  const file = (headers?: Record<string, string>): Promise<Reply> => client.get('anonymous', FILE, headers);
  const fileWith = (accept: (xml: string) => boolean, what: string) =>
    eventually(async () => (await file()).body as string, accept, what);

  it('streams the published projects, without a token, valid against the 2.03 XSD with no rule error', async () => {
    // The parties' names come from Partnerships' directory, kept by its consumer of the Registry's
    // events: eventually, like the projects' read model.
    const xml = await fileWith(
      (x) => x.includes('prj-iati-2') && x.includes('Migrations et Développement'),
      'the two published projects, their parties named',
    );
    const reply = await file();
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^application\/xml/);
    expect(reply.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(reply.headers.get('last-modified')).not.toBeNull();
    expect(xml).toContain('<iati-identifier>XI-IATI-MCMRE-prj-iati-1</iati-identifier>');
    expect(xml).toContain('<iati-identifier>XI-IATI-MCMRE-prj-iati-2</iati-identifier>');
    expect(xml).toContain('<sector vocabulary="1" code="11220" percentage="33.5"/>');
    expect(xml).toContain('<transaction ref="t.1"><transaction-type code="3"/>');
    expect(xml).toContain('<transaction ref="e.1"><transaction-type code="4"/>');
    // Parties named from the Registry: the verified association (type 21), IOM (a funder: 90),
    // the ministry (10); an association not verified yet by its id only.
    expect(xml).toContain(
      '<participating-org type="21" role="4"><narrative xml:lang="ar">الهجرة والتنمية</narrative>' +
        '<narrative xml:lang="fr">Migrations et Développement</narrative>',
    );
    expect(xml).toMatch(
      /<participating-org type="90" role="1">[^]*?International Organization for Migration \(IOM\)/,
    );
    expect(xml).toMatch(/<participating-org type="10" role="2"><narrative xml:lang="ar">/);
    expect(xml).toContain(
      `<participating-org type="90" role="3"><narrative xml:lang="fr">${UNVERIFIED}</narrative>`,
    );
    expect(await validateAgainstSchema(xml)).toEqual([]);
    const document = parseXml(xml);
    const findings = [...validateAgainstRules(document), ...validateCodelists(document)];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('leaves out an unpublished project, and what is internal or personal', async () => {
    const xml = (await file()).body as string;
    expect(xml).not.toContain('prj-iati-internal');
    for (const secret of ['user-officer', 'note interne', 'Forage', 'Formation'])
      expect(xml).not.toContain(secret);
  });

  it('answers 304 to If-None-Match with the current ETag, and a new ETag once a project is unpublished', async () => {
    const etag = (await file()).headers.get('etag') as string;
    expect((await file({ 'if-none-match': etag })).status).toBe(304);
    await projects.run('UnpublishProject', 'prj-iati-2', { reason: 'Erreur de saisie' });
    const xml = await fileWith((x) => !x.includes('prj-iati-2'), 'prj-iati-2 left out');
    expect(xml).toContain('prj-iati-1');
    const after = await file({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    await projects.run('PublishProject', 'prj-iati-2', {});
  });

  it("gives officer, auditor and admin a project's IATI status, published or not, with the rules' ids", async () => {
    await eventually(
      () => client.get('officer', status('prj-iati-internal')),
      (r) => r.status === 200,
      'the internal project in the read model',
    );
    for (const who of ['officer', 'auditor', 'admin'] as const) {
      const reply = await client.get(who, status('prj-iati-internal'));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        projectId: 'prj-iati-internal',
        identifier: 'XI-IATI-MCMRE-prj-iati-internal',
        published: false,
        valid: true,
        schemaErrors: [],
      });
      expect(reply.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    }
    const published = await client.get('officer', status('prj-iati-1'));
    expect(published.body).toMatchObject({ published: true, valid: true });
  });

  it('shows an incomplete project as not valid, with what is missing and the rules that fail', async () => {
    await projects.run('OpenProjectFromAward', 'award-app-iati', {
      applicationId: 'app-iati',
      callId: 'call-1',
      associationId: 'md.0001',
      envelopeId: 'env-1',
      grant: { amountMinor: 300_000_00, currency: 'MAD' },
      awardedAt: '2025-05-20T14:00:00.000Z',
    });
    const reply = await eventually(
      () => client.get('auditor', status('award-app-iati')),
      (r) => r.status === 200,
      'the award-born project',
    );
    expect(reply.body.valid).toBe(false);
    expect(reply.body.missing).toEqual(expect.arrayContaining(['title', 'plannedStart']));
    expect(reply.body.findings.length + reply.body.schemaErrors.length).toBeGreaterThan(0);
    for (const finding of reply.body.findings) expect(finding.ruleId).toEqual(expect.any(String));
  });

  it('refuses the status to the public and to associations and partners; 404 for an unknown project', async () => {
    expect((await client.get('anonymous', status('prj-iati-1'))).status).toBe(401);
    expect((await client.get('association', status('prj-iati-1'))).status).toBe(403);
    expect((await client.get('partner', status('prj-iati-1'))).status).toBe(403);
    expect((await client.get('officer', status('no-such-project'))).status).toBe(404);
  });
});
