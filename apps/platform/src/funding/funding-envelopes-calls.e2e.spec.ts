import { Caller, eventually, Json, PlatformClient, problemType } from '../registry/testing/platform-client';
import { callTerms, envelopeBody, F, FundingScenario, newId, total, usd } from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const READERS: Caller[] = ['officer', 'committee', 'auditor', 'admin'];
const NOT_READERS: Caller[] = ['association', 'evaluator1', 'partner'];
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('Funding API: budget envelopes, programmes and calls', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-envelopes-calls');
    scenario = new FundingScenario(client);
  });
  afterAll(async () => {
    await client?.close();
  });

  describe('budget envelopes', () => {
    it('lets the officer open an envelope, read as a stream with its revision as ETag', async () => {
      const envelopeId = newId('env');
      const opened = await client.post('officer', `${F}/envelopes`, envelopeBody({ envelopeId }));
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ envelopeId, revision: 0, events: ['BudgetEnvelopeOpened'] });
      expect(opened.headers.get('etag')).toBe('"0"');
      for (const reader of READERS) {
        const read = await client.get(reader, `${F}/envelopes/${envelopeId}`);
        expect(read.status).toBe(200);
        expect(read.headers.get('etag')).toBe('"0"');
        expect(read.body).toMatchObject({
          envelopeId,
          status: 'open',
          programmeId: 'icmd-phase-2',
          amount: usd(500_000),
          committed: usd(0),
          remaining: usd(500_000),
          commitments: [],
        });
      }
      for (const other of NOT_READERS)
        expect((await client.get(other, `${F}/envelopes/${envelopeId}`)).status).toBe(403);
      expect((await client.get('officer', `${F}/envelopes/env-none`)).status).toBe(404);
    });

    it('is idempotent for the same terms and refuses other terms under the same id', async () => {
      const envelopeId = newId('env');
      await client.post('officer', `${F}/envelopes`, envelopeBody({ envelopeId }));
      const again = await client.post('officer', `${F}/envelopes`, envelopeBody({ envelopeId }));
      expect([again.status, again.body.events]).toEqual([201, []]);
      const other = await client.post(
        'officer',
        `${F}/envelopes`,
        envelopeBody({ envelopeId, amount: usd(1) }),
      );
      expect([other.status, other.body.code]).toEqual([409, 'ALREADY_CREATED']);
      expect(other.body.type).toBe(problemType('conflict'));
    });

    it('refuses bad terms with every field named (period, currency, amount)', async () => {
      const reply = await client.post(
        'officer',
        `${F}/envelopes`,
        envelopeBody({ period: { start: '2027-01-01', end: '2026-01-01' } }),
      );
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([
        { pointer: '/period/end', detail: 'must not be before period.start' },
      ]);
      const dto = await client.post(
        'officer',
        `${F}/envelopes`,
        envelopeBody({ amount: { amountMinor: 0, currency: 'XXX' } }),
      );
      expect(dto.status).toBe(400);
      expect(dto.body.errors.map((e: Json) => e.pointer).sort()).toEqual([
        '/amount/amountMinor',
        '/amount/currency',
      ]);
    });

    it('closes an envelope with a reason; If-Match guards the close', async () => {
      const envelopeId = await scenario.openEnvelope();
      const stale = await client.post(
        'officer',
        `${F}/envelopes/${envelopeId}/close`,
        { reason: 'fin' },
        { 'if-match': '"7"' },
      );
      expect(stale.status).toBe(412);
      const closed = await client.post(
        'officer',
        `${F}/envelopes/${envelopeId}/close`,
        { reason: 'Programme terminé' },
        { 'if-match': '"0"' },
      );
      expect(closed.body).toMatchObject({ revision: 1, events: ['BudgetEnvelopeClosed'] });
      expect((await client.get('auditor', `${F}/envelopes/${envelopeId}`)).body.status).toBe('closed');
    });

    it('sums a programme’s envelopes per currency, never across currencies', async () => {
      const programmeId = newId('prog');
      await scenario.openEnvelope({ programmeId, amount: usd(500_000) });
      await scenario.openEnvelope({ programmeId, amount: usd(100_000) });
      await scenario.openEnvelope({ programmeId, amount: { amountMinor: 500_000_000, currency: 'EUR' } });
      const programme = await eventually(
        () => client.get('committee', `${F}/programmes/${programmeId}`),
        (reply) => reply.body.envelopes?.length === 3,
        'the programme status',
      );
      expect(programme.body.totals).toEqual([
        {
          currency: 'EUR',
          amount: { amountMinor: '500000000', currency: 'EUR' },
          committed: { amountMinor: '0', currency: 'EUR' },
          disbursed: { amountMinor: '0', currency: 'EUR' },
          remaining: { amountMinor: '500000000', currency: 'EUR' },
        },
        {
          currency: 'USD',
          amount: total(usd(600_000)),
          committed: total(usd(0)),
          disbursed: total(usd(0)),
          remaining: total(usd(600_000)),
        },
      ]);
      const list = await client.get('auditor', `${F}/envelopes?programmeId=${programmeId}`);
      expect(list.body.total).toBe(3);
      expect(list.body.items[0]).not.toHaveProperty('_position');
      expect((await client.get('officer', `${F}/programmes/prog-none`)).status).toBe(404);
    });
  });

  describe('calls for proposals', () => {
    it('keeps a draft out of public view, revises it (criteria version), then publishes it', async () => {
      const envelopeId = await scenario.openEnvelope();
      const callId = await scenario.draftCall(envelopeId);
      for (const who of ['anonymous', 'association', 'evaluator1', 'partner'] as Caller[])
        expect((await client.get(who, `${F}/calls/${callId}`)).status).toBe(404);
      for (const who of READERS) expect((await client.get(who, `${F}/calls/${callId}`)).status).toBe(200);
      const drafts = await eventually(
        () => client.get('officer', `${F}/calls?status=draft&pageSize=100`),
        (reply) => reply.body.items.some((c: Json) => c.callId === callId),
        'the draft in the officer’s list',
      );
      expect(drafts.body.items.every((c: Json) => c.status === 'draft')).toBe(true);
      const criteria = { ...callTerms(envelopeId).awardCriteria, overallThreshold: 65 };
      const revised = await client.patch(
        'officer',
        `${F}/calls/${callId}`,
        { awardCriteria: criteria },
        { 'if-match': '"0"' },
      );
      expect(revised.body).toMatchObject({ revision: 1, events: ['CallForProposalsRevised'] });
      const stale = await client.post('officer', `${F}/calls/${callId}/publish`, undefined, {
        'if-match': '"0"',
      });
      expect(stale.status).toBe(412);
      expect((await client.post('officer', `${F}/calls/${callId}/publish`, { extra: 1 })).status).toBe(400);
      const published = await client.post('officer', `${F}/calls/${callId}/publish`, undefined, {
        'if-match': '"1"',
      });
      expect(published.body.events).toEqual(['CallForProposalsPublished']);
      const read = await client.get('anonymous', `${F}/calls/${callId}`);
      expect(read.body).toMatchObject({
        status: 'published',
        criteriaVersion: 2,
        awardCriteria: { overallThreshold: 65 },
      });
      expect(read.headers.get('etag')).toBe('"2"');
      const frozen = await client.patch('officer', `${F}/calls/${callId}`, { evaluatorsPerProposal: 4 });
      expect([frozen.status, frozen.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    });

    it('checks the envelope a call draws on: it exists, is of the programme, in its currency, within its amount', async () => {
      const envelopeId = await scenario.openEnvelope();
      const draft = (terms: Json) => client.post('officer', `${F}/calls`, { terms });
      const pointerOf = async (terms: Json) => {
        const reply = await draft(terms);
        expect(reply.status).toBe(400);
        return reply.body.errors[0].pointer;
      };
      expect(await pointerOf(callTerms('env-none'))).toBe('/terms/envelopeId');
      expect(await pointerOf(callTerms(envelopeId, { programmeId: 'other' }))).toBe('/terms/programmeId');
      expect(await pointerOf(callTerms(envelopeId, { budget: { amountMinor: 100, currency: 'EUR' } }))).toBe(
        '/terms/budget/currency',
      );
      expect(await pointerOf(callTerms(envelopeId, { budget: usd(600_000) }))).toBe(
        '/terms/budget/amountMinor',
      );
      expect(await pointerOf(callTerms(envelopeId, { evaluatorsPerProposal: 2 }))).toBe(
        '/terms/evaluatorsPerProposal',
      );
      const weights = {
        criteria: [{ criterionId: 'c', name: { fr: 'C' }, weight: 90, threshold: 0 }],
        overallThreshold: 0,
      };
      expect(await pointerOf(callTerms(envelopeId, { awardCriteria: weights }))).toBe(
        '/terms/awardCriteria/criteria',
      );
    });

    it('lists only open calls to the public: published, deadline not passed', async () => {
      const { callId } = await scenario.publishedCall();
      const envelopeId = await scenario.openEnvelope();
      const draft = await scenario.draftCall(envelopeId);
      for (const who of ['anonymous', 'association', 'evaluator1'] as Caller[]) {
        const list = await eventually(
          () => client.get(who, `${F}/calls?pageSize=100`),
          (reply) => reply.body.items.some((c: Json) => c.callId === callId),
          'the open call',
        );
        expect(list.body.items.every((c: Json) => c.status === 'published')).toBe(true);
        expect(list.body.items.map((c: Json) => c.callId)).not.toContain(draft);
      }
      const all = await client.get('auditor', `${F}/calls?pageSize=100`);
      expect(all.body.items.map((c: Json) => c.callId)).toEqual(expect.arrayContaining([callId, draft]));
      expect((await client.get('anonymous', `${F}/calls?pageSize=1000`)).status).toBe(400);
    });

    it('extends a deadline (never earlier), and closes a call only once its deadline has passed', async () => {
      const envelopeId = await scenario.openEnvelope();
      const callId = await scenario.draftCall(envelopeId, { deadline: inSeconds(2) });
      await client.post('officer', `${F}/calls/${callId}/publish`);
      const early = await client.post('officer', `${F}/calls/${callId}/close`);
      expect([early.status, early.body.code]).toEqual([409, 'CALL_STILL_OPEN']);
      expect(early.body.deadline).toBeDefined();
      const earlier = await client.post('officer', `${F}/calls/${callId}/extend-deadline`, {
        deadline: inSeconds(1),
      });
      expect(earlier.status).toBe(400);
      const later = inSeconds(3);
      const extended = await client.post('officer', `${F}/calls/${callId}/extend-deadline`, {
        deadline: later,
      });
      expect(extended.body.events).toEqual(['CallDeadlineExtended']);
      await new Promise((resolve) => setTimeout(resolve, Date.parse(later) - Date.now() + 50));
      const closed = await client.post('officer', `${F}/calls/${callId}/close`);
      expect(closed.body.events).toEqual(['CallForProposalsClosed']);
      expect((await client.get('anonymous', `${F}/calls/${callId}`)).body.status).toBe('closed');
      const open = await client.get('anonymous', `${F}/calls?pageSize=100`);
      expect(open.body.items.map((c: Json) => c.callId)).not.toContain(callId);
    });

    it('gives a refusal’s detail in Arabic, French or English, with a stable code', async () => {
      const envelopeId = await scenario.openEnvelope();
      const callId = await scenario.draftCall(envelopeId);
      const close = (language: string) =>
        client.post('officer', `${F}/calls/${callId}/close`, undefined, { 'accept-language': language });
      const [ar, fr, en] = [await close('ar'), await close('fr'), await close('en')];
      expect([ar.body.code, fr.body.code, en.body.code]).toEqual(Array(3).fill('INVALID_TRANSITION'));
      expect(ar.body.detail).toMatch(/[\u0600-\u06FF]/);
      expect(fr.body.detail).toMatch(/^Cette action/);
      expect(en.body.detail).toMatch(/^This action/);
    });
  });
});
