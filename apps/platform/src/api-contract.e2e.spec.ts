import { FUNDING_DEMO_IDS } from '@tadamon/funding';
import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import { envelopeBody, F, FundingScenario, newId } from './funding/testing/funding-scenario';
import { ProjectsScenario } from './partnerships/testing/projects-scenario';
import { seedPartnershipsExamples } from './partnerships/testing/agreements-scenario';
import { seedNotificationExamples } from './notifications/testing/notification-examples';
import { seedTrainingCatalogue } from './training/testing/catalogue-scenario';
import { seedAttendanceExamples } from './training/testing/attendance-scenario';
import { seedCertificateExamples } from './training/testing/certificate-scenario';
import { Caller, Json, PlatformClient } from './registry/testing/platform-client';

// Seeding the demo users hashes ten passwords with scrypt; the demo data then goes through the API.
jest.setTimeout(120_000);

/** A demo value for every path parameter of the API. */
const PARAMETERS: Record<string, string> = {
  associationId: REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement,
  actorId: REGISTRY_DEMO_IDS.actors.criSoussMassa,
  networkId: REGISTRY_DEMO_IDS.networks.reseauAtlasMediterranee,
  needId: REGISTRY_DEMO_IDS.needs.drinkingWaterTiznit,
  subjectId: REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement,
  programmeId: FUNDING_DEMO_IDS.programmes.icmdPhase2,
  envelopeId: FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco,
  callId: FUNDING_DEMO_IDS.calls.icmdPhase2Morocco,
  applicationId: FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement,
  agreementId: FUNDING_DEMO_IDS.agreements.migrationsEtDeveloppement,
  recipientId: REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement,
  trigger: 'grant-awarded',
};
/** The query a GET needs besides its path (a one-click unsubscribe link's token). */
const QUERIES: Record<string, string> = {};

/** Who reads a route in these tests: the widest reader its roles name. */
const READER_BY_ROLE: [string, Caller][] = [
  ['public', 'anonymous'],
  ['admin', 'admin'],
  ['auditor', 'auditor'],
  ['officer', 'officer'],
  ['evaluator', 'evaluator1'],
  ['committee', 'committee'],
  ['association', 'association'],
  ['partner', 'partner'],
  ['trainer', 'trainer'],
  ['trainee', 'trainee'],
];

/** Read-model bookkeeping that no answer may carry (the store's key, positions, search keys). */
const INTERNAL_MEMBERS = new Set(['_id', '_position', 'public', 'search']);

function internalMembers(value: Json, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => internalMembers(item, `${at}/${index}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, member]) => [
    ...(INTERNAL_MEMBERS.has(name) ? [`${at}/${name}`] : []),
    ...internalMembers(member, `${at}/${name}`),
  ]);
}

describe('the API contract over every GET operation of the document', () => {
  let client: PlatformClient;
  let document: Json;
  let reads: { path: string; who: Caller; url: string }[];

  beforeAll(async () => {
    client = await PlatformClient.start('api-contract');
    document = (await client.get('anonymous', '/api/docs-json')).body;
    PARAMETERS.verificationId = (await client.post('auditor', '/api/audit/verifications')).body.id;
    await seedPartnershipsExamples(client, PARAMETERS);
    // The project holds the same file as the agreement: one {sha256} serves both document routes.
    const projects = new ProjectsScenario(client);
    await projects.ready();
    PARAMETERS.projectId = await projects.published();
    const sha256 = await projects.attach(
      'officer',
      PARAMETERS.projectId,
      '%PDF-1.7\nconvention de démonstration\n',
    );
    expect(sha256).toBe(PARAMETERS.sha256);
    await projects.page('officer', PARAMETERS.projectId, (page) => page.documents.length === 1);
    await seedNotificationExamples(client, PARAMETERS, QUERIES);
    await seedTrainingCatalogue(client, PARAMETERS);
    await seedAttendanceExamples(client, PARAMETERS);
    await seedCertificateExamples(client, PARAMETERS);
    reads = Object.entries(document.paths as Record<string, Json>)
      .filter(([path, item]) => item.get && path.startsWith('/api/') && !path.startsWith('/api/docs'))
      .map(([path, item]) => {
        const roles: string[] = item.get['x-roles'] ?? ['admin'];
        const who = READER_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? 'admin';
        const url = path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
          if (!(name in PARAMETERS)) throw new Error(`no demo value for {${name}} of ${path}`);
          return encodeURIComponent(PARAMETERS[name]);
        });
        return { path, who, url: url + (QUERIES[path] ?? '') };
      });
  }, 120_000);
  afterAll(async () => {
    await client?.close();
  });

  it('answers every GET with 200 and a body free of read-model internals', async () => {
    expect(reads.length).toBeGreaterThan(20);
    const seen: Record<string, [number, string[]]> = {};
    for (const { path, who, url } of reads) {
      const reply = await client.get(who, url);
      seen[path] = [reply.status, internalMembers(reply.body)];
    }
    expect(seen).toEqual(Object.fromEntries(reads.map(({ path }) => [path, [200, []]])));
  });

  it('documents a success response with its schema for every operation', async () => {
    const undocumented: string[] = [];
    for (const [path, item] of Object.entries(document.paths as Record<string, Json>))
      for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
        const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
        const content = (success?.[1] as Json)?.content;
        // JSON, GeoJSON, or a document (the audit dossier's HTML, the IATI file's XML, a project's file).
        const schema = [
          'application/json',
          'application/geo+json',
          'text/html',
          'application/xml',
          'application/octet-stream',
        ]
          .map((type) => content?.[type]?.schema)
          .find(Boolean);
        if (!success || (method === 'get' && !path.startsWith('/api/docs') && !schema))
          undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    expect(undocumented).toEqual([]);
  });

  it('documents the document uploads of agreements and projects alike: the file itself, in the listed media types', () => {
    const upload = (path: string) => document.paths[path].post.requestBody.content as Record<string, Json>;
    const agreements = upload('/api/partnerships/agreements/{agreementId}/documents');
    const projects = upload('/api/partnerships/projects/{projectId}/documents');
    expect(Object.keys(projects)).toEqual(Object.keys(agreements));
    expect(Object.keys(projects)).toEqual(expect.arrayContaining(['application/pdf', 'image/png']));
    expect(Object.keys(projects)).not.toContain('application/json');
    for (const type of Object.keys(projects))
      expect(projects[type].schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('states in the document the rules the server enforces on request bodies', async () => {
    const schemas = document.components.schemas;
    const profile = schemas.AssociationProfileDto;
    expect(profile.additionalProperties).toBe(false);
    expect(profile.properties.hostCountries).toMatchObject({
      minItems: 1,
      items: { minLength: 2, maxLength: 2 },
    });
    expect(profile.properties.hostCountries.items.enum).toContain('FR');
    expect(profile.properties.hostCountries.items.enum).not.toContain('MA');
    expect(profile.properties.sectors.items.enum).toContain('14030');
    expect(profile.properties.membersCount).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schemas.LocalizedTextDto).toMatchObject({
      additionalProperties: false,
      required: ['fr'],
      properties: { fr: { minLength: 1, maxLength: 200 } },
    });
    expect(schemas.MoneyDto.properties.currency.enum).toContain('MAD');
    // Answers are not request bodies: a problem carries extensions, a command result stays open.
    expect(schemas.CommandResultDto.additionalProperties).toBeUndefined();
  });

  it('points each refused member of a PATCH at the body the client sent, not at the command it became', async () => {
    const pointers = async (path: string, who: Caller, body: Json) => {
      const reply = await client.patch(who, path, body);
      expect([path, reply.status]).toEqual([path, 400]);
      return reply.body.errors.map((error: Json) => error.pointer);
    };
    const profile = `/api/registry/associations/${PARAMETERS.associationId}/profile`;
    expect(await pointers(profile, 'officer', { sectors: ['99999'] })).toEqual(['/sectors/0']);
    expect(await pointers(profile, 'officer', { hostCountries: ['BE'] })).toEqual(['/hostCountries']);
    expect(
      await pointers(profile, 'officer', { hostCities: [{ country: 'BE', name: 'Bruxelles' }] }),
    ).toEqual(['/hostCities/0/country']);

    const scenario = new FundingScenario(client);
    await scenario.ready();
    const envelopeId = await scenario.openEnvelope();
    const draftCallId = await scenario.draftCall(envelopeId);
    expect(
      await pointers(`${F}/calls/${draftCallId}`, 'officer', { eligibility: { sectors: ['99999'] } }),
    ).toEqual(['/eligibility/sectors/0']);
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.draftApplication('association', callId);
    expect(
      await pointers(`${F}/applications/${applicationId}`, 'association', { sectors: ['99999'] }),
    ).toEqual(['/sectors/0']);
  });

  it('answers If-Match on a creating POST: 412 unless the stream is at that revision, and nothing created', async () => {
    const creating = Object.entries(document.paths as Record<string, Json>)
      .filter(([, item]) => item.post?.responses?.['201'])
      .map(([path, item]) => [path, Object.keys(item.post.responses).includes('412')]);
    expect(creating.length).toBeGreaterThanOrEqual(8);
    expect(creating).toEqual(creating.map(([path]) => [path, true]));

    const associations = '/api/registry/associations';
    const profile = { names: { fr: 'Conditionnelle' }, hostCountries: ['FR'] };
    for (const ifMatch of ['"0"', '"7"', '*']) {
      const associationId = newId('assoc-if-match');
      const refused = await client.post(
        'officer',
        associations,
        { associationId, profile },
        { 'if-match': ifMatch },
      );
      expect([ifMatch, refused.status, refused.body.type]).toEqual([
        ifMatch,
        412,
        'urn:tadamon:problem:precondition-failed',
      ]);
      expect((await client.get('officer', `${associations}/${associationId}`)).status).toBe(404);
    }
    const associationId = newId('assoc-if-match');
    expect((await client.post('officer', associations, { associationId, profile })).status).toBe(201);
    const stale = await client.post(
      'officer',
      associations,
      { associationId, profile },
      { 'if-match': '"3"' },
    );
    expect(stale.status).toBe(412);
    const current = await client.post(
      'officer',
      associations,
      { associationId, profile },
      { 'if-match': '"0"' },
    );
    // The same registration again, at the revision named: accepted, and nothing new recorded.
    expect([current.status, current.body.events]).toEqual([201, []]);

    const envelopeId = newId('env-if-match');
    const envelope = await client.post('officer', `${F}/envelopes`, envelopeBody({ envelopeId }), {
      'if-match': '"0"',
    });
    expect(envelope.status).toBe(412);
    expect((await client.get('officer', `${F}/envelopes/${envelopeId}`)).status).toBe(404);

    const contacts = `${associations}/${PARAMETERS.associationId}/contacts`;
    const before = (await client.get('officer', contacts)).body.length;
    const contact = await client.post(
      'officer',
      contacts,
      { role: 'treasurer', card: { fullName: 'Personne Conditionnelle' } },
      { 'if-match': '*' },
    );
    expect(contact.status).toBe(412);
    expect((await client.get('officer', contacts)).body).toHaveLength(before);
  });
});
