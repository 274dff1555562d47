import { Json, MintedCaller, PlatformClient, Reply } from '../registry/testing/platform-client';
import {
  EVALUATOR_IDS,
  EVALUATORS,
  F,
  FIGUIG,
  FundingScenario,
  MD,
  proposal,
  today,
  usd,
} from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(120_000);

/**
 * Issue 12, item 10: decisions recorded whoever the caller named. Each refusal here is a 4xx
 * problem naming the field, in the caller's language, and leaves the record as it was.
 */
describe('Funding API: who may be named on a decision, an agreement, an envelope', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  let dualRole: MintedCaller;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-parties');
    scenario = new FundingScenario(client);
    await scenario.ready();
    await scenario.user('member-b', ['committee']);
    // A committee member who acts for the applicant M&D, and one who also evaluates.
    await scenario.user('member-of-md', ['committee'], MD);
    dualRole = await scenario.user('committee-and-evaluator', ['committee', 'evaluator']);
  }, 120_000);
  afterAll(async () => {
    await client?.close();
  });

  const path = (applicationId: string, action = '') =>
    `${F}/applications/${applicationId}${action ? `/${action}` : ''}`;
  const revisionOf = async (applicationId: string) =>
    (await scenario.read('auditor', applicationId)).headers.get('etag');
  const expectRefused = (reply: Reply, status: number, code: string, pointer: string) => {
    expect([reply.status, reply.body.code]).toEqual([status, code]);
    expect(reply.type).toContain('application/problem+json');
    expect(reply.body.errors).toEqual([{ pointer, detail: reply.body.detail }]);
  };

  describe('committee members', () => {
    it('refuses an unknown member on a recommendation, in ar, fr and en, and records nothing', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.scored('association', callId);
      const before = await revisionOf(applicationId);
      const body = {
        recommended: true,
        rationale: 'r',
        committeeMembers: ['user-committee', 'someone-made-up'],
      };
      const details: string[] = [];
      for (const language of ['ar', 'fr', 'en']) {
        const reply = await client.post('committee', path(applicationId, 'recommendation'), body, {
          'accept-language': language,
        });
        expectRefused(reply, 400, 'UNKNOWN_COMMITTEE_MEMBER', '/committeeMembers/1');
        expect(reply.body.detail).toContain('someone-made-up');
        details.push(reply.body.detail);
      }
      expect(new Set(details).size).toBe(3);
      expect(details[0]).toMatch(/[\u0600-\u06FF]/);
      // An evaluator is a known user, but not of the committee.
      const evaluator = await client.post('committee', path(applicationId, 'recommendation'), {
        ...body,
        committeeMembers: ['user-committee', EVALUATOR_IDS[0]],
      });
      expectRefused(evaluator, 400, 'UNKNOWN_COMMITTEE_MEMBER', '/committeeMembers/1');
      // A committee token for nobody the user store knows, naming nobody: the caller alone is refused.
      const ghost = await client.mint('minted:ghost-committee', {
        id: 'ghost-committee',
        roles: ['committee'],
      });
      const alone = await client.post(ghost, path(applicationId, 'recommendation'), {
        recommended: true,
        rationale: 'r',
      });
      expectRefused(alone, 400, 'UNKNOWN_COMMITTEE_MEMBER', '/committeeMembers');
      expect(await revisionOf(applicationId)).toBe(before);
      const named = await client.post('committee', path(applicationId, 'recommendation'), {
        ...body,
        committeeMembers: ['member-b', 'user-committee'],
      });
      expect(named.body.events).toEqual(['GrantApplicationRecommended']);
    });

    it('refuses a rejection whose committee leaves out the caller', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId);
      const before = await revisionOf(applicationId);
      const reply = await client.post('committee', path(applicationId, 'reject'), {
        reasons: ['Budget.'],
        committeeMembers: ['member-b'],
      });
      expectRefused(reply, 400, 'CALLER_NOT_IN_COMMITTEE', '/committeeMembers');
      expect(await revisionOf(applicationId)).toBe(before);
    });

    it('refuses the applicant’s own account on an appeal decision', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId);
      await client.post('committee', path(applicationId, 'reject'), { reasons: ['Budget.'] });
      await client.post('association', path(applicationId, 'appeal'), { grounds: 'Cofinancement omis.' });
      const before = await revisionOf(applicationId);
      const reply = await client.post('committee', path(applicationId, 'appeal/decision'), {
        upheld: true,
        rationale: 'r',
        committeeMembers: ['user-committee', 'member-of-md'],
      });
      expectRefused(reply, 409, 'COMMITTEE_MEMBER_HAS_CONFLICT', '/committeeMembers/1');
      expect(await revisionOf(applicationId)).toBe(before);
    });

    it('refuses an evaluator of the dossier on the award, committing nothing', async () => {
      const { envelopeId, callId } = await scenario.publishedCall();
      const applicationId = await scenario.eligible('association', callId);
      const evaluators = [EVALUATOR_IDS[0], EVALUATOR_IDS[1], 'committee-and-evaluator'];
      for (const evaluatorId of evaluators)
        await client.post('officer', path(applicationId, 'evaluators'), { evaluatorId });
      for (const evaluator of [EVALUATORS[0], EVALUATORS[1], dualRole])
        await scenario.evaluate(evaluator, applicationId, 80);
      await client.post('committee', path(applicationId, 'consensus'));
      await client.post('committee', path(applicationId, 'recommendation'), {
        recommended: true,
        rationale: 'r',
      });
      const before = await revisionOf(applicationId);
      const reply = await client.post('committee', path(applicationId, 'award'), {
        conditions: [],
        rationale: 'r',
        committeeMembers: ['committee-and-evaluator', 'user-committee'],
      });
      expectRefused(reply, 409, 'COMMITTEE_MEMBER_HAS_CONFLICT', '/committeeMembers/0');
      expect(await revisionOf(applicationId)).toBe(before);
      const envelope = (await client.get('auditor', `${F}/envelopes/${envelopeId}`)).body;
      expect(envelope).toMatchObject({ committed: usd(0), commitments: [] });
      // The same member may not record it either: they are an evaluator of this dossier.
      const self = await client.post(dualRole, path(applicationId, 'award'), {
        conditions: [],
        rationale: 'r',
      });
      expectRefused(self, 409, 'COMMITTEE_MEMBER_HAS_CONFLICT', '/committeeMembers');
    });
  });

  describe('agreements', () => {
    it('is signed by its parties only: the association (always), the envelope’s funder, the ministry', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.awarded('association', callId);
      const before = await revisionOf(applicationId);
      const sign = (signatories: string[]) =>
        client.post('officer', path(applicationId, 'agreement'), {
          signedOn: today(),
          signatories,
          tranches: [{ trancheId: 't1', amount: usd(250_000), dueOn: today() }],
        });
      expectRefused(await sign([MD, 'md-president']), 400, 'INVALID_SIGNATORY', '/signatories/1');
      // A funder, but not of this envelope; another association.
      expectRefused(await sign([MD, 'actor-eu']), 400, 'INVALID_SIGNATORY', '/signatories/1');
      expectRefused(await sign([FIGUIG, MD]), 400, 'INVALID_SIGNATORY', '/signatories/0');
      expectRefused(await sign(['actor-iom', 'actor-ministry']), 400, 'APPLICANT_MUST_SIGN', '/signatories');
      expect(await revisionOf(applicationId)).toBe(before);
      expect((await sign([MD, 'actor-iom', 'actor-ministry'])).body.events).toEqual(['GrantAgreementSigned']);
    });
  });

  describe('envelopes', () => {
    it('refuses a funder the Registry does not know, and an association', async () => {
      const open = (funderId: string) =>
        scenario.client.post('officer', `${F}/envelopes`, envelope(funderId));
      const envelope = (funderId: string) => ({
        envelopeId: `env-parties-${funderId}`,
        programmeId: 'icmd-phase-2',
        name: { fr: 'Enveloppe' },
        funderId,
        amount: usd(100_000),
        period: { start: '2025-01-01', end: '2027-12-31' },
      });
      expectRefused(await open('actor-no-such-funder'), 400, 'UNKNOWN_FUNDER', '/funderId');
      expectRefused(await open(MD), 400, 'FUNDER_IS_ASSOCIATION', '/funderId');
      for (const funderId of ['actor-no-such-funder', MD])
        expect((await client.get('officer', `${F}/envelopes/env-parties-${funderId}`)).status).toBe(404);
      expect((await open('actor-eu')).status).toBe(201);
    });
  });

  describe('applications', () => {
    it('refuses a request for more than the call’s whole budget, on the draft and on a change', async () => {
      const { callId } = await scenario.publishedCall({}, { budget: usd(400_000) });
      const tooMuch = await client.post('association', `${F}/applications`, {
        callId,
        proposal: proposal({ amountRequested: usd(400_001) }),
      });
      expectRefused(tooMuch, 400, 'AMOUNT_ABOVE_CALL_BUDGET', '/proposal/amountRequested');
      expect(tooMuch.body).toMatchObject({ budget: usd(400_000), requested: usd(400_001) });
      const applicationId = await scenario.draftApplication('association', callId);
      const before = await revisionOf(applicationId);
      const change = await client.patch('association', path(applicationId), {
        amountRequested: usd(500_000),
      });
      expectRefused(change, 400, 'AMOUNT_ABOVE_CALL_BUDGET', '/amountRequested');
      expect(await revisionOf(applicationId)).toBe(before);
      const whole = await client.patch('association', path(applicationId), { amountRequested: usd(400_000) });
      expect(whole.status).toBe(200);
      const mine = (await client.get('association', `${F}/applications?callId=${callId}`)).body as Json;
      expect(mine.items).toHaveLength(1);
    });
  });
});
