import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { FolderContentStore } from '@tadamon/content-store';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { CONTENT_STORE } from '../embedded/embedded.module';
import { Caller, eventually, Json, PlatformClient, RoleName } from '../registry/testing/platform-client';
import {
  area,
  CARRIER,
  etag,
  expectStatus,
  mad,
  newId,
  OUTSIDER,
  PARTNER,
  projectBody,
  PROJECTS,
  ProjectsScenario,
} from './testing/projects-scenario';

// Seeding the demo users hashes ten passwords with scrypt.
jest.setTimeout(60_000);

describe('Partnerships API: co-development projects', () => {
  let client: PlatformClient;
  let scenario: ProjectsScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-projects');
    scenario = new ProjectsScenario(client);
    await scenario.ready();
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  const events = (reply: { body: Json }) => reply.body.events;

  describe('the IATI rules on every save', () => {
    it('answers each project command with the rules’ verdict on the project as saved', async () => {
      const projectId = newId('project');
      const opened = await client.post('officer', PROJECTS, projectBody(projectId, scenario.agreementId));
      expect(opened.body.iati).toEqual({ valid: true, schemaErrors: 0, findings: [] });
      const started = await client.post('officer', `${PROJECTS}/${projectId}/status`, { status: '2' });
      expect(started.body).toMatchObject({ events: ['ProjectStatusChanged'], iati: { valid: true } });
    });

    it('says what an award’s project lacks at once, and that it is valid once completed', async () => {
      // The demo's award to M&D opened this project from GrantAwarded (no dates: the award has none).
      const award = `${PROJECTS}/award-application-icmd2-migrations-et-developpement`;
      await scenario.page('officer', 'award-application-icmd2-migrations-et-developpement');
      const titled = await client.patch('officer', award, { title: { fr: 'Eau potable à Tafraout' } });
      expect(titled.status).toBe(200);
      expect(titled.body.iati).toMatchObject({ valid: false, missing: ['plannedStart', 'plannedEnd'] });
      const dated = await client.patch('officer', award, {
        plannedStart: '2014-10-01',
        plannedEnd: '2016-09-30',
      });
      expect(dated.body.iati).toMatchObject({ valid: true, schemaErrors: 0 });
      expect(dated.body.iati.missing).toBeUndefined();
      for (const finding of dated.body.iati.findings)
        expect(finding.ruleId).toMatch(/^(\d+(\.\d+)*|codelist:\w+)$/);
    });
  });

  describe('opening', () => {
    it('opens a project for the officer (201, Location, ETag 0) and pages it with its derived codes', async () => {
      const projectId = newId('project');
      const reply = await client.post('officer', PROJECTS, projectBody(projectId, scenario.agreementId));
      expect(reply.status).toBe(201);
      expect(reply.headers.get('location')).toBe(`${PROJECTS}/${projectId}`);
      expect(etag(reply)).toBe('"0"');
      expect(reply.body).toMatchObject({ projectId, events: ['ProjectOpened'] });
      const page = (await scenario.page('officer', projectId)).body;
      expect(page).toMatchObject({
        projectId,
        carrierId: CARRIER,
        status: '1',
        visibility: 'internal',
        regionCodes: ['MA-09'],
        provinceCodes: ['MA-TAR'],
        sectorCodes: ['14030'],
        partyIds: [CARRIER, PARTNER].sort(),
      });
      expect(page.totals).toEqual([
        expect.objectContaining({
          currency: 'MAD',
          budget: { amountMinor: String(mad(1_000_000).amountMinor), currency: 'MAD' },
        }),
      ]);
    });

    it.each<[Caller, number]>([
      ['association', 403],
      ['partner', 403],
      ['auditor', 403],
      ['admin', 403],
      ['anonymous', 401],
    ])('refuses %s (%i) and opens nothing', async (who, status) => {
      const projectId = newId('project');
      const reply = await client.post(who, PROJECTS, projectBody(projectId, scenario.agreementId));
      expect(reply.status).toBe(status);
      expect((await client.get('officer', `${PROJECTS}/${projectId}`)).status).toBe(404);
    });

    it.each<[string, Json, string]>([
      ['an unknown member', { extra: 1 }, '/extra'],
      [
        'sectors not summing to 100 %',
        { sectors: [{ code: '14030', percentageHundredths: 5000 }] },
        '/sectors',
      ],
      ['an unknown area', { locations: [{ area: area('MA-99') }] }, '/locations/0/area/code'],
      [
        'a point outside Morocco',
        { locations: [{ area: area('MA-09'), point: { lat: 48.8, lon: 2.3 } }] },
        '/locations/0/point/lat',
      ],
      ['an unknown agreement', { agreementId: 'no-such-agreement' }, '/agreementId'],
      ['an end before the start', { plannedEnd: '2025-12-31' }, '/plannedEnd'],
      ['a replica nobody proposed', { replicationOf: 'project-nobody-proposed' }, '/replicationOf'],
    ])('answers 400 for %s, naming the member, and opens nothing', async (_what, overrides, pointer) => {
      const projectId = newId('project');
      const reply = await client.post(
        'officer',
        PROJECTS,
        projectBody(projectId, scenario.agreementId, overrides),
      );
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: Json) => e.pointer)).toContain(pointer);
      expect((await client.get('officer', `${PROJECTS}/${projectId}`)).status).toBe(404);
    });

    it('answers 200 with no event for the same opening again, and 409 for another with the same id', async () => {
      const projectId = await scenario.open();
      const again = await client.post('officer', PROJECTS, projectBody(projectId, scenario.agreementId));
      expect(again.status).toBe(201);
      expect(events(again)).toEqual([]);
      const other = await client.post(
        'officer',
        PROJECTS,
        projectBody(projectId, scenario.agreementId, { title: { fr: 'Autre projet' } }),
      );
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('ALREADY_CREATED');
    });
  });

  describe('who sees which project', () => {
    let projectId: string;
    beforeAll(async () => {
      projectId = await scenario.open();
      await scenario.page('officer', projectId);
    });

    it.each<Caller>(['officer', 'auditor', 'admin', 'association', 'partner'])(
      '%s (reads all, carrier or participant) reads the page with its ETag',
      async (who) => {
        const reply = await client.get(who, `${PROJECTS}/${projectId}`);
        expect(reply.status).toBe(200);
        expect(etag(reply)).toBe('"0"');
      },
    );

    it('answers 404 to an association of another organisation, as for a project that does not exist', async () => {
      const reply = await client.get(OUTSIDER, `${PROJECTS}/${projectId}`);
      expect(reply.status).toBe(404);
      expect((await client.get(OUTSIDER, `${PROJECTS}/no-such-project`)).status).toBe(404);
      expect((await client.get(OUTSIDER, `${PROJECTS}/${projectId}/documents`)).status).toBe(404);
      expect((await client.get(OUTSIDER, `${PROJECTS}/${projectId}/results`)).status).toBe(404);
    });

    it.each<[RoleName | 'anonymous', number]>([
      ['evaluator', 403],
      ['committee', 403],
      ['anonymous', 401],
    ])('refuses %s (%i)', async (who, status) => {
      expect(
        (await client.get(who === 'evaluator' ? 'evaluator1' : who, `${PROJECTS}/${projectId}`)).status,
      ).toBe(status);
    });

    it('lists for an association only the projects its organisation takes part in', async () => {
      const own = await client.get('association', `${PROJECTS}?pageSize=100`);
      expect(own.status).toBe(200);
      expect(own.body.items.map((p: Json) => p.projectId)).toContain(projectId);
      expect(own.body.items.every((p: Json) => p.partyIds.includes(CARRIER))).toBe(true);
      const outsider = await client.get(OUTSIDER, `${PROJECTS}?pageSize=100`);
      expect(outsider.body).toMatchObject({ items: [], total: 0 });
    });

    it('filters by region, province, sector, status, agreement and carrier; a bad filter is 400', async () => {
      const ids = async (query: string) =>
        (await client.get('officer', `${PROJECTS}?pageSize=100&${query}`)).body.items.map(
          (p: Json) => p.projectId,
        );
      expect(await ids('region=MA-09')).toContain(projectId);
      expect(await ids('region=MA-02')).not.toContain(projectId);
      expect(await ids('province=MA-TAR')).toContain(projectId);
      expect(await ids('province=MA-TIZ')).not.toContain(projectId);
      expect(await ids('sector=14030')).toContain(projectId);
      expect(await ids('sector=31120')).not.toContain(projectId);
      expect(await ids('status=1')).toContain(projectId);
      expect(await ids('status=2')).not.toContain(projectId);
      expect(await ids(`agreement=${scenario.agreementId}`)).toContain(projectId);
      expect(await ids(`carrier=${CARRIER}`)).toContain(projectId);
      expect(await ids(`carrier=${PARTNER}`)).not.toContain(projectId);
      expect((await client.get('officer', `${PROJECTS}?status=9`)).status).toBe(400);
      expect((await client.get('officer', `${PROJECTS}?pageSize=1000`)).status).toBe(400);
    });
  });

  describe('revising, status, milestones and expenditures', () => {
    it('revises with If-Match: the new revision in ETag; a stale one is 412 and changes nothing', async () => {
      const projectId = await scenario.open();
      const path = `${PROJECTS}/${projectId}`;
      const revised = await client.patch(
        'officer',
        path,
        { title: { fr: 'Eau potable à Taliouine, phase 1' } },
        {
          'if-match': '"0"',
        },
      );
      expect(revised.status).toBe(200);
      expect(etag(revised)).toBe('"1"');
      const stale = await client.patch(
        'officer',
        path,
        { title: { fr: 'Titre périmé' } },
        { 'if-match': '"0"' },
      );
      expect(stale.status).toBe(412);
      const page = (await scenario.page('officer', projectId, (p) => p.revisions.length === 1)).body;
      expect(page.title.fr).toBe('Eau potable à Taliouine, phase 1');
      expect(page.revisions).toEqual([expect.objectContaining({ fields: ['title'], by: 'user-officer' })]);
    });

    it('answers 400 to an empty or invalid revision, 403 to the association, and changes nothing', async () => {
      const projectId = await scenario.open();
      const path = `${PROJECTS}/${projectId}`;
      expect((await client.patch('officer', path, {})).status).toBe(400);
      const bad = await client.patch('officer', path, { participants: [{ partyId: PARTNER, role: '3' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].pointer).toBe('/participants');
      // Every organisation named must be the Registry's: a cofinancer unknown to it is refused.
      const stranger = await client.patch('officer', path, {
        cofinancing: [
          { partyId: 'assoc-no-such-association', amount: { amountMinor: 100, currency: 'MAD' } },
        ],
      });
      expect(stranger.status).toBe(400);
      expect(stranger.body.errors).toEqual([
        expect.objectContaining({
          pointer: '/cofinancing/0/partyId',
          detail: expect.stringContaining('Registry'),
        }),
      ]);
      const unknownCarrier = await client.post(
        'officer',
        PROJECTS,
        projectBody(newId('project'), scenario.agreementId, { carrierId: 'assoc-no-such-association' }),
      );
      expect(unknownCarrier.status).toBe(400);
      expect(unknownCarrier.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/carrierId');
      expect((await client.patch('association', path, { title: { fr: 'Non' } })).status).toBe(403);
      expect(etag(await client.get('officer', path))).toBe('"0"');
    });

    it('moves along the IATI statuses, refuses a forbidden one (409) and a suspension without reason (400)', async () => {
      const projectId = await scenario.open();
      const path = `${PROJECTS}/${projectId}/status`;
      const closed = await client.post('officer', path, { status: '4' });
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({
        code: 'PROJECT_STATUS_CHANGE_NOT_ALLOWED',
        from: '1',
        allowed: ['2', '5'],
      });
      expect(events(await client.post('officer', path, { status: '2' }))).toEqual(['ProjectStatusChanged']);
      const noReason = await client.post('officer', path, { status: '6' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].pointer).toBe('/reason');
      expect((await client.post('officer', path, { status: '7' })).status).toBe(400);
      expect((await client.post('association', path, { status: '6', reason: 'x' })).status).toBe(403);
      const page = (await scenario.page('officer', projectId, (p) => p.status === '2')).body;
      expect(page.statusHistory).toEqual([expect.objectContaining({ from: '1', to: '2' })]);
    });

    it('reaches a milestone while the work goes on, and records an expenditure into the totals', async () => {
      const projectId = await scenario.open();
      const milestone = `${PROJECTS}/${projectId}/milestones/network-laid/reach`;
      expect((await client.post('officer', milestone, { reachedOn: '2026-05-02' })).status).toBe(409);
      await scenario.status(projectId, '2');
      expect(events(await client.post('officer', milestone, { reachedOn: '2026-05-02' }))).toEqual([
        'MilestoneReached',
      ]);
      expect(
        (
          await client.post('officer', `${PROJECTS}/${projectId}/milestones/nope/reach`, {
            reachedOn: '2026-05-02',
          })
        ).status,
      ).toBe(404);
      expect((await client.post('officer', milestone, { reachedOn: '2999-01-01' })).status).toBe(400);
      const spent = await client.post('officer', `${PROJECTS}/${projectId}/expenditures`, {
        amount: mad(25_000),
        on: '2026-03-15',
        description: 'Tuyaux et raccords',
      });
      expect(spent.status).toBe(200);
      expect(spent.body.expenditureId).toMatch(/^expenditure-/);
      expect(
        (
          await client.post('officer', `${PROJECTS}/${projectId}/expenditures`, {
            amount: mad(-1),
            on: '2026-03-15',
            description: 'x',
          })
        ).status,
      ).toBe(400);
      const page = (await scenario.page('officer', projectId, (p) => p.expenditures.length === 1)).body;
      expect(page.milestones).toEqual([
        expect.objectContaining({ milestoneId: 'network-laid', reachedOn: '2026-05-02' }),
      ]);
      expect(page.totals[0]).toMatchObject({
        currency: 'MAD',
        spent: { amountMinor: String(mad(25_000).amountMinor), currency: 'MAD' },
      });
    });
  });

  describe('documents', () => {
    it('keeps an uploaded file by its SHA-256 and gives it back, with its type, to whoever sees the project', async () => {
      const projectId = await scenario.open();
      const text = '%PDF-1.7\nRapport trimestriel : 40 ménages raccordés.\n';
      const sha256 = await scenario.attach('association', projectId, text);
      const listed = await client.get('partner', `${PROJECTS}/${projectId}/documents`);
      expect(listed.body).toEqual([
        {
          sha256,
          name: 'rapport.pdf',
          mediaType: 'application/pdf',
          size: Buffer.byteLength(text),
          kind: 'progress-report',
        },
      ]);
      const file = await scenario.download('auditor', projectId, sha256);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''rapport.pdf");
      expect(file.bytes.toString('utf8')).toBe(text);
      expect((await scenario.download(OUTSIDER, projectId, sha256)).status).toBe(404);
      expect((await scenario.download('officer', projectId, '0'.repeat(64))).status).toBe(404);
    });

    it('streams a file larger than the JSON body limit (3 MiB) in and out unchanged', async () => {
      const projectId = await scenario.open();
      const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
      const uploaded = await scenario.upload('officer', projectId, file, {
        name: 'plans ع.pdf',
        kind: 'other',
      });
      expect(uploaded.status).toBe(201);
      const sha256 = createHash('sha256').update(file).digest('hex');
      expect(uploaded.body).toMatchObject({ sha256, size: file.length, events: ['ProjectDocumentAttached'] });
      expect(uploaded.headers.get('location')).toBe(`${PROJECTS}/${projectId}/documents/${sha256}`);
      const download = await scenario.download('association', projectId, sha256);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''plans%20%D8%B9.pdf");
      expect(download.bytes.equals(file)).toBe(true);
    });

    it('refuses a file over 20 MiB (413), an unlisted media type or JSON (415), a bad kind (400), an outsider and a partner, and records nothing', async () => {
      const projectId = await scenario.open();
      const before = etag(await client.get('officer', `${PROJECTS}/${projectId}`));
      expect(before).toMatch(/^"\d+"$/);
      const big = await scenario.upload('officer', projectId, Buffer.alloc(20 * 1024 * 1024 + 1, 1));
      expect([big.status, big.body.type]).toEqual([413, 'urn:tadamon:problem:payload-too-large']);
      const text = await scenario.upload('officer', projectId, Buffer.from('x'), { type: 'text/plain' });
      expect([text.status, text.body.type]).toEqual([415, 'urn:tadamon:problem:unsupported-media-type']);
      const json = await scenario.upload('officer', projectId, Buffer.from('{}'), {
        type: 'application/json',
      });
      expect([json.status, json.body.type]).toEqual([415, 'urn:tadamon:problem:unsupported-media-type']);
      const kind = await scenario.upload('officer', projectId, Buffer.from('x'), { kind: 'poem' });
      expect(kind.status).toBe(400);
      expect((await scenario.upload('officer', projectId, Buffer.alloc(0))).status).toBe(400);
      expect((await scenario.upload(OUTSIDER, projectId, Buffer.from('x'))).status).toBe(404);
      expect((await scenario.upload('partner', projectId, Buffer.from('x'))).status).toBe(403);
      expect((await client.get('officer', `${PROJECTS}/${projectId}/documents`)).body).toEqual([]);
      expect(etag(await client.get('officer', `${PROJECTS}/${projectId}`))).toBe(before);
    });
    it('stops a chunked upload (no Content-Length) past 20 MiB with 413, and attaches nothing', async () => {
      const projectId = await scenario.open();
      // node:http on a connection of its own (closed after): the server answers before the
      // client has sent everything, and fetch's pool would hand that connection to the next request.
      const url = new URL(`${client.baseUrl}${PROJECTS}/${projectId}/documents?name=big.pdf&kind=other`);
      const token = await client.token('officer');
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
          url,
          {
            method: 'POST',
            agent: false,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/pdf',
              'transfer-encoding': 'chunked',
              connection: 'close',
            },
          },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (piece: string) => (body += piece));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
        });
        const chunk = Buffer.alloc(1024 * 1024, 7);
        const write = (left: number) => {
          if (left === 0) return request.end();
          if (request.write(chunk)) setImmediate(() => write(left - 1));
          else request.once('drain', () => write(left - 1));
        };
        write(22);
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).type).toBe('urn:tadamon:problem:payload-too-large');
      expect((await client.get('officer', `${PROJECTS}/${projectId}/documents`)).body).toEqual([]);
    });

    it('answers 500, never other bytes, when the stored file no longer matches its SHA-256', async () => {
      const projectId = await scenario.open();
      const file = randomBytes(4096);
      expect((await scenario.upload('officer', projectId, file)).status).toBe(201);
      const sha256 = createHash('sha256').update(file).digest('hex');
      const store = client.app.get<FolderContentStore>(CONTENT_STORE, { strict: false });
      const path = store.pathOf(sha256);
      const stored = readFileSync(path);
      stored[100] ^= 0xff;
      chmodSync(path, 0o644);
      writeFileSync(path, stored);
      const download = await scenario.download('officer', projectId, sha256);
      expect(download.status).toBe(500);
      expect(download.bytes.toString()).toContain('CONTENT_CORRUPTED');
    });
  });

  describe('replication', () => {
    it('proposes a finalised project for another region, and the replica opened from it keeps the link', async () => {
      const originalId = await scenario.open();
      const replicate = `${PROJECTS}/${originalId}/replications`;
      expect((await client.post('officer', replicate, { region: area('MA-02') })).status).toBe(409);
      await scenario.status(originalId, '2');
      await scenario.status(originalId, '3');
      const sameRegion = await client.post('officer', replicate, { region: area('MA-09') });
      expect(sameRegion.status).toBe(400);
      const replicaProjectId = newId('replica');
      const proposed = await client.post('officer', replicate, { replicaProjectId, region: area('MA-02') });
      expect(proposed.status).toBe(200);
      expect(proposed.body).toMatchObject({ replicaProjectId, events: ['ReplicationProposed'] });
      const opened = await client.post(
        'officer',
        PROJECTS,
        projectBody(replicaProjectId, scenario.agreementId, {
          agreementId: undefined,
          replicationOf: originalId,
          locations: [{ area: area('MA-OUJ'), commune: 'Oujda' }],
        }),
      );
      expect(opened.status).toBe(201);
      const replica = (await scenario.page('officer', replicaProjectId)).body;
      expect(replica).toMatchObject({ replicationOf: originalId, regionCodes: ['MA-02'] });
      const original = (await scenario.page('officer', originalId, (p) => p.replicas.length === 1)).body;
      expect(original.replicas).toEqual([
        expect.objectContaining({ replicaProjectId, region: area('MA-02') }),
      ]);
      const replicas = await eventually(
        () => client.get('officer', `${PROJECTS}?pageSize=100&region=MA-02`),
        (r) => r.body.items.some((p: Json) => p.projectId === replicaProjectId),
        'the replica listed in its region',
      );
      expect(replicas.body.items.find((p: Json) => p.projectId === replicaProjectId).replicationOf).toBe(
        originalId,
      );
    });
  });

  it('answers 404 to commands on a project that does not exist', async () => {
    expect((await client.post('officer', `${PROJECTS}/no-such-project/publish`)).status).toBe(404);
    expect(
      (await client.patch('officer', `${PROJECTS}/no-such-project`, { title: { fr: 'x' } })).status,
    ).toBe(404);
    expectStatus(await client.get('officer', `${PROJECTS}/no-such-project`), 404);
  });
});
