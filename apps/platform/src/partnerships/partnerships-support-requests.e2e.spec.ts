import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { eventually, MintedCaller, PlatformClient, problemType } from '../registry/testing/platform-client';
import { CRI, expectStatus, MD, newId, OUTSIDER, SUPPORT } from './testing/agreements-scenario';
import { FIGUIG } from './testing/agreements-scenario';
import { expectPartnershipsGate, PartnershipsRoute } from './testing/partnerships-routes';

jest.setTimeout(60_000);

const S = SUPPORT;
const READERS = ['officer', 'auditor', 'admin', 'association', 'partner'] as const;
const ROUTES: PartnershipsRoute[] = [
  { method: 'POST', path: S, roles: ['officer', 'association', 'partner'] },
  { method: 'GET', path: S, roles: READERS },
  { method: 'GET', path: `${S}/{id}`, roles: READERS },
  { method: 'POST', path: `${S}/{id}/assign`, roles: ['officer'] },
  { method: 'POST', path: `${S}/{id}/answer`, roles: ['officer'] },
  { method: 'POST', path: `${S}/{id}/close`, roles: ['officer', 'association', 'partner'] },
  { method: 'POST', path: `${S}/{id}/withdraw`, roles: ['association', 'partner'] },
];

const ask = (overrides: Record<string, unknown> = {}) => ({
  requestId: newId('support'),
  kind: 'financial',
  subject: 'Montage du dossier de financement',
  description: 'Nous cherchons un appel adapté à notre projet d’eau potable.',
  ...overrides,
});

describe('Partnerships API: support requests (mediation)', () => {
  let client: PlatformClient;
  let secondOfficer: MintedCaller;
  beforeAll(async () => {
    // The Registry's demo only (the organisations asking): Partnerships' two requests would join these lists.
    client = await PlatformClient.start('partnerships-support-requests', { demoData: 'registry' });
    await client.mint(OUTSIDER, { id: 'user-figuig', roles: ['association'], organisationId: FIGUIG });
    secondOfficer = await client.mint('minted:officer2', { id: 'user-officer2', roles: ['officer'] });
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  it('answers 401 without a token and 403 to every role a route does not name', async () => {
    const body = ask();
    expectStatus(await client.post('association', S, body), 201);
    await expectPartnershipsGate(client, ROUTES, { id: body.requestId });
  });

  it('takes a request through assignment, re-assignment, answer and closing, with the time of each step', async () => {
    const body = ask();
    const requested = await client.post('association', S, body);
    expect([requested.status, requested.headers.get('etag'), requested.headers.get('location')]).toEqual([
      201,
      '"0"',
      `${S}/${body.requestId}`,
    ]);
    const id = body.requestId;
    expect((await client.post('officer', `${S}/${id}/assign`, {})).body.events).toEqual([
      'SupportRequestAssigned',
    ]);
    // Only the assigned officer answers; another takes the request first.
    const answer = {
      answer: { kind: 'referral', callId: 'call-icmd-2', note: 'Cet appel finance l’eau potable.' },
    };
    const notAssigned = await client.post(secondOfficer, `${S}/${id}/answer`, answer);
    expect([notAssigned.status, notAssigned.body.code]).toEqual([403, 'NOT_THE_ASSIGNED_OFFICER']);
    expectStatus(await client.post('officer', `${S}/${id}/assign`, { officerId: 'user-officer2' }), 200);
    expect((await client.post(secondOfficer, `${S}/${id}/answer`, answer)).body.events).toEqual([
      'SupportRequestAnswered',
    ]);
    expect((await client.post('association', `${S}/${id}/withdraw`, {})).body.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await client.post('association', `${S}/${id}/close`, { note: 'Merci' })).body.events).toEqual([
      'SupportRequestClosed',
    ]);
    const view = await eventually(
      () => client.get('association', `${S}/${id}`),
      (r) => r.body?.status === 'closed',
      'the request closed',
    );
    expect(view.headers.get('etag')).toBe('"4"');
    expect(view.body).toMatchObject({
      requestId: id,
      requesterId: MD,
      officerId: 'user-officer2',
      answer: answer.answer,
      ageMs: null,
    });
    expect(view.body.assignments.map((a: { officerId: string }) => a.officerId)).toEqual([
      'user-officer',
      'user-officer2',
    ]);
    for (const step of ['receivedToAssigned', 'assignedToAnswered', 'answeredToClosed', 'total'])
      expect(view.body.durations[step]).toEqual(expect.any(Number));
    expect(view.body).not.toHaveProperty('_id');
  });

  it('lets an officer ask on behalf of an organisation, and an organisation only for itself', async () => {
    const onBehalf = ask({ requesterId: CRI, kind: 'technical' });
    expectStatus(await client.post('officer', S, onBehalf), 201);
    expect((await client.get('partner', `${S}/${onBehalf.requestId}`)).status).toBe(200);
    const missing = await client.post('officer', S, ask());
    expect([missing.status, missing.body.errors?.[0]?.pointer]).toEqual([400, '/requesterId']);
    const forAnother = await client.post('association', S, ask({ requesterId: CRI }));
    expect([forAnother.status, forAnother.body.code]).toEqual([403, 'NOT_OWN_ORGANISATION']);
    const noOrganisation = await client.mint('minted:lone-partner', { id: 'user-lone', roles: ['partner'] });
    const lone = await client.post(noOrganisation, S, ask());
    expect([lone.status, lone.body.code]).toEqual([403, 'NO_ORGANISATION']);
  });

  it('shows a requester its own requests only: another organisation’s answers 404', async () => {
    const body = ask();
    expectStatus(await client.post('association', S, body), 201);
    expect((await client.get(OUTSIDER, `${S}/${body.requestId}`)).status).toBe(404);
    expect((await client.post(OUTSIDER, `${S}/${body.requestId}/withdraw`, {})).status).toBe(404);
    expect((await client.post('partner', `${S}/${body.requestId}/close`, {})).status).toBe(404);
    const own = await eventually(
      () => client.get('association', `${S}?pageSize=100`),
      (r) => r.body.items.some((i: { requestId: string }) => i.requestId === body.requestId),
      'the request in its requester’s list',
    );
    expect(own.body.items.every((i: { requesterId: string }) => i.requesterId === MD)).toBe(true);
    expect((await client.get(OUTSIDER, `${S}?pageSize=100`)).body.items).toEqual([]);
    expect((await client.get('association', `${S}?requesterId=${CRI}`)).body.items).toEqual([]);
    const all = await client.get('auditor', `${S}?pageSize=100`);
    expect(new Set(all.body.items.map((i: { requesterId: string }) => i.requesterId))).toEqual(
      new Set([MD, CRI]),
    );
  });

  it('lists by status and age, oldest first, each with its age', async () => {
    const body = ask();
    expectStatus(await client.post('partner', S, body), 201);
    const received = await eventually(
      () => client.get('officer', `${S}?status=received&pageSize=100`),
      (r) => r.body.items.some((i: { requestId: string }) => i.requestId === body.requestId),
      'the request listed',
    );
    const times = received.body.items.map((i: { receivedAt: string }) => i.receivedAt);
    expect(times).toEqual([...times].sort());
    expect(
      received.body.items.every(
        (i: { status: string; ageMs: number }) => i.status === 'received' && i.ageMs >= 0,
      ),
    ).toBe(true);
    const old = await client.get('officer', `${S}?olderThanDays=1&pageSize=100`);
    expect(old.body.items).toEqual([]);
    expect((await client.get('officer', `${S}?openOnly=true&pageSize=100`)).body.total).toBeGreaterThan(0);
    expect((await client.get('officer', `${S}?olderThanDays=-1`)).status).toBe(400);
  });

  it('lets the requester withdraw a request not yet answered', async () => {
    const body = ask();
    expectStatus(await client.post('association', S, body), 201);
    const withdrawn = await client.post('association', `${S}/${body.requestId}/withdraw`, {
      reason: 'Résolu',
    });
    expect(withdrawn.body.events).toEqual(['SupportRequestWithdrawn']);
    expect((await client.post('officer', `${S}/${body.requestId}/assign`, {})).body.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('refuses bad input with 400 and a stale If-Match with 412, changing nothing', async () => {
    const body = ask();
    expectStatus(await client.post('association', S, body), 201);
    const id = body.requestId;
    const bad = [
      await client.post('association', S, ask({ kind: 'moral' })),
      await client.post('association', S, ask({ subject: '' })),
      await client.post('officer', `${S}/${id}/assign`, { officerId: 'bad id' }),
      await client.post('officer', `${S}/${id}/answer`, { answer: { kind: 'introduction', note: 'x' } }),
      await client.post('officer', `${S}/${id}/answer`, { answer: { kind: 'advice' } }),
      await client.post('officer', `${S}/${id}/answer`, {
        answer: { kind: 'introduction', actorId: 'actor-no-such-agency', note: 'x' },
      }),
      await client.post('officer', S, ask({ requesterId: 'assoc-no-such-association' })),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(bad[5].body.errors).toEqual([expect.objectContaining({ pointer: '/answer/actorId' })]);
    expect(bad[6].body.errors).toEqual([expect.objectContaining({ pointer: '/requesterId' })]);
    expectStatus(await client.post('officer', `${S}/${id}/assign`, {}), 200);
    const stale = await client.post(
      'officer',
      `${S}/${id}/assign`,
      { officerId: 'user-officer2' },
      { 'if-match': '"0"' },
    );
    expect([stale.status, stale.body.type]).toEqual([412, problemType('precondition-failed')]);
    const view = await eventually(
      () => client.get('officer', `${S}/${id}`),
      (r) => r.body?.status === 'assigned',
      'the request assigned',
    );
    expect([view.headers.get('etag'), view.body.officerId]).toEqual(['"1"', 'user-officer']);
  });
});
