import { FUNDING_DEMO_IDS } from '@tadamon/funding';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import {
  EVALUATOR_IDS,
  EVALUATORS,
  F,
  FIGUIG,
  FIGUIG_ACCOUNT,
  figuigProposal,
  FundingScenario,
  MD,
  proposal,
  sheet,
  today,
  total,
  usd,
} from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

describe('Funding, end to end over HTTP', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-flow');
    scenario = new FundingScenario(client);
    await scenario.ready();
  });
  afterAll(async () => {
    await client?.close();
  });

  it('takes two verified associations from a published call to awards within the envelope, an agreement and its tranches', async () => {
    // The officer opens the programme's envelope and drafts the call on it.
    const envelopeId = 'env-icmd2-iom-e2e';
    const opened = await client.post('officer', `${F}/envelopes`, {
      envelopeId,
      programmeId: 'icmd-phase-2',
      name: { fr: 'ICMD phase 2 : OIM', en: 'ICMD phase 2: IOM' },
      funderId: 'actor-iom',
      amount: usd(500_000),
      period: { start: '2025-01-01', end: '2027-12-31' },
    });
    expect(opened.status).toBe(201);
    expect(opened.headers.get('location')).toBe(`${F}/envelopes/${envelopeId}`);
    const callId = await scenario.draftCall(envelopeId);
    expect((await client.get('anonymous', `${F}/calls/${callId}`)).status).toBe(404);
    const read = await client.get('officer', `${F}/calls/${callId}`);
    expect(read.headers.get('etag')).toBe('"0"');
    const published = await client.post('officer', `${F}/calls/${callId}/publish`, undefined, {
      'if-match': '"0"',
    });
    expect(published.status).toBe(200);
    expect(published.body.events).toEqual(['CallForProposalsPublished']);
    const open = await eventually(
      () => client.get('anonymous', `${F}/calls?pageSize=100`),
      (reply) => reply.body.items.some((c: Json) => c.callId === callId),
      'the call in the public list',
    );
    expect(open.body.items.find((c: Json) => c.callId === callId)).toMatchObject({
      status: 'published',
      budget: usd(500_000),
      awardCriteria: { overallThreshold: 60 },
    });

    // M&D (the demo association user) and the Figuig cooperatives apply.
    const md = await scenario.draftApplication('association', callId, proposal());
    const figuig = await scenario.draftApplication(FIGUIG_ACCOUNT, callId, figuigProposal());
    for (const [who, applicationId] of [
      ['association', md],
      [FIGUIG_ACCOUNT, figuig],
    ] as const) {
      const submitted = await client.post(who, `${F}/applications/${applicationId}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body.events).toEqual(['GrantApplicationSubmitted']);
    }
    const mine = await eventually(
      () => client.get('association', `${F}/applications`),
      (reply) => reply.body.items.some((a: Json) => a.applicationId === md && a.status === 'submitted'),
      'my applications',
    );
    expect(mine.body.items.map((a: Json) => a.associationId)).toEqual(mine.body.items.map(() => MD));
    expect(mine.body.items[0]).not.toHaveProperty('evaluators');

    // The officer screens them and assigns the three evaluators.
    for (const applicationId of [md, figuig]) {
      const screened = await client.post('officer', `${F}/applications/${applicationId}/screen`);
      expect(screened.body.events).toEqual(['GrantApplicationFoundEligible']);
      for (const evaluatorId of EVALUATOR_IDS) {
        const assigned = await client.post('officer', `${F}/applications/${applicationId}/evaluators`, {
          evaluatorId,
        });
        expect(assigned.body).toMatchObject({ events: ['EvaluatorAssigned'], linksToApplicant: [] });
      }
    }
    const assignments = await eventually(
      () => client.get('evaluator2', `${F}/assignments?pageSize=100`),
      (reply) => [md, figuig].every((id) => reply.body.items.some((a: Json) => a.applicationId === id)),
      'the assignments of evaluator 2',
    );
    expect(assignments.body.items.find((a: Json) => a.applicationId === md)).toMatchObject({
      applicationStatus: 'under-evaluation',
      assignment: { evaluatorId: 'user-evaluator2', status: 'assigned' },
    });

    // Each evaluator declares no conflict, opens the dossier and scores it alone.
    const points: Record<string, number[]> = { [md]: [82, 78, 74], [figuig]: [80, 76, 72] };
    for (const applicationId of [md, figuig]) {
      for (const [i, evaluator] of EVALUATORS.entries()) {
        const path = `${F}/applications/${applicationId}`;
        expect((await client.get(evaluator, `${path}/dossier`)).status).toBe(409);
        await scenario.evaluate(evaluator, applicationId, points[applicationId][i]);
        const dossier = await client.get(evaluator, `${path}/dossier`);
        expect(dossier.status).toBe(200);
        expect(dossier.headers.get('etag')).toMatch(/^"\d+"$/);
        expect(dossier.body.evaluator.scores).toEqual(sheet(points[applicationId][i]));
        expect(dossier.body.awardCriteria.criteria).toHaveLength(3);
      }
      const consensus = await client.post('committee', `${F}/applications/${applicationId}/consensus`);
      expect(consensus.body.events).toEqual(['ConsensusScoreReached']);
    }
    const record = (await scenario.read('auditor', md)).body;
    expect(record.consensus).toMatchObject({
      consensus: 7800,
      passedThresholds: true,
      rulesVersion: '2026-1',
    });
    expect(record.evaluators.map((e: Json) => e.evaluatorId).sort()).toEqual(EVALUATOR_IDS);

    // The ranking: both pass and fit the budget, M&D first.
    const ranking = await eventually(
      () => client.get('committee', `${F}/calls/${callId}/ranking`),
      (reply) => reply.body.ranked?.length === 2,
      'the ranking of both applications',
    );
    expect(ranking.body).toMatchObject({
      scoringRulesVersion: '2026-1',
      criteriaVersion: 1,
      budget: usd(500_000),
      funded: usd(500_000),
      remaining: usd(0),
    });
    expect(ranking.body.ranked.map((r: Json) => [r.applicationId, r.rank, r.funded])).toEqual([
      [md, 1, true],
      [figuig, 2, true],
    ]);

    // The committee recommends and awards both; the envelope is then fully committed.
    for (const [i, applicationId] of [md, figuig].entries()) {
      const recommended = await client.post(
        'committee',
        `${F}/applications/${applicationId}/recommendation`,
        {
          recommended: true,
          rationale: 'Classé dans le budget de l’appel.',
          committeeMembers: ['user-committee'],
        },
      );
      expect(recommended.body).toMatchObject({ events: ['GrantApplicationRecommended'], rank: i + 1 });
      const awarded = await client.post('committee', `${F}/applications/${applicationId}/award`, {
        amount: usd(250_000),
        conditions: ['Rapport financier semestriel'],
        rationale: 'Projet classé et financé dans la limite de l’enveloppe.',
      });
      expect(awarded.status).toBe(200);
      expect(awarded.body).toMatchObject({
        events: ['FundsCommitted', 'GrantAwarded'],
        envelope: {
          envelopeId,
          remainingBefore: usd(500_000 - i * 250_000),
          remainingAfter: usd(250_000 - i * 250_000),
        },
      });
    }
    const award = (await scenario.read('auditor', figuig)).body;
    expect(award).toMatchObject({
      status: 'awarded',
      decision: { kind: 'award', amount: usd(250_000), envelopeId },
    });
    const envelope = await client.get('auditor', `${F}/envelopes/${envelopeId}`);
    expect(envelope.body).toMatchObject({ committed: usd(500_000), remaining: usd(0), disbursed: usd(0) });

    // The officer records the agreement and releases the tranches, each after the report on the previous one.
    const agreement = await client.post('officer', `${F}/applications/${md}/agreement`, {
      signedOn: today(),
      signatories: [MD, 'actor-iom', 'actor-ministry'],
      tranches: [
        { trancheId: 't1', amount: usd(150_000), dueOn: today() },
        { trancheId: 't2', amount: usd(100_000), dueOn: '2027-06-30' },
      ],
    });
    expect(agreement.body.events).toEqual(['GrantAgreementSigned']);
    const first = await client.post('officer', `${F}/applications/${md}/tranches/t1/release`);
    expect(first.body.events).toEqual(['TrancheReleased', 'DisbursementRecorded']);
    const early = await client.post('officer', `${F}/applications/${md}/tranches/t2/release`);
    expect([early.status, early.body.code]).toEqual([409, 'TRANCHE_GATED']);
    const report = await client.post('association', `${F}/applications/${md}/tranches/t1/report`, {
      summary: 'Six douars raccordés ; comité de gestion formé.',
    });
    expect(report.body).toMatchObject({ events: ['TrancheReportSubmitted'], reportId: 'report-t1-1' });
    const review = await client.post('officer', `${F}/applications/${md}/tranches/t1/review`, {
      approved: true,
      comment: 'Conforme.',
    });
    expect(review.body.events).toEqual(['TrancheReportApproved']);
    const second = await client.post('officer', `${F}/applications/${md}/tranches/t2/release`);
    expect(second.body.events).toEqual(['TrancheReleased', 'DisbursementRecorded']);

    // Envelope status per programme, the board and the association's own view.
    const programme = await eventually(
      () => client.get('auditor', `${F}/programmes/icmd-phase-2`),
      (reply) =>
        reply.body.envelopes?.some(
          (e: Json) => e.envelopeId === envelopeId && e.disbursed.amountMinor === 25_000_000,
        ),
      'the envelope status of the programme',
    );
    expect(programme.body.envelopes.find((e: Json) => e.envelopeId === envelopeId)).toMatchObject({
      amount: usd(500_000),
      committed: usd(500_000),
      disbursed: usd(250_000),
      remaining: usd(0),
      commitments: 2,
    });
    const board = await eventually(
      () => client.get('officer', `${F}/calls/${callId}/applications`),
      (reply) => reply.body.items.every((a: Json) => a.status === 'awarded'),
      'the board with both awards',
    );
    expect(board.body.total).toBe(2);
    expect(
      board.body.items
        .find((a: Json) => a.applicationId === md)
        .tranches.map((t: Json) => t.releasedAt !== null),
    ).toEqual([true, true]);
    const own = await scenario.read('association', md);
    expect(own.body).toMatchObject({ status: 'awarded', evaluatorCount: 3 });
    expect(own.body).not.toHaveProperty('evaluators');
    expect(JSON.stringify(own.body)).not.toContain('user-evaluator');
    expect(own.body.associationId).toBe(MD);
    expect((await scenario.read(FIGUIG_ACCOUNT, figuig)).body.associationId).toBe(FIGUIG);
  });

  it('serves the demo seeded on the first start: the ICMD phase 2 programme, its ranking and its awards', async () => {
    const ids = FUNDING_DEMO_IDS;
    const programme = await client.get('auditor', `${F}/programmes/${ids.programmes.icmdPhase2}`);
    expect(programme.body.totals).toEqual([
      expect.objectContaining({
        currency: 'USD',
        amount: total(usd(500_000)),
        committed: total(usd(500_000)),
        remaining: total(usd(0)),
      }),
    ]);
    const call = await client.get('anonymous', `${F}/calls/${ids.calls.icmdPhase2Morocco}`);
    expect(call.body).toMatchObject({ status: 'closed', scoringRulesVersion: '2025-1' });
    const ranking = await client.get('committee', `${F}/calls/${ids.calls.icmdPhase2Morocco}/ranking`);
    expect(ranking.body).toMatchObject({
      scoringRulesVersion: '2025-1',
      funded: usd(500_000),
      remaining: usd(0),
    });
    expect(ranking.body.ranked.map((r: Json) => [r.status, r.funded, r.rulesVersion])).toEqual([
      ['awarded', true, '2025-1'],
      ['awarded', true, '2025-1'],
    ]);
    const mine = await client.get('association', `${F}/applications?pageSize=100`);
    expect(mine.body.items.map((a: Json) => a.applicationId)).toContain(
      ids.applications.migrationsEtDeveloppement,
    );
    const eu = await client.get('officer', `${F}/programmes/${ids.programmes.euMobilityPartnership}`);
    expect(eu.body.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', amount: { amountMinor: '500000000', currency: 'EUR' } }),
    ]);
  });
});
