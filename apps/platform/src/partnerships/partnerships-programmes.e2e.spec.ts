import { PartnershipsCommands } from '@tadamon/partnerships';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { envelopeBody } from '../funding/testing/funding-scenario';
import { eventually, PlatformClient, problemType } from '../registry/testing/platform-client';
import { expectStatus, mad, newId, PROGRAMMES } from './testing/agreements-scenario';
import { expectPartnershipsGate, PartnershipsRoute } from './testing/partnerships-routes';

jest.setTimeout(60_000);

const ROUTES: PartnershipsRoute[] = [
  { method: 'POST', path: PROGRAMMES, roles: ['officer'] },
  { method: 'GET', path: PROGRAMMES, roles: ['public'] },
  { method: 'GET', path: `${PROGRAMMES}/{id}`, roles: ['public'] },
  { method: 'POST', path: `${PROGRAMMES}/{id}/revise`, roles: ['officer'] },
  { method: 'POST', path: `${PROGRAMMES}/{id}/close`, roles: ['officer'] },
];

const programme = (programmeId: string, overrides: Record<string, unknown> = {}) => ({
  programmeId,
  name: { fr: 'Initiative conjointe OIM', en: 'IOM joint initiative' },
  description: { fr: 'Codéveloppement avec la diaspora' },
  partnerId: 'actor-iom',
  funderIds: ['actor-eu', 'actor-iom'],
  budget: [mad(5_000_000)],
  period: { start: '2025-01-01', end: '2028-12-31' },
  ...overrides,
});

/** A project of the programme, opened (and published) through the commands: its API is elsewhere. */
const project = (projectId: string, programmeId: string) => ({
  projectId,
  carrierId: 'assoc-migrations-et-developpement',
  title: { fr: `Projet ${projectId}` },
  description: { fr: "Adduction d'eau potable" },
  participants: [{ partyId: 'assoc-migrations-et-developpement', role: '4' }],
  agreementId: 'agreement-of-the-programme',
  programmeId,
  locations: [{ area: { scheme: 'iso3166-2:2015', code: 'MA-TIZ' }, commune: 'Tafraout' }],
  sectors: [{ code: '14030', percentageHundredths: 10000 }],
  budgetLines: [{ lineId: 'works', label: { fr: 'Travaux' }, amount: mad(200_000) }],
  milestones: [{ milestoneId: 'm1', title: { fr: 'Forage' }, due: '2026-12-31' }],
  plannedStart: '2026-01-01',
  plannedEnd: '2026-12-31',
});

describe('Partnerships API: programmes', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-programmes');
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  it('answers 401 without a token and 403 to every role but the officer’s on writes; reads are public', async () => {
    const programmeId = newId('programme');
    expectStatus(await client.post('officer', PROGRAMMES, programme(programmeId)), 201);
    await expectPartnershipsGate(client, ROUTES, { id: programmeId });
  });

  it('defines, revises and closes a programme, with ETags and If-Match', async () => {
    const programmeId = newId('programme');
    const defined = await client.post('officer', PROGRAMMES, programme(programmeId));
    expect([defined.status, defined.body.events, defined.headers.get('etag')]).toEqual([
      201,
      ['ProgrammeDefined'],
      '"0"',
    ]);
    const again = await client.post('officer', PROGRAMMES, programme(programmeId));
    expect([again.status, again.body.events]).toEqual([201, []]);
    const clash = await client.post('officer', PROGRAMMES, programme(programmeId, { partnerId: 'actor-eu' }));
    expect([clash.status, clash.body.code]).toEqual([409, 'ALREADY_CREATED']);
    const revised = await client.post(
      'officer',
      `${PROGRAMMES}/${programmeId}/revise`,
      { changes: { budget: [mad(6_000_000)] } },
      { 'if-match': '"0"' },
    );
    expect([revised.status, revised.body.events]).toEqual([200, ['ProgrammeRevised']]);
    const stale = await client.post(
      'officer',
      `${PROGRAMMES}/${programmeId}/close`,
      { reason: 'Fin' },
      { 'if-match': '"0"' },
    );
    expect([stale.status, stale.body.type]).toEqual([412, problemType('precondition-failed')]);
    const closed = await client.post('officer', `${PROGRAMMES}/${programmeId}/close`, {
      reason: 'Fin de phase',
    });
    expect(closed.body.events).toEqual(['ProgrammeClosed']);
    const page = await eventually(
      () => client.get('anonymous', `${PROGRAMMES}/${programmeId}`),
      (r) => r.body?.status === 'closed',
      'the programme closed',
    );
    expect(page.body).toMatchObject({ programmeId, budget: [mad(6_000_000)], partnerId: 'actor-iom' });
    expect(page.body).not.toHaveProperty('closingReason');
    expect(
      (
        await client.post('officer', `${PROGRAMMES}/${programmeId}/revise`, {
          changes: { partnerId: 'actor-eu' },
        })
      ).body.code,
    ).toBe('INVALID_TRANSITION');
    expect((await client.post('officer', `${PROGRAMMES}/programme-none/close`, {})).status).toBe(404);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const programmeId = newId('programme');
    expectStatus(await client.post('officer', PROGRAMMES, programme(programmeId)), 201);
    const bad = [
      await client.post('officer', PROGRAMMES, programme(newId('p'), { funderIds: [] })),
      await client.post(
        'officer',
        PROGRAMMES,
        programme(newId('p'), { period: { start: '2028-01-01', end: '2027-01-01' } }),
      ),
      await client.post('officer', PROGRAMMES, programme(newId('p'), { budget: [mad(1), mad(2)] })),
      await client.post(
        'officer',
        PROGRAMMES,
        programme(newId('p'), { funderIds: ['actor-eu', 'actor-nobody'] }),
      ),
      await client.post('officer', `${PROGRAMMES}/${programmeId}/revise`, {
        changes: { partnerId: 'actor-nobody' },
      }),
      await client.post('officer', `${PROGRAMMES}/${programmeId}/revise`, { changes: { owner: 'x' } }),
      await client.post('officer', `${PROGRAMMES}/${programmeId}/revise`, {
        changes: { budget: [{ amountMinor: -1, currency: 'MAD' }] },
      }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(bad[3].body.errors).toEqual([expect.objectContaining({ pointer: '/funderIds/1' })]);
    expect(bad[4].body.errors).toEqual([expect.objectContaining({ pointer: '/changes/partnerId' })]);
    const page = await client.get('anonymous', `${PROGRAMMES}/${programmeId}`);
    expect(page.body).toMatchObject({ budget: [mad(5_000_000)], revisedAt: null });
    expect((await client.get('anonymous', `${PROGRAMMES}?status=open`)).status).toBe(400);
  });

  it('lists programmes publicly and shows a programme’s published projects and its Funding envelopes', async () => {
    const programmeId = newId('programme');
    expectStatus(await client.post('officer', PROGRAMMES, programme(programmeId)), 201);
    const commands = client.app.get(PartnershipsCommands, { strict: false });
    const officer = { id: 'user-officer', roles: ['officer' as const] };
    const [published, hidden] = [newId('prj'), newId('prj')];
    for (const projectId of [published, hidden])
      await commands.execute(
        'project',
        projectId,
        { type: 'OpenProject', data: project(projectId, programmeId) as never },
        officer,
      );
    await commands.execute(
      'project',
      published,
      { type: 'PublishProject', data: { projectId: published } },
      officer,
    );
    const envelopeId = newId('env');
    expectStatus(
      await client.post('officer', '/api/funding/envelopes', envelopeBody({ envelopeId, programmeId })),
      201,
      'open envelope',
    );

    const list = await client.get('anonymous', `${PROGRAMMES}?pageSize=100&actorId=actor-eu`);
    expect(list.body.items.map((p: { programmeId: string }) => p.programmeId)).toContain(programmeId);
    const page = await eventually(
      () => client.get('anonymous', `${PROGRAMMES}/${programmeId}`),
      (r) => r.body?.projects?.length === 1 && r.body?.envelopes?.length === 1,
      'the programme page with its project and envelope',
    );
    expect(page.body.projects).toEqual([
      expect.objectContaining({ projectId: published, status: expect.any(String) }),
    ]);
    expect(page.body.envelopes).toEqual([
      {
        envelopeId,
        name: expect.any(Object),
        funderId: 'actor-iom',
        amount: expect.any(Object),
        period: expect.any(Object),
        status: 'open',
      },
    ]);
    expect((await client.get('anonymous', `${PROGRAMMES}/programme-none`)).status).toBe(404);
  });
});
