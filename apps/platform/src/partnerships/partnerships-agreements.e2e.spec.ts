import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { PlatformClient, problemType } from '../registry/testing/platform-client';
import {
  AGREEMENTS,
  agreementTerms,
  AgreementsScenario,
  CRI,
  expectStatus,
  mad,
  MD,
  MINISTRY,
  newId,
  OUTSIDER,
} from './testing/agreements-scenario';
import { expectPartnershipsGate, PartnershipsRoute } from './testing/partnerships-routes';

jest.setTimeout(60_000);

const A = AGREEMENTS;
const READERS = ['officer', 'auditor', 'admin', 'association', 'partner'] as const;
const ROUTES: PartnershipsRoute[] = [
  { method: 'POST', path: A, roles: ['officer'] },
  { method: 'GET', path: A, roles: READERS },
  { method: 'GET', path: `${A}/{id}`, roles: READERS },
  { method: 'GET', path: `${A}/{id}/versions`, roles: READERS },
  { method: 'POST', path: `${A}/{id}/revise`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/submit`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/sign`, roles: ['officer', 'association', 'partner'] },
  { method: 'POST', path: `${A}/{id}/amendments`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/renew`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/amendments/{am}/sign`, roles: ['officer', 'association', 'partner'] },
  { method: 'POST', path: `${A}/{id}/amendments/{am}/withdraw`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/suspend`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/resume`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/terminate`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/expire`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/complete`, roles: ['officer'] },
  { method: 'POST', path: `${A}/{id}/documents`, roles: ['officer'] },
  { method: 'GET', path: `${A}/{id}/documents/{sha}`, roles: READERS },
  { method: 'POST', path: `${A}/{id}/documents/{sha}/detach`, roles: ['officer'] },
];

describe('Partnerships API: agreements', () => {
  let client: PlatformClient;
  let scenario: AgreementsScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-agreements');
    scenario = new AgreementsScenario(client);
    await scenario.ready();
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  it('answers 401 without a token and 403 to every role a route does not name', async () => {
    const id = await scenario.drafted();
    await expectPartnershipsGate(client, ROUTES, { id, am: 'amendment-1', sha: 'a'.repeat(64) });
  });

  it('drafts, revises, submits and puts an agreement in force once every party signed', async () => {
    const agreementId = newId('agreement');
    const drafted = await client.post('officer', A, { agreementId, ...agreementTerms() });
    expect([drafted.status, drafted.body.events, drafted.headers.get('etag')]).toEqual([
      201,
      ['AgreementDrafted'],
      '"0"',
    ]);
    expect(drafted.headers.get('location')).toBe(`${A}/${agreementId}`);
    const revised = await client.post(
      'officer',
      `${A}/${agreementId}/revise`,
      {
        changes: { endDate: '2029-06-30' },
      },
      { 'if-match': '"0"' },
    );
    expect([revised.status, revised.body.events]).toEqual([200, ['AgreementDraftRevised']]);
    expectStatus(await client.post('officer', `${A}/${agreementId}/submit`), 200, 'submit');
    // An organisation's account signs for itself only; the officer signs for the ministry.
    const forAnother = await client.post('association', `${A}/${agreementId}/sign`, {
      partyId: CRI,
      signedOn: '2026-01-10',
    });
    expect([forAnother.status, forAnother.body.code]).toEqual([403, 'NOT_OWN_ORGANISATION']);
    const outsider = await client.post(OUTSIDER, `${A}/${agreementId}/sign`, { signedOn: '2026-01-10' });
    expect(outsider.status).toBe(404);
    const byOfficer = await client.post('officer', `${A}/${agreementId}/sign`, { signedOn: '2026-01-10' });
    expect([byOfficer.status, byOfficer.body.partyId]).toEqual([200, MINISTRY]);
    const byAssociation = await client.post('association', `${A}/${agreementId}/sign`, {
      signedOn: '2026-01-12',
    });
    expect([byAssociation.status, byAssociation.body.partyId]).toEqual([200, MD]);
    const byPartner = await client.post('partner', `${A}/${agreementId}/sign`, { signedOn: '2026-01-14' });
    expect(byPartner.body.events).toEqual(['AgreementSigned', 'AgreementEnteredIntoForce']);

    const view = (await scenario.view(agreementId, (b) => b.status === 'in-force')).body;
    expect(view).toMatchObject({
      agreementId,
      status: 'in-force',
      currentVersion: 1,
      terms: { endDate: '2029-06-30' },
      commitmentTotals: [{ amountMinor: String(mad(1_000_000).amountMinor), currency: 'MAD' }],
      pending: null,
    });
    expect(view.versions[0].effectiveOn).toBe('2026-01-14');
    expect(
      view.versions[0].signatures.map((s: { partyId: string; signatoryId: string; signedOn: string }) => [
        s.partyId,
        s.signatoryId,
        s.signedOn,
      ]),
    ).toEqual(
      [
        [MINISTRY, 'user-officer', '2026-01-10'],
        [CRI, 'user-partner', '2026-01-14'],
        [MD, 'user-association', '2026-01-12'],
      ].sort(
        (a, b) => view.versions[0].signatories.indexOf(a[0]) - view.versions[0].signatories.indexOf(b[0]),
      ),
    );
    // Parties and readers of everything see it; another organisation does not know it exists.
    for (const who of ['auditor', 'admin', 'association', 'partner'] as const)
      expect((await client.get(who, `${A}/${agreementId}`)).status).toBe(200);
    expect((await client.get(OUTSIDER, `${A}/${agreementId}`)).status).toBe(404);
    expect((await client.get(OUTSIDER, `${A}/${agreementId}/versions`)).status).toBe(404);
    expect((await client.get('officer', `${A}/agreement-none`)).status).toBe(404);
  });

  it('lists all agreements to readers of everything, and to an organisation only those it is a party to', async () => {
    const agreementId = await scenario.drafted();
    const other = await scenario.drafted({
      parties: [
        agreementTerms().parties[0],
        { partyId: 'assoc-amdam', partyKind: 'association', roles: ['implementing'], commitments: [] },
      ],
    });
    const ids = (reply: { body: { items: { agreementId: string }[] } }) =>
      reply.body.items.map((i) => i.agreementId);
    const all = await client.get('auditor', `${A}?pageSize=100&status=draft`);
    expect(ids(all)).toEqual(expect.arrayContaining([agreementId, other]));
    expect(all.body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    const byParty = await client.get('officer', `${A}?pageSize=100&partyId=assoc-amdam`);
    expect(ids(byParty)).toContain(other);
    expect(ids(byParty)).not.toContain(agreementId);
    const own = await client.get('association', `${A}?pageSize=100`);
    expect(ids(own)).toContain(agreementId);
    expect(ids(own)).not.toContain(other);
    expect((await client.get('association', `${A}?partyId=assoc-amdam`)).body.items).toEqual([]);
    expect((await client.get(OUTSIDER, `${A}?pageSize=100`)).body.items).toEqual([]);
    expect((await client.get('officer', `${A}?status=signed`)).status).toBe(400);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const agreementId = await scenario.drafted();
    const before = await client.get('officer', `${A}/${agreementId}`);
    const bad = [
      await client.post('officer', `${A}/${agreementId}/revise`, { changes: { endDate: '2025-01-01' } }),
      await client.post('officer', `${A}/${agreementId}/revise`, { changes: { parties: [] } }),
      await client.post('officer', `${A}/${agreementId}/revise`, { changes: { colour: 'blue' } }),
      await client.post('officer', `${A}/${agreementId}/revise`, { changes: { startDate: 'tomorrow' } }),
      await client.post('officer', A, { ...agreementTerms(), parties: [agreementTerms().parties[1]] }),
      await client.post('officer', A, { ...agreementTerms(), startDate: '2026-02-30' }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(bad[0].body.errors).toEqual([expect.objectContaining({ pointer: '/changes/endDate' })]);
    const after = await client.get('officer', `${A}/${agreementId}`);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(after.body).toEqual(before.body);
  });

  it('refuses an organisation the Registry does not have, or not as what it is said to be: 400 naming each, nothing drafted', async () => {
    const agreementId = newId('agreement-unknown-party');
    const [ministry, md, cri] = agreementTerms().parties;
    const refused = await client.post('officer', A, {
      ...agreementTerms(),
      agreementId,
      parties: [ministry, { ...md, partyId: 'assoc-no-such-association' }, { ...cri, partyKind: 'ministry' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/parties/1/partyId',
        detail: expect.stringContaining('assoc-no-such-association is not an organisation of the Registry'),
      }),
      expect.objectContaining({
        pointer: '/parties/2/partyId',
        detail: expect.stringContaining(
          `${CRI} is a regional-investment-centre in the Registry, not a ministry`,
        ),
      }),
    ]);
    expect((await client.get('officer', `${A}/${agreementId}`)).status).toBe(404);

    const drafted = await scenario.drafted();
    const before = await client.get('officer', `${A}/${drafted}`);
    const revise = await client.post('officer', `${A}/${drafted}/revise`, {
      changes: { parties: [ministry, { ...md, partyId: 'assoc-no-such-association' }] },
    });
    expect(revise.status).toBe(400);
    expect(revise.body.errors).toEqual([expect.objectContaining({ pointer: '/changes/parties/1/partyId' })]);
    expect((await client.get('officer', `${A}/${drafted}`)).headers.get('etag')).toBe(
      before.headers.get('etag'),
    );
  });

  it('answers 412 to a stale If-Match and keeps the agreement as it was', async () => {
    const agreementId = await scenario.drafted();
    expectStatus(
      await client.post('officer', `${A}/${agreementId}/revise`, { changes: { endDate: '2029-01-31' } }),
      200,
    );
    const stale = await client.post('officer', `${A}/${agreementId}/submit`, undefined, {
      'if-match': '"0"',
    });
    expect([stale.status, stale.body.type]).toEqual([412, problemType('precondition-failed')]);
    expect((await scenario.view(agreementId, () => true)).body.status).toBe('draft');
  });

  it('lets exactly one of two amendments proposed at once through; the other answers 409 or 412', async () => {
    const agreementId = await scenario.inForce();
    const revision = await scenario.revision(agreementId);
    const propose = (endDate: string, amendmentId: string) =>
      client.post(
        'officer',
        `${A}/${agreementId}/amendments`,
        { amendmentId, changes: { endDate }, reason: 'Prolongation des travaux' },
        { 'if-match': `"${revision}"` },
      );
    const [first, second] = await Promise.all([propose('2029-12-31', 'am-1'), propose('2030-12-31', 'am-2')]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(201);
    expect([409, 412]).toContain(statuses[1]);
    const loser = first.status === 201 ? second : first;
    if (loser.status === 409) expect(loser.body.code).toBe('AMENDMENT_PENDING');
    // Without If-Match the second one meets the pending amendment.
    const third = await client.post('officer', `${A}/${agreementId}/amendments`, {
      amendmentId: 'am-3',
      changes: { endDate: '2031-12-31' },
      reason: 'Encore',
    });
    expect([third.status, third.body.code]).toEqual([409, 'AMENDMENT_PENDING']);
    const view = (await scenario.view(agreementId, (b) => b.pending !== null)).body;
    expect(view.pending.amendmentId).toBe(first.status === 201 ? 'am-1' : 'am-2');
  });

  it('puts an amendment in force once every party signed, keeps the versions side by side, withdraws and renews', async () => {
    const agreementId = await scenario.inForce();
    const proposed = await client.post('officer', `${A}/${agreementId}/amendments`, {
      amendmentId: 'amendment-budget',
      changes: {
        parties: agreementTerms().parties.map((p) =>
          p.partyId === MINISTRY ? { ...p, commitments: [{ kind: 'money', amount: mad(1_500_000) }] } : p,
        ),
      },
      reason: 'Extension au douar voisin',
    });
    expect([proposed.status, proposed.body.amendmentId]).toEqual([201, 'amendment-budget']);
    const sign = (who: 'officer' | 'association' | 'partner', day: string) =>
      client.post(who, `${A}/${agreementId}/amendments/amendment-budget/sign`, { signedOn: day });
    expect((await sign('association', '2026-03-01')).status).toBe(200);
    expect(
      (
        await client.post(OUTSIDER, `${A}/${agreementId}/amendments/amendment-budget/sign`, {
          signedOn: '2026-03-01',
        })
      ).status,
    ).toBe(404);
    expect((await sign('officer', '2026-03-02')).status).toBe(200);
    expect((await sign('partner', '2026-03-03')).body.events).toEqual([
      'AmendmentSigned',
      'AmendmentEnteredIntoForce',
    ]);
    const view = (await scenario.view(agreementId, (b) => b.currentVersion === 2)).body;
    expect(view.versions.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([
      [1, 'original'],
      [2, 'amendment'],
    ]);
    const ministryMoney = (version: {
      terms: { parties: { partyId: string; commitments: { amount: unknown }[] }[] };
    }) => version.terms.parties.find((p) => p.partyId === MINISTRY)?.commitments[0].amount;
    expect(ministryMoney(view.versions[0])).toEqual(mad(1_000_000));
    expect(ministryMoney(view.versions[1])).toEqual(mad(1_500_000));
    expect(view.versions[1].effectiveOn).toBe('2026-03-03');

    const renewal = await client.post('officer', `${A}/${agreementId}/renew`, {
      amendmentId: 'renewal-1',
      newEndDate: '2030-12-31',
      reason: 'Deuxième phase',
    });
    expect(renewal.status).toBe(201);
    const withdrawn = await client.post('officer', `${A}/${agreementId}/amendments/renewal-1/withdraw`, {
      reason: 'Reportée',
    });
    expect(withdrawn.body.events).toEqual(['AmendmentWithdrawn']);
    const history = await client.get('partner', `${A}/${agreementId}/versions`);
    expect(
      history.body.versions.map((v: { version: number; kind: string; state: string }) => [
        v.version,
        v.kind,
        v.state,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [1, 'original', 'in-force'],
        [2, 'amendment', 'in-force'],
        [3, 'renewal', 'withdrawn'],
      ]),
    );
    expect(
      (
        await client.post('officer', `${A}/${agreementId}/amendments/renewal-1/sign`, {
          signedOn: '2026-04-01',
        })
      ).body.code,
    ).toBe('NO_AMENDMENT_PENDING');
  });

  it('suspends, resumes, terminates, completes and expires agreements as their status allows', async () => {
    const agreementId = await scenario.inForce();
    const post = (path: string, body: unknown = {}) =>
      client.post('officer', `${A}/${agreementId}/${path}`, body);
    expect((await post('suspend', { reason: 'Audit en cours' })).body.events).toEqual(['AgreementSuspended']);
    expect((await post('complete')).body.code).toBe('INVALID_TRANSITION');
    expect((await post('resume')).body.events).toEqual(['AgreementResumed']);
    expect((await post('expire')).body.code).toBe('AGREEMENT_NOT_ENDED');
    expect(
      (await post('terminate', { reason: 'Accord des parties', effectiveOn: '2026-06-30' })).body.events,
    ).toEqual(['AgreementTerminated']);
    const ended = (await scenario.view(agreementId, (b) => b.status === 'terminated')).body;
    expect(ended.ending).toMatchObject({ kind: 'terminated', effectiveOn: '2026-06-30' });
    expect(ended.suspensions).toHaveLength(1);

    const completed = await scenario.inForce();
    const done = await client.post('officer', `${A}/${completed}/complete`, { note: 'Ouvrage réceptionné' });
    expect(done.body.events).toEqual(['AgreementCompleted']);

    const past = await scenario.inForce({ startDate: '2020-01-01', endDate: '2021-12-31' }, '2020-01-10');
    expect((await client.post('officer', `${A}/${past}/expire`)).body.events).toEqual(['AgreementExpired']);
    expect((await client.post('association', `${A}/${past}/suspend`, { reason: 'x' })).status).toBe(403);
  });
});
