import { eventually, Json, PlatformClient, problemType } from '../registry/testing/platform-client';
import {
  A,
  F,
  FIGUIG,
  FIGUIG_ACCOUNT,
  FundingScenario,
  MD,
  newId,
  proposal,
  usd,
} from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

describe('Funding API: applications', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  let callId: string;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-applications');
    scenario = new FundingScenario(client);
    await scenario.ready();
    ({ callId } = await scenario.publishedCall());
  });
  afterAll(async () => {
    await client?.close();
  });

  const path = (applicationId: string, action = '') =>
    `${F}/applications/${applicationId}${action ? `/${action}` : ''}`;

  describe('drafting', () => {
    it('lets an association draft for its own organisation, on a published call only', async () => {
      const applicationId = newId('app');
      const drafted = await client.post('association', `${F}/applications`, {
        applicationId,
        callId,
        proposal: proposal(),
      });
      expect(drafted.status).toBe(201);
      expect(drafted.headers.get('location')).toBe(path(applicationId));
      expect(drafted.body).toMatchObject({ applicationId, revision: 0, events: ['GrantApplicationDrafted'] });
      const read = await scenario.read('association', applicationId);
      expect(read.body).toMatchObject({ associationId: MD, status: 'draft', callId });
      expect(read.headers.get('etag')).toBe('"0"');

      const envelopeId = await scenario.openEnvelope();
      const draftCall = await scenario.draftCall(envelopeId);
      const onDraft = await client.post('association', `${F}/applications`, {
        callId: draftCall,
        proposal: proposal(),
      });
      expect([onDraft.status, onDraft.body.errors]).toEqual([
        400,
        [{ pointer: '/callId', detail: 'no call open for applications' }],
      ]);
    });

    it('refuses an account that acts for no association, and a proposal with bad fields', async () => {
      const orphan = await client.mint('minted:orphan', { id: 'user-orphan', roles: ['association'] });
      expect((await client.post(orphan, `${F}/applications`, { callId, proposal: proposal() })).status).toBe(
        403,
      );
      const bad = await client.post('association', `${F}/applications`, {
        callId,
        proposal: proposal({ sectors: ['99999'], coFinancing: { amountMinor: 10, currency: 'EUR' } }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: Json) => e.pointer)).toEqual(['/proposal/sectors/0']);
      const currency = await client.post('association', `${F}/applications`, {
        callId,
        proposal: proposal({ coFinancing: { amountMinor: 10, currency: 'EUR' } }),
      });
      expect(currency.body.errors).toEqual([
        { pointer: '/proposal/coFinancing/currency', detail: 'must be USD, the currency of the request' },
      ]);
    });

    it('replays a draft sent again with the same Idempotency-Key', async () => {
      const body = { applicationId: newId('app'), callId, proposal: proposal() };
      const headers = { 'idempotency-key': newId('key') };
      const first = await client.post('association', `${F}/applications`, body, headers);
      const again = await client.post('association', `${F}/applications`, body, headers);
      expect(again.status).toBe(first.status);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await client.post(
        'association',
        `${F}/applications`,
        { ...body, applicationId: newId('app') },
        headers,
      );
      expect([other.status, other.body.type]).toEqual([422, problemType('idempotency-key-reused')]);
    });
  });

  describe('the association’s own applications', () => {
    it('changes a draft with If-Match, and answers another association’s application with 404', async () => {
      const applicationId = await scenario.draftApplication('association', callId);
      const changed = await client.patch(
        'association',
        path(applicationId),
        { amountRequested: usd(200_000) },
        { 'if-match': '"0"' },
      );
      expect(changed.body).toMatchObject({ revision: 1, events: ['GrantApplicationChanged'] });
      const stale = await client.patch(
        'association',
        path(applicationId),
        { amountRequested: usd(190_000) },
        { 'if-match': '"0"' },
      );
      expect(stale.status).toBe(412);
      for (const [method, action, body] of [
        ['GET', '', undefined],
        ['PATCH', '', { amountRequested: usd(1) }],
        ['POST', 'submit', undefined],
        ['POST', 'withdraw', { reason: 'x' }],
        ['POST', 'appeal', { grounds: 'x' }],
      ] as const) {
        const reply = await client.call(FIGUIG_ACCOUNT, method, path(applicationId, action), { body });
        expect([method, action, reply.status]).toEqual([method, action, 404]);
      }
      expect((await scenario.read('association', applicationId)).headers.get('etag')).toBe('"1"');
    });

    it('submits a draft under the call’s terms, once; a draft cannot be changed after', async () => {
      const applicationId = await scenario.draftApplication('association', callId);
      const submitted = await client.post('association', path(applicationId, 'submit'));
      expect(submitted.body.events).toEqual(['GrantApplicationSubmitted']);
      const again = await client.post('association', path(applicationId, 'submit'));
      expect([again.status, again.body.events]).toEqual([200, []]);
      const record = (await scenario.read('officer', applicationId)).body;
      expect(record.terms).toMatchObject({
        criteriaVersion: 1,
        currency: 'USD',
        evaluatorsPerProposal: 3,
        scoringRulesVersion: '2026-1',
      });
      const change = await client.patch('association', path(applicationId), { amountRequested: usd(1) });
      expect([change.status, change.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    });

    it('refuses the submission of an association the registry has not verified', async () => {
      const pending = await client.mint('minted:pending', {
        id: 'user-solidarite',
        roles: ['association'],
        organisationId: A.solidariteSoussBruxelles,
      });
      await scenario.applicantStatus(A.solidariteSoussBruxelles, 'submitted');
      const applicationId = await scenario.draftApplication(pending, callId);
      const refused = await client.post(pending, path(applicationId, 'submit'), undefined, {
        'accept-language': 'fr',
      });
      expect([refused.status, refused.body.code]).toEqual([409, 'ASSOCIATION_NOT_VERIFIED']);
      expect(refused.body.detail).toContain('submitted');
    });

    it('lists my applications only, without evaluators', async () => {
      const mine = await scenario.draftApplication('association', callId);
      const theirs = await scenario.draftApplication(FIGUIG_ACCOUNT, callId);
      const list = await eventually(
        () => client.get('association', `${F}/applications?pageSize=100`),
        (reply) => reply.body.items.some((a: Json) => a.applicationId === mine),
        'my applications',
      );
      expect(list.body.items.every((a: Json) => a.associationId === MD)).toBe(true);
      expect(list.body.items.map((a: Json) => a.applicationId)).not.toContain(theirs);
      expect(list.body.items[0]).not.toHaveProperty('evaluators');
      const asked = await client.get('association', `${F}/applications?associationId=${FIGUIG}&pageSize=100`);
      expect(asked.body.items.map((a: Json) => a.applicationId)).not.toContain(theirs);
      const officer = await eventually(
        () => client.get('officer', `${F}/applications?associationId=${FIGUIG}&pageSize=100`),
        (reply) => reply.body.items.some((a: Json) => a.applicationId === theirs),
        'the officer’s filtered list',
      );
      expect(officer.body.items.every((a: Json) => a.associationId === FIGUIG)).toBe(true);
    });

    it('withdraws an application with a reason; a withdrawn one is final', async () => {
      const applicationId = await scenario.submitted('association', callId);
      const withdrawn = await client.post('association', path(applicationId, 'withdraw'), {
        reason: 'Projet reporté',
      });
      expect(withdrawn.body.events).toEqual(['GrantApplicationWithdrawn']);
      const again = await client.post('association', path(applicationId, 'withdraw'), {
        reason: 'Projet reporté',
      });
      expect([again.status, again.body.events]).toEqual([200, []]);
      const screen = await client.post('officer', path(applicationId, 'screen'));
      expect([screen.status, screen.body.code]).toEqual([409, 'INVALID_TRANSITION']);
      expect((await client.post('association', path(applicationId, 'withdraw'), {})).status).toBe(400);
    });
  });

  describe('screening and reading (officer, committee, auditor, admin)', () => {
    it('screens a submitted application with each rule’s check; an ineligible one gets its reasons', async () => {
      const eligible = await scenario.submitted('association', callId);
      const screened = await client.post('officer', path(eligible, 'screen'));
      expect(screened.body.events).toEqual(['GrantApplicationFoundEligible']);
      const record = (await scenario.read('committee', eligible)).body;
      expect(record.screening.map((c: Json) => [c.rule, c.passed])).toEqual([
        ['association-verified', true],
        ['currency', true],
        ['host-country', true],
        ['origin-region', true],
        ['sector', true],
        ['co-financing', true],
      ]);
      const outside = await scenario.submitted(
        'association',
        callId,
        proposal({ sectors: ['11220'], coFinancing: usd(0) }),
      );
      const refused = await client.post('officer', path(outside, 'screen'));
      expect(refused.body.events).toEqual(['GrantApplicationFoundIneligible']);
      const own = (await scenario.read('association', outside)).body;
      expect(own.status).toBe('ineligible');
      expect(own.screening.filter((c: Json) => !c.passed).map((c: Json) => c.rule)).toEqual([
        'sector',
        'co-financing',
      ]);
      const draft = await scenario.draftApplication('association', callId);
      expect((await client.post('officer', path(draft, 'screen'))).status).toBe(409);
    });

    it('shows the whole record to the back office and the auditor, and nothing to evaluators and partners', async () => {
      const applicationId = await scenario.assigned('association', callId);
      for (const reader of ['officer', 'committee', 'auditor', 'admin'] as const) {
        const read = await scenario.read(reader, applicationId);
        expect(read.status).toBe(200);
        expect(read.body.evaluators).toHaveLength(3);
      }
      const own = (await scenario.read('association', applicationId)).body;
      expect(own).toMatchObject({ evaluatorCount: 3 });
      expect(own).not.toHaveProperty('evaluators');
      for (const other of ['evaluator1', 'partner'] as const)
        expect((await scenario.read(other, applicationId)).status).toBe(403);
      expect((await scenario.read('officer', 'app-none')).status).toBe(404);
    });

    it('tells each association, and the back office, what Funding knows of it from the registry', async () => {
      const own = await client.get('association', `${F}/applicants/${MD}`);
      expect(own.body).toMatchObject({ associationId: MD, status: 'verified', hostCountries: ['FR'] });
      expect((await client.get('association', `${F}/applicants/${FIGUIG}`)).status).toBe(404);
      expect((await client.get('auditor', `${F}/applicants/${FIGUIG}`)).body.status).toBe('verified');
      expect((await client.get('officer', `${F}/applicants/assoc-none`)).status).toBe(404);
    });
  });
});
