import { collectionHash, MingoDocumentStore, ProjectionRunner } from '@tadamon/read-store';
import { COMMITTEE, evaluator, FundingHarness, OFFICER, usd } from '../application/testing/funding-harness';
import { ApplicationDoc, applicationsFilter, FUNDING_APPLICATIONS, tranchesInOrder } from './applications';
import { CallDoc, callsFilter, FUNDING_CALLS } from './calls';
import { documentKey } from './document-keys';
import { EnvelopeDoc, FUNDING_ENVELOPES } from './envelopes';
import { fundingProjections } from './index';

const award = { conditions: [], rationale: 'Dans le budget.', committeeMembers: [COMMITTEE.id] };

describe('Funding read models (on a SQLite log in memory)', () => {
  let funding: FundingHarness;
  beforeEach(() => {
    funding = new FundingHarness();
    funding.verified('assoc-md');
  });
  afterEach(() => funding.close());

  /** A call with an awarded application, its agreement and a first tranche paid. */
  const history = async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    await funding.decisions.award(applicationId, award, COMMITTEE);
    await funding.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'SignGrantAgreement',
        data: {
          applicationId,
          agreementId: 'agr.1',
          signedOn: '2025-01-02',
          signatories: ['a', 'b'],
          tranches: [
            { trancheId: 't.2', amount: usd(100_000), dueOn: '2025-02-01' },
            { trancheId: 't.1', amount: usd(150_000), dueOn: '2026-01-01' },
          ],
        },
      },
      OFFICER,
    );
    await funding.decisions.releaseTranche(applicationId, 't.2', OFFICER);
    return { envelopeId, callId, applicationId };
  };

  it('keeps a board line per application: evaluators (ids with dots), consensus, decision, tranches in order', async () => {
    const { callId, applicationId } = await history();
    await funding.project();
    const doc = (await funding.docs
      .collection<ApplicationDoc>(FUNDING_APPLICATIONS)
      .get(applicationId)) as ApplicationDoc;
    expect(doc).toMatchObject({
      callId,
      associationId: 'assoc-md',
      status: 'awarded',
      consensus: { consensus: 7500, passedThresholds: true, rulesVersion: '2026-1' },
      decision: { kind: 'award', amount: usd(250_000) },
      agreement: { agreementId: 'agr.1' },
    });
    expect(Object.keys(doc.evaluators)).toEqual(['ev%2E1', 'ev%2E2', 'ev%2E3']);
    expect(doc.evaluators[documentKey('ev.2')]).toMatchObject({
      evaluatorId: 'ev.2',
      status: 'assigned',
      declaration: 'no-conflict',
    });
    expect(tranchesInOrder(doc).map((t) => [t.trancheId, t.releasedAt !== null])).toEqual([
      ['t.2', true],
      ['t.1', false],
    ]);
    const mine = await funding.docs
      .collection<ApplicationDoc>(FUNDING_APPLICATIONS)
      .find(applicationsFilter({ evaluatorId: evaluator(3).id }));
    expect(mine.map((d) => d.applicationId)).toEqual([applicationId]);
  });

  it('keeps each envelope’s committed, disbursed and remaining amounts, and the calls as published', async () => {
    const { envelopeId, callId } = await history();
    await funding.project();
    const envelope = await funding.docs.collection<EnvelopeDoc>(FUNDING_ENVELOPES).get(envelopeId);
    expect(envelope).toMatchObject({
      amount: usd(500_000),
      committed: usd(250_000),
      disbursed: usd(100_000),
      remaining: usd(250_000),
      commitments: 1,
    });
    const open = await funding.docs
      .collection<CallDoc>(FUNDING_CALLS)
      .find(callsFilter({ openAt: new Date().toISOString() }));
    expect(open.map((c) => [c.callId, c.status, c.criteriaVersion])).toEqual([[callId, 'published', 1]]);
    const later = await funding.docs
      .collection<CallDoc>(FUNDING_CALLS)
      .find(callsFilter({ openAt: new Date(Date.now() + 60 * 86_400_000).toISOString() }));
    expect(later).toEqual([]);
  });

  it('gives identical documents when rebuilt, and when a batch is replayed', async () => {
    await history();
    await funding.project();
    for (const projection of fundingProjections) {
      const other = new MingoDocumentStore();
      const runner = new ProjectionRunner(funding.store, other, projection, { batchSize: 7 });
      await runner.rebuild();
      for (const collection of projection.collections)
        expect(await collectionHash(other, collection)).toBe(await collectionHash(funding.docs, collection));
      await other.collection('_projection_checkpoints').upsert(projection.name, { $set: { position: 3 } });
      await runner.catchUp();
      for (const collection of projection.collections)
        expect(await collectionHash(other, collection)).toBe(await collectionHash(funding.docs, collection));
    }
  });
});
