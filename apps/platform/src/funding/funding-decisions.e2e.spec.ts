import { EventStore } from '@tadamon/event-store';
import { EVENT_STORE } from '../embedded/embedded.module';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { F, FIGUIG_ACCOUNT, FundingScenario, MD, proposal, today, usd } from './testing/funding-scenario';

/** The parties to an agreement of M&D's on an envelope of the IOM: the association, the funder, the ministry. */
const MD_PARTIES = [MD, 'actor-iom', 'actor-ministry'];

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

describe('Funding API: decisions, agreements and tranches', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-decisions');
    scenario = new FundingScenario(client);
    await scenario.ready();
    await scenario.user('committee-member-2', ['committee']);
    await scenario.user('member-b', ['committee']);
  });
  afterAll(async () => {
    await client?.close();
  });

  const path = (applicationId: string, action = '') =>
    `${F}/applications/${applicationId}${action ? `/${action}` : ''}`;
  const envelope = async (envelopeId: string) =>
    (await client.get('auditor', `${F}/envelopes/${envelopeId}`)).body;
  const award = (applicationId: string, body: Json = {}, headers?: Record<string, string>) =>
    client.post(
      'committee',
      path(applicationId, 'award'),
      { conditions: [], rationale: 'Dans le budget.', ...body },
      headers,
    );

  describe('recommendation', () => {
    it('ranks the recommendation from the call’s ranking and refuses to recommend below the thresholds', async () => {
      const { callId } = await scenario.publishedCall();
      const weak = await scenario.scored('association', callId, [40, 45, 50]);
      const refused = await client.post('committee', path(weak, 'recommendation'), {
        recommended: true,
        rationale: 'r',
      });
      expect([refused.status, refused.body.code]).toEqual([409, 'BELOW_THRESHOLDS']);
      expect(refused.body.failedThresholds).toEqual(['relevance', 'overall']);
      const notRecommended = await client.post('committee', path(weak, 'recommendation'), {
        recommended: false,
        rationale: 'Sous les seuils.',
      });
      expect(notRecommended.body).toMatchObject({ events: ['GrantApplicationNotRecommended'], rank: null });
      const strong = await scenario.scored(FIGUIG_ACCOUNT, callId, [90, 85, 80]);
      const ranked = await client.post('committee', path(strong, 'recommendation'), {
        recommended: true,
        rationale: 'Premier du classement.',
        committeeMembers: ['user-committee', 'committee-member-2'],
      });
      expect(ranked.body).toMatchObject({ events: ['GrantApplicationRecommended'], rank: 1 });
      const record = (await scenario.read('auditor', strong)).body;
      expect(record.recommendation).toMatchObject({
        rank: 1,
        committeeMembers: ['committee-member-2', 'user-committee'],
      });
      const ranking = await eventually(
        () => client.get('auditor', `${F}/calls/${callId}/ranking`),
        (reply) => reply.body.ranked.length === 2,
        'the ranking',
      );
      expect(ranking.body.ranked.map((r: Json) => [r.applicationId, r.rank, r.reason])).toEqual([
        [strong, 1, 'funded'],
        [weak, null, 'below-threshold'],
      ]);
    });

    it('refuses a recommendation before the consensus', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.assigned('association', callId);
      const early = await client.post('committee', path(applicationId, 'recommendation'), {
        recommended: true,
        rationale: 'r',
      });
      expect([early.status, early.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    });
  });

  describe('awards', () => {
    it('never commits beyond the envelope: the award that does not fit is refused and nothing is committed for it', async () => {
      const { envelopeId, callId } = await scenario.publishedCall(
        { amount: usd(300_000) },
        { budget: usd(300_000) },
      );
      const first = await scenario.recommended('association', callId);
      const second = await scenario.recommended(FIGUIG_ACCOUNT, callId);
      expect((await award(first)).body.events).toEqual(['FundsCommitted', 'GrantAwarded']);
      const refused = await award(second, {}, { 'accept-language': 'en' });
      expect([refused.status, refused.body.code]).toEqual([409, 'BUDGET_ENVELOPE_EXCEEDED']);
      expect(refused.body).toMatchObject({ remaining: usd(50_000), requested: usd(250_000), envelopeId });
      expect(refused.body.detail).toContain('50000.00 USD');
      expect(await envelope(envelopeId)).toMatchObject({ committed: usd(250_000), remaining: usd(50_000) });
      expect((await envelope(envelopeId)).commitments.map((c: Json) => c.applicationId)).toEqual([first]);
      const smaller = await award(second, { amount: usd(50_000) });
      expect(smaller.body).toMatchObject({
        events: ['FundsCommitted', 'GrantAwarded'],
        envelope: { remainingBefore: usd(50_000), remainingAfter: usd(0) },
      });
      const decision = (await scenario.read('auditor', second)).body;
      expect(decision.decision).toMatchObject({ kind: 'award', amount: usd(50_000), envelopeId });
    });

    it('records the decision for the auditor: committee, criteria and rules versions, envelope remaining', async () => {
      const { envelopeId, callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId);
      await award(applicationId, { committeeMembers: ['user-committee', 'member-b'] });
      const store = client.app.get<EventStore>(EVENT_STORE, { strict: false });
      const events = await store.readStream(`grantApplication-${applicationId}`);
      const awarded = events.find((e) => e.type === 'GrantAwarded') as Json;
      expect(awarded.data).toMatchObject({
        committeeMembers: ['member-b', 'user-committee'],
        criteriaVersion: 1,
        scoringRulesVersion: '2026-1',
        consensus: 7500,
        envelopeId,
        envelopeRemaining: usd(500_000),
        amount: usd(250_000),
      });
      expect(awarded.metadata.actor).toEqual({ id: 'user-committee', roles: ['committee'] });
    });

    it('commits nothing for an award the application refuses (more than requested, stale If-Match, not recommended)', async () => {
      const { envelopeId, callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId);
      const tooMuch = await award(applicationId, { amount: usd(260_000) });
      expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'AWARD_EXCEEDS_REQUEST']);
      const stale = await award(applicationId, {}, { 'if-match': '"3"' });
      expect(stale.status).toBe(412);
      const scoredOnly = await scenario.scored(FIGUIG_ACCOUNT, callId);
      expect((await award(scoredOnly)).status).toBe(409);
      expect(await envelope(envelopeId)).toMatchObject({ committed: usd(0), commitments: [] });
      const revision = (await scenario.read('committee', applicationId)).headers.get('etag') as string;
      const awarded = await award(applicationId, {}, { 'if-match': revision });
      expect(awarded.body.events).toEqual(['FundsCommitted', 'GrantAwarded']);
      const again = await award(applicationId);
      expect([again.status, again.body.events]).toEqual([200, []]);
      expect(await envelope(envelopeId)).toMatchObject({ committed: usd(250_000) });
    });

    it('refuses an award outside the call’s funded set without a derogation, and records the ranking and the derogation', async () => {
      // The call funds USD 300,000 of a USD 500,000 envelope: the second in ranking order does not fit.
      const { envelopeId, callId } = await scenario.publishedCall({}, { budget: usd(300_000) });
      const first = await scenario.recommended(FIGUIG_ACCOUNT, callId, [90, 85, 80]);
      const second = await scenario.recommended('association', callId, [80, 75, 70]);
      const outside = await award(second, {}, { 'accept-language': 'fr' });
      expect([outside.status, outside.body.code, outside.body.rank]).toEqual([409, 'OUTSIDE_FUNDED_SET', 2]);
      expect(outside.body.errors).toEqual([{ pointer: '/derogation', detail: outside.body.detail }]);
      expect(outside.body.detail).toContain('dérogation');
      const ar = await award(second, {}, { 'accept-language': 'ar' });
      expect(ar.body.detail).toMatch(/[\u0600-\u06FF]/);
      expect(await envelope(envelopeId)).toMatchObject({ committed: usd(0), commitments: [] });
      const badDerogation = await award(second, { derogation: { reason: '', committeeMembers: [] } });
      expect(badDerogation.status).toBe(400);
      expect(badDerogation.body.errors.map((e: Json) => e.pointer).sort()).toEqual([
        '/derogation/committeeMembers',
        '/derogation/reason',
      ]);
      const unknownMember = await award(second, {
        derogation: { reason: 'Projet pilote.', committeeMembers: ['user-committee', 'nobody-known'] },
      });
      expect([unknownMember.status, unknownMember.body.code]).toEqual([400, 'UNKNOWN_COMMITTEE_MEMBER']);
      expect(unknownMember.body.errors[0].pointer).toBe('/derogation/committeeMembers/1');

      expect((await award(first)).body.events).toEqual(['FundsCommitted', 'GrantAwarded']);
      const derogation = {
        reason: 'Seul projet de la région de l’Oriental.',
        committeeMembers: ['member-b', 'user-committee'],
      };
      expect((await award(second, { derogation })).body.events).toEqual(['FundsCommitted', 'GrantAwarded']);
      const store = client.app.get<EventStore>(EVENT_STORE, { strict: false });
      const recorded = async (applicationId: string) =>
        (
          (await store.readStream(`grantApplication-${applicationId}`)).find(
            (e) => e.type === 'GrantAwarded',
          ) as Json
        ).data;
      expect(await recorded(first)).toMatchObject({
        ranking: { rank: 1, fundedSet: true },
        derogation: null,
      });
      expect(await recorded(second)).toMatchObject({
        ranking: { rank: 2, fundedSet: false },
        derogation: { reason: derogation.reason, committeeMembers: ['member-b', 'user-committee'] },
      });
    });

    it('gives back the unpaid part of an award the association withdraws', async () => {
      const { envelopeId, callId } = await scenario.publishedCall();
      const applicationId = await scenario.awarded('association', callId);
      expect(await envelope(envelopeId)).toMatchObject({ remaining: usd(250_000) });
      const withdrawn = await client.post('association', path(applicationId, 'withdraw'), {
        reason: 'Projet abandonné',
      });
      expect(withdrawn.body.events).toEqual(['GrantApplicationWithdrawn', 'CommitmentReleased']);
      expect(await envelope(envelopeId)).toMatchObject({ remaining: usd(500_000), committed: usd(0) });
    });
  });

  describe('rejections and appeals', () => {
    it('rejects with reasons and the envelope as it stands; the association appeals; the committee upholds and decides again', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.scored('association', callId);
      await client.post('committee', path(applicationId, 'recommendation'), {
        recommended: false,
        rationale: 'Budget.',
      });
      const rejected = await client.post('committee', path(applicationId, 'reject'), {
        reasons: ['Budget épuisé'],
      });
      expect(rejected.body).toMatchObject({
        events: ['GrantApplicationRejected'],
        envelope: { remainingBefore: usd(500_000), remainingAfter: usd(500_000) },
      });
      const decision = (await scenario.read('association', applicationId)).body.decision;
      expect(decision).toMatchObject({ kind: 'rejection', reasons: ['Budget épuisé'] });
      expect(Date.parse(decision.appealDeadline) - Date.parse(decision.decidedAt)).toBe(30 * 86_400_000);
      expect(
        (await client.post(FIGUIG_ACCOUNT, path(applicationId, 'appeal'), { grounds: 'x' })).status,
      ).toBe(404);
      const appeal = await client.post('association', path(applicationId, 'appeal'), {
        grounds: 'Le score omet notre cofinancement.',
      });
      expect(appeal.body.events).toEqual(['AppealLodged']);
      const second = await client.post('association', path(applicationId, 'appeal'), {
        grounds: 'Autre motif.',
      });
      expect([second.status, second.body.code]).toEqual([409, 'APPEAL_ALREADY_LODGED']);
      const upheld = await client.post('committee', path(applicationId, 'appeal/decision'), {
        upheld: true,
        rationale: 'Le cofinancement avait été omis.',
      });
      expect(upheld.body.events).toEqual(['AppealUpheld']);
      expect((await scenario.read('association', applicationId)).body.status).toBe('scored');
      const recommended = await client.post('committee', path(applicationId, 'recommendation'), {
        recommended: true,
        rationale: 'Revu après recours.',
      });
      expect(recommended.body.events).toEqual(['GrantApplicationRecommended']);
      expect((await award(applicationId)).body.events).toEqual(['FundsCommitted', 'GrantAwarded']);
    });

    it('refuses to decide an appeal nobody lodged', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId);
      const reply = await client.post('committee', path(applicationId, 'appeal/decision'), {
        upheld: false,
        rationale: 'r',
      });
      expect([reply.status, reply.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    });
  });

  describe('agreements and tranches', () => {
    it('signs an agreement whose tranches add up to the award, once', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.awarded('association', callId);
      const sign = (tranches: Json[]) =>
        client.post('officer', path(applicationId, 'agreement'), {
          signedOn: today(),
          signatories: MD_PARTIES,
          tranches,
        });
      const wrong = await sign([{ trancheId: 't1', amount: usd(200_000), dueOn: today() }]);
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].pointer).toBe('/tranches');
      const tranches = [
        { trancheId: 't1', amount: usd(100_000), dueOn: today() },
        { trancheId: 't2', amount: usd(150_000), dueOn: '2027-01-31' },
      ];
      expect((await sign(tranches)).body.events).toEqual(['GrantAgreementSigned']);
      expect((await sign(tranches)).body.events).toEqual([]);
      const other = await sign([{ trancheId: 't1', amount: usd(250_000), dueOn: today() }]);
      expect([other.status, other.body.code]).toEqual([409, 'AGREEMENT_ALREADY_SIGNED']);
    });

    it('releases tranches in order, each after the report on the previous one is approved; a returned report is resubmitted', async () => {
      const { envelopeId, callId } = await scenario.publishedCall();
      const applicationId = await scenario.awarded('association', callId);
      await client.post('officer', path(applicationId, 'agreement'), {
        signedOn: today(),
        signatories: MD_PARTIES,
        tranches: [
          { trancheId: 't1', amount: usd(100_000), dueOn: today() },
          { trancheId: 't2', amount: usd(150_000), dueOn: '2027-01-31' },
        ],
      });
      const tranche = (id: string, action: string) => path(applicationId, `tranches/${id}/${action}`);
      const beforeRelease = await client.post('association', tranche('t1', 'report'), {
        summary: 'Trop tôt.',
      });
      expect(beforeRelease.status).toBe(409);
      expect((await client.post('officer', tranche('t2', 'release'))).body.code).toBe('TRANCHE_GATED');
      expect((await client.post('officer', tranche('t9', 'release'))).status).toBe(404);
      expect((await client.post('officer', tranche('t1', 'release'))).body.events).toEqual([
        'TrancheReleased',
        'DisbursementRecorded',
      ]);
      expect((await client.post('officer', tranche('t1', 'release'))).body.events).toEqual([]);
      expect((await client.post(FIGUIG_ACCOUNT, tranche('t1', 'report'), { summary: 's' })).status).toBe(404);
      const first = await client.post('association', tranche('t1', 'report'), { summary: 'Travaux lancés.' });
      expect(first.body.reportId).toBe('report-t1-1');
      const returned = await client.post('officer', tranche('t1', 'review'), {
        approved: false,
        comment: 'Pièces manquantes.',
      });
      expect(returned.body.events).toEqual(['TrancheReportReturned']);
      expect((await client.post('officer', tranche('t2', 'release'))).body.code).toBe('TRANCHE_GATED');
      const resubmitted = await client.post('association', tranche('t1', 'report'), {
        summary: 'Avec les pièces.',
      });
      expect(resubmitted.body).toMatchObject({ reportId: 'report-t1-2', events: ['TrancheReportSubmitted'] });
      await client.post('officer', tranche('t1', 'review'), { approved: true, comment: 'Complet.' });
      expect((await client.post('officer', tranche('t2', 'release'))).body.events).toEqual([
        'TrancheReleased',
        'DisbursementRecorded',
      ]);
      expect(await envelope(envelopeId)).toMatchObject({ disbursed: usd(250_000), committed: usd(250_000) });
      const own = (await scenario.read('association', applicationId)).body;
      expect(
        own.agreement.tranches.map((t: Json) => [
          t.trancheId,
          t.releasedAt !== null,
          t.report?.status ?? null,
        ]),
      ).toEqual([
        ['t1', true, 'approved'],
        ['t2', true, null],
      ]);
    });

    it('refuses an agreement before the award', async () => {
      const { callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId, undefined, proposal());
      const reply = await client.post('officer', path(applicationId, 'agreement'), {
        signedOn: today(),
        signatories: ['a', 'b'],
        tranches: [{ trancheId: 't1', amount: usd(250_000), dueOn: today() }],
      });
      expect([reply.status, reply.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    });
  });
});
