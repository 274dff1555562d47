import { parseXml, validateAgainstRules, validateAgainstSchema, validateCodelists } from '@tadamon/iati';
import { PARTNERSHIPS_DEMO_DOCUMENTS, PARTNERSHIPS_DEMO_IDS } from '@tadamon/partnerships';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';

/*
 * The Partnerships demo as the platform serves it after its first start: what the README tour
 * and the screens rely on. The demo's files are in the content store, its convention shows both
 * versions, four eyes holds on its pending update, and its IATI file is valid.
 */
const IDS = PARTNERSHIPS_DEMO_IDS;
const P = '/api/partnerships';
const TAROUDANT = IDS.projects.taroudantWater;

describe('the Partnerships demo on the embedded platform', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-demo');
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  it('shows the convention with its two versions, each signed by the five parties (a CRI and the regional council among them), and its end recorded', async () => {
    const reply = await eventually(
      () => client.get('officer', `${P}/agreements/${IDS.agreements.soussMassaWater}`),
      (r) => r.status === 200 && r.body.status === 'expired',
      'the convention expired by the expiry process at start',
    );
    const versions = await client.get(
      'officer',
      `${P}/agreements/${IDS.agreements.soussMassaWater}/versions`,
    );
    expect(versions.status).toBe(200);
    const list: Json[] = versions.body.versions;
    expect(list.map((v: Json) => [v.version, v.kind, v.state])).toEqual([
      [1, 'original', 'in-force'],
      [2, 'renewal', 'in-force'],
    ]);
    for (const version of list) expect(version.signatures).toHaveLength(5);
    expect(list[0].signatures.map((s: Json) => s.signedOn).sort()).toEqual([
      '2014-07-15',
      '2014-07-22',
      '2014-07-24',
      '2014-07-28',
      '2014-07-30',
    ]);
    expect(JSON.stringify(reply.body)).toContain('2018-06-30');
    // The association (a party) sees it; the public does not.
    expect(
      (await client.get('association', `${P}/agreements/${IDS.agreements.soussMassaWater}`)).status,
    ).toBe(200);
    expect((await client.get('anonymous', `${P}/agreements/${IDS.agreements.soussMassaWater}`)).status).toBe(
      401,
    );
  });

  it('serves the evidence files the updates cite, byte for byte, from the content store', async () => {
    const evidence = PARTNERSHIPS_DEMO_DOCUMENTS['hh-2015-q4'];
    const download = await client.get('officer', `${P}/projects/${TAROUDANT}/documents/${evidence.sha256}`);
    expect(download.status).toBe(200);
    expect(download.body).toBe(evidence.content);
  });

  it('keeps four eyes on the pending update: its author cannot approve it, the second officer can', async () => {
    const approve = `${P}/projects/${TAROUDANT}/results/updates/hh-2017/approve`;
    const refused = await client.post('officer', approve, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FOUR_EYES_REQUIRED');
    expect((await client.post('officer2', approve, {})).status).toBe(200);
  });

  it('publishes the two published projects, not the replica, in an IATI file valid against the XSD and the rules', async () => {
    const xml = await eventually(
      async () => (await client.get('anonymous', `${P}/iati/activities.xml`)).body as string,
      (x) => x.includes(IDS.projects.tiznitIncome),
      'the demo projects in the IATI file',
    );
    expect(xml).toContain(`XI-IATI-MCMRE-${TAROUDANT}`);
    expect(xml).not.toContain(IDS.projects.figuigIncome);
    expect(await validateAgainstSchema(xml)).toEqual([]);
    const document = parseXml(xml);
    const findings = [...validateAgainstRules(document), ...validateCodelists(document)];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Tampered after export: the water sector's 60 % made 70 %: still valid XML, caught by rule 2.1.2.
    const tampered = xml.replace('code="14030" percentage="60"', 'code="14030" percentage="70"');
    expect(tampered).not.toBe(xml);
    expect(await validateAgainstSchema(tampered)).toEqual([]);
    const caught = validateAgainstRules(parseXml(tampered)).filter((f) => f.severity === 'error');
    expect(caught.map((f) => f.ruleId)).toContain('2.1.2');
  });

  it('opens the two ICMD awards as projects and lists the waiting support request for the officer', async () => {
    const projects = await eventually(
      () => client.get('officer', `${P}/projects?pageSize=100`),
      (r) => r.body.items.filter((p: Json) => String(p.projectId).startsWith('award-')).length === 2,
      'the award projects',
    );
    expect(projects.body.total).toBe(5);
    const waiting = await client.get('officer', `${P}/support-requests?status=received`);
    expect(waiting.body.items.map((r: Json) => r.requestId)).toEqual([IDS.requests.alpAtlasFundraising]);
  });
});
