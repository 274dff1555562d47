import fc from 'fast-check';
import { Money } from '@tadamon/reference-data';
import { CurrencyMismatch, ValidationFailed } from '../errors';
import { ScoringCriteria } from './award-criteria';
import { rankApplications, ScoredApplication } from './ranking';
import { ScoreSheet } from './score-sheet';
import { scoringRules, ScoringRulesVersion } from './scoring-rules';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const criteria: ScoringCriteria = {
  criteria: [
    { criterionId: 'relevance', weight: 50, threshold: 0 },
    { criterionId: 'feasibility', weight: 30, threshold: 0 },
    { criterionId: 'sustainability', weight: 20, threshold: 0 },
  ],
  overallThreshold: 50,
};

/** An application whose overall and per-criterion consensus are given directly (centipoints). */
const scored = (
  applicationId: string,
  consensus: number,
  {
    relevance = consensus,
    submittedAt = '2025-04-01T10:00:00Z',
    amount = usd(10_000_000),
    passed = true,
  } = {},
): ScoredApplication => ({
  applicationId,
  outcome: {
    consensus,
    passedThresholds: passed,
    perCriterion: [
      {
        criterionId: 'feasibility',
        weight: 30,
        threshold: 0,
        consensus,
        lowest: 0,
        highest: 100,
        passed: true,
      },
      {
        criterionId: 'relevance',
        weight: 50,
        threshold: 0,
        consensus: relevance,
        lowest: 0,
        highest: 100,
        passed: true,
      },
    ],
  },
  submittedAt,
  amount,
});

describe('rankApplications', () => {
  it('funds the ICMD phase 2 awards: two applications of USD 250,000 within USD 500,000', () => {
    const ranking = rankApplications(
      [
        scored('app-figuig', 7800, { amount: usd(25_000_000) }),
        scored('app-md', 8200, { amount: usd(25_000_000) }),
      ],
      usd(50_000_000),
    );
    expect(ranking.ranked.map((r) => [r.applicationId, r.rank, r.reason])).toEqual([
      ['app-md', 1, 'funded'],
      ['app-figuig', 2, 'funded'],
    ]);
    expect(ranking.remaining).toEqual(usd(0));
    expect(ranking.funded).toEqual(usd(50_000_000));
    expect(ranking.ranked[1].remainingAfter).toEqual(usd(0));
  });

  it('funds in rank order while the budget lasts; no lower-ranked application jumps ahead', () => {
    const ranking = rankApplications(
      [
        scored('a', 9000, { amount: usd(60) }),
        scored('b', 8000, { amount: usd(50) }),
        scored('c', 7000, { amount: usd(10) }),
        scored('d', 4000, { amount: usd(10), passed: false }),
      ],
      usd(100),
    );
    expect(ranking.ranked.map((r) => [r.applicationId, r.rank, r.funded, r.reason])).toEqual([
      ['a', 1, true, 'funded'],
      ['b', 2, false, 'beyond-budget'],
      ['c', 3, false, 'beyond-budget'],
      ['d', null, false, 'below-threshold'],
    ]);
    expect(ranking.remaining).toEqual(usd(40));
  });

  it('breaks a tie by the higher score on the heaviest criterion', () => {
    const ranking = rankApplications(
      [scored('a', 7000, { relevance: 6800 }), scored('b', 7000, { relevance: 7300 })],
      usd(100_000_000),
    );
    expect(ranking.ranked.map((r) => r.applicationId)).toEqual(['b', 'a']);
    expect(ranking.ranked[1].tie).toEqual({ rankedAfter: 'b', brokenBy: 'heaviest-criterion' });
    expect(ranking.ranked[0].tie).toBeNull();
  });

  it('then by the earlier submission', () => {
    const ranking = rankApplications(
      [
        scored('a', 7000, { submittedAt: '2025-04-02T09:00:00Z' }),
        scored('b', 7000, { submittedAt: '2025-04-01T18:00:00.000Z' }),
      ],
      usd(100_000_000),
    );
    expect(ranking.ranked.map((r) => r.applicationId)).toEqual(['b', 'a']);
    expect(ranking.ranked[1].tie).toEqual({ rankedAfter: 'b', brokenBy: 'earlier-submission' });
  });

  it('then by application id, always, so the order is total', () => {
    const ranking = rankApplications([scored('b', 7000), scored('a', 7000)], usd(100_000_000), []);
    expect(ranking.ranked.map((r) => r.applicationId)).toEqual(['a', 'b']);
    expect(ranking.ranked[1].tie).toEqual({ rankedAfter: 'a', brokenBy: 'application-id' });
    expect(ranking.tieBreakRules).toEqual(['application-id']);
  });

  it('applies the tie-break rules in the order the call gives', () => {
    const apps = [
      scored('a', 7000, { relevance: 9000, submittedAt: '2025-04-02T00:00:00Z' }),
      scored('b', 7000, { relevance: 6000, submittedAt: '2025-04-01T00:00:00Z' }),
    ];
    expect(rankApplications(apps, usd(1e8)).ranked.map((r) => r.applicationId)).toEqual(['a', 'b']);
    expect(
      rankApplications(apps, usd(1e8), ['earlier-submission', 'heaviest-criterion']).ranked.map(
        (r) => r.applicationId,
      ),
    ).toEqual(['b', 'a']);
  });

  it('refuses amounts in another currency than the budget, repeated ids and unknown rules', () => {
    expect(() =>
      rankApplications([scored('a', 1, { amount: { amountMinor: 1, currency: 'EUR' } })], usd(10)),
    ).toThrow(CurrencyMismatch);
    expect(() => rankApplications([scored('a', 1), scored('a', 2)], usd(10))).toThrow(ValidationFailed);
    expect(() => rankApplications([], usd(10), ['coin-toss' as 'application-id'])).toThrow(ValidationFailed);
  });

  describe('recomputed with another rules version', () => {
    const sheet = (evaluatorId: string, points: number): ScoreSheet => ({
      evaluatorId,
      scores: criteria.criteria.map((c) => ({ criterionId: c.criterionId, points, comment: 'ok' })),
    });
    // One enthusiastic evaluator: the mean follows them, the median does not.
    const sheetsOf: Record<string, ScoreSheet[]> = {
      'app-md': [sheet('ev-1', 95), sheet('ev-2', 55), sheet('ev-3', 55)],
      'app-figuig': [sheet('ev-1', 62), sheet('ev-2', 60), sheet('ev-3', 61)],
    };
    const rankWith = (version: ScoringRulesVersion) =>
      rankApplications(
        Object.entries(sheetsOf).map(([applicationId, sheets]) => ({
          applicationId,
          outcome: scoringRules[version](criteria, sheets),
          submittedAt: '2025-04-01T10:00:00Z',
          amount: usd(25_000_000),
        })),
        usd(25_000_000),
      );

    it('can fund another application: a rules change can change the ranking', () => {
      expect(rankWith('2025-1').ranked.map((r) => [r.applicationId, r.consensus, r.funded])).toEqual([
        ['app-md', 6833, true],
        ['app-figuig', 6100, false],
      ]);
      expect(rankWith('2026-1').ranked.map((r) => [r.applicationId, r.consensus, r.funded])).toEqual([
        ['app-figuig', 6100, true],
        ['app-md', 5500, false],
      ]);
    });
  });

  it('never funds more than the budget, funds a prefix of the ranking, and ignores the input order', () => {
    const app = fc.record({
      consensus: fc.integer({ min: 0, max: 10_000 }),
      relevance: fc.integer({ min: 0, max: 10_000 }),
      day: fc.integer({ min: 1, max: 3 }),
      amount: fc.integer({ min: 1, max: 1_000 }),
      passed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(app, { maxLength: 12 }), fc.integer({ min: 0, max: 5_000 }), (apps, budget) => {
        const input = apps.map((a, i) =>
          scored(`app-${i}`, a.consensus, {
            relevance: a.relevance,
            submittedAt: `2025-04-0${a.day}T00:00:00Z`,
            amount: usd(a.amount),
            passed: a.passed,
          }),
        );
        const ranking = rankApplications(input, usd(budget));
        const funded = ranking.ranked.filter((r) => r.funded);
        expect(funded.reduce((t, r) => t + r.amount.amountMinor, 0)).toBe(ranking.funded.amountMinor);
        expect(ranking.funded.amountMinor).toBeLessThanOrEqual(budget);
        const firstUnfunded = ranking.ranked.findIndex((r) => !r.funded);
        expect(
          ranking.ranked
            .slice(firstUnfunded < 0 ? ranking.ranked.length : firstUnfunded)
            .some((r) => r.funded),
        ).toBe(false);
        expect(rankApplications([...input].reverse(), usd(budget))).toEqual(ranking);
      }),
      { numRuns: 300 },
    );
  });

  describe('the decisions already taken', () => {
    it('keeps an award in the funded set with its money when a better application is scored after it', () => {
      const ranking = rankApplications(
        [
          { ...scored('awarded', 7000, { amount: usd(60) }), standing: 'awarded' },
          scored('later-better', 9000, { amount: usd(60) }),
        ],
        usd(100),
      );
      expect(ranking.ranked.map((r) => [r.applicationId, r.rank, r.funded, r.reason])).toEqual([
        ['later-better', 1, false, 'beyond-budget'],
        ['awarded', 2, true, 'funded'],
      ]);
      expect(ranking.remaining).toEqual(usd(40));
    });

    it('gives the money of a rejected or not recommended application to the next one in rank order', () => {
      const ranking = rankApplications(
        [
          { ...scored('declined', 9000, { amount: usd(60) }), standing: 'declined' },
          scored('next', 8000, { amount: usd(60) }),
        ],
        usd(100),
      );
      expect(ranking.ranked.map((r) => [r.applicationId, r.rank, r.funded, r.reason])).toEqual([
        ['declined', 1, false, 'declined'],
        ['next', 2, true, 'funded'],
      ]);
    });

    it('never shows less than nothing left when derogations awarded beyond the budget', () => {
      const ranking = rankApplications(
        [
          { ...scored('a', 9000, { amount: usd(80) }), standing: 'awarded' },
          { ...scored('b', 8000, { amount: usd(80) }), standing: 'awarded' },
          scored('c', 7000, { amount: usd(1) }),
        ],
        usd(100),
      );
      expect(ranking.funded).toEqual(usd(160));
      expect(ranking.remaining).toEqual(usd(0));
      expect(ranking.ranked.map((r) => r.reason)).toEqual(['funded', 'funded', 'beyond-budget']);
    });

    it('refuses an unknown standing', () => {
      expect(() =>
        rankApplications([{ ...scored('a', 9000), standing: 'maybe' as never }], usd(100)),
      ).toThrow(ValidationFailed);
    });

    it('never pushes a member of the funded set out when another member is awarded at most its amount', () => {
      const app = fc.record({
        consensus: fc.integer({ min: 0, max: 10_000 }),
        amount: fc.integer({ min: 1, max: 1_000 }),
        standing: fc.constantFrom('open', 'open', 'awarded', 'declined') as fc.Arbitrary<
          'open' | 'awarded' | 'declined'
        >,
      });
      fc.assert(
        fc.property(
          fc.array(app, { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 0, max: 5_000 }),
          fc.nat(),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (apps, budget, pick, share) => {
            const input = apps.map((a, i) => ({
              ...scored(`app-${i}`, a.consensus, { amount: usd(a.amount) }),
              standing: a.standing,
            }));
            const before = rankApplications(input, usd(budget));
            const open = before.ranked.filter(
              (r) => r.funded && input.find((x) => x.applicationId === r.applicationId)?.standing === 'open',
            );
            if (open.length === 0) return;
            const chosen = open[pick % open.length];
            const awardMinor = Math.max(1, Math.floor(chosen.amount.amountMinor * share));
            const after = rankApplications(
              input.map((x) =>
                x.applicationId === chosen.applicationId
                  ? { ...x, standing: 'awarded' as const, amount: usd(awardMinor) }
                  : x,
              ),
              usd(budget),
            );
            const fundedAfter = new Set(after.ranked.filter((r) => r.funded).map((r) => r.applicationId));
            for (const r of before.ranked.filter((x) => x.funded))
              expect(fundedAfter.has(r.applicationId)).toBe(true);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
