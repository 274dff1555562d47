import { awardTerms } from '../domain/budget-envelope/budget-envelope.fixtures';
import { OutsideFundedSet } from '../domain/grant-application/grant-application-errors';
import { COMMITTEE, FundingHarness, usd } from './testing/funding-harness';

describe('CallRanking (on a SQLite log in memory)', () => {
  let funding: FundingHarness;
  beforeEach(() => {
    funding = new FundingHarness();
    for (const id of ['a1', 'a2', 'a3', 'a4']) funding.verified(id);
  });
  afterEach(() => funding.close());

  it('ranks by consensus, breaks ties by the heaviest criterion, funds in rank order within the budget', async () => {
    const { callId } = await funding.publishedCall(usd(500_000));
    // a1 and a2 tie overall (75.00, medians of the same sheets); a2 is stronger on relevance (weight 40).
    const tie1 = { relevance: 70, feasibility: 80, sustainability: 76 };
    const tie2 = { relevance: 80, feasibility: 70, sustainability: 74 };
    const a1 = await funding.scored(callId, 'a1', [tie1, tie1, tie1]);
    const a2 = await funding.scored(callId, 'a2', [tie2, tie2, tie2]);
    const a3 = await funding.scored(callId, 'a3', [90, 90, 90]);
    const a4 = await funding.scored(callId, 'a4', [30, 30, 30]);
    await funding.project();
    const { ranking, scoringRulesVersion, applications } = await funding.ranking.rank(callId);
    expect(scoringRulesVersion).toBe('2026-1');
    expect(ranking.ranked.map((r) => [r.applicationId, r.rank, r.reason, r.tie?.brokenBy ?? null])).toEqual([
      [a3, 1, 'funded', null],
      [a2, 2, 'funded', null],
      [a1, 3, 'beyond-budget', 'heaviest-criterion'],
      [a4, null, 'below-threshold', null],
    ]);
    expect(ranking.remaining).toEqual(usd(0));
    expect(applications[a1]).toMatchObject({ associationId: 'a1', status: 'scored', rulesVersion: '2026-1' });
  });

  it('ranks an application from its stream when the read model has not caught up with it yet', async () => {
    const { callId } = await funding.publishedCall();
    const first = await funding.scored(callId, 'a1', [70, 70, 70]);
    await funding.project();
    const second = await funding.scored(callId, 'a2', [90, 90, 90]);
    const loaded = await funding.commands.load('grantApplication', second);
    if (!loaded || loaded.state.status === 'none') throw new Error('no application');
    expect(await funding.ranking.rankOf(loaded.state)).toBe(1);
    const { ranking } = await funding.ranking.rank(callId);
    expect(ranking.ranked.map((r) => r.applicationId)).toEqual([first]);
  });

  it('counts the funds committed for an award not yet recorded nor projected: they are held, not free', async () => {
    const { callId, envelopeId } = await funding.publishedCall(usd(1_000_000), { budget: usd(500_000) });
    const recommend = (associationId: string, points: number) =>
      funding.recommended(callId, associationId, {}, [points, points, points]);
    const a = await recommend('a1', 90);
    const b = await recommend('a2', 80);
    const c = await recommend('a3', 70);
    await funding.project();
    // A derogated award of c is under way: its funds are committed, its decision not recorded yet.
    await funding.commands.execute(
      'budgetEnvelope',
      envelopeId,
      {
        type: 'CommitFunds',
        data: {
          envelopeId,
          applicationId: c,
          amount: usd(250_000),
          award: {
            ...awardTerms('award-of-c'),
            ranking: { rank: 3, fundedSet: false },
            derogation: { reason: 'Équilibre territorial.', committeeMembers: [COMMITTEE.id] },
          },
        },
      },
      COMMITTEE,
    );
    const { ranking } = await funding.ranking.rank(callId);
    expect(ranking.ranked.map((r) => [r.applicationId, r.funded])).toEqual([
      [a, true],
      [b, false],
      [c, true],
    ]);
    const award = { conditions: [], rationale: 'r', committeeMembers: [COMMITTEE.id], derogation: null };
    await expect(funding.decisions.award(b, award, COMMITTEE)).rejects.toBeInstanceOf(OutsideFundedSet);
    expect((await funding.decisions.award(a, award, COMMITTEE)).events).toContain('GrantAwarded');
  });
});
