import fc from 'fast-check';
import { ValidationFailed } from '../errors';
import { ScoringCriteria } from './award-criteria';
import { ScoreSheet } from './score-sheet';
import {
  CURRENT_SCORING_RULES_VERSION,
  isScoringRulesVersion,
  scoreWith,
  SCORING_RULES_VERSIONS,
  scoringRules,
  UnknownScoringRulesVersion,
} from './scoring-rules';

const criteria: ScoringCriteria = {
  criteria: [
    { criterionId: 'relevance', weight: 40, threshold: 50 },
    { criterionId: 'feasibility', weight: 35, threshold: 40 },
    { criterionId: 'sustainability', weight: 25, threshold: 0 },
  ],
  overallThreshold: 60,
};
const sheet = (
  evaluatorId: string,
  relevance: number,
  feasibility: number,
  sustainability: number,
): ScoreSheet => ({
  evaluatorId,
  scores: [
    { criterionId: 'relevance', points: relevance, comment: 'r' },
    { criterionId: 'feasibility', points: feasibility, comment: 'f' },
    { criterionId: 'sustainability', points: sustainability, comment: 's' },
  ],
});
const sheets = [sheet('ev-1', 70, 80, 60), sheet('ev-2', 71, 40, 65), sheet('ev-3', 71, 75, 90)];

describe('scoring rules', () => {
  it('keeps every version in a registry, the current one among them', () => {
    expect(SCORING_RULES_VERSIONS).toEqual(['2025-1', '2026-1']);
    expect(isScoringRulesVersion(CURRENT_SCORING_RULES_VERSION)).toBe(true);
    expect(isScoringRulesVersion('constructor')).toBe(false);
    expect(() => scoreWith('2019-1', criteria, sheets)).toThrow(UnknownScoringRulesVersion);
  });

  it('2025-1 takes the mean per criterion, in centipoints rounded half up, then the weighted sum', () => {
    const outcome = scoringRules['2025-1'](criteria, sheets);
    // relevance (70+71+71)/3 = 70.666.. -> 7067; feasibility 65 -> 6500; sustainability 71.666.. -> 7167
    expect(outcome.perCriterion.map((c) => c.consensus)).toEqual([7067, 6500, 7167]);
    // (40*7067 + 35*6500 + 25*7167) / 100 = 6893.55 -> 6894
    expect(outcome).toMatchObject({
      rulesVersion: '2025-1',
      consensus: 6894,
      passedThresholds: true,
      failedThresholds: [],
      evaluatorIds: ['ev-1', 'ev-2', 'ev-3'],
    });
    expect(outcome.perCriterion[1]).toEqual({
      criterionId: 'feasibility',
      weight: 35,
      threshold: 40,
      consensus: 6500,
      lowest: 40,
      highest: 80,
      passed: true,
    });
  });

  it('2026-1 takes the median per criterion, so one outlying evaluator weighs less', () => {
    const outcome = scoringRules['2026-1'](criteria, sheets);
    expect(outcome.perCriterion.map((c) => c.consensus)).toEqual([7100, 7500, 6500]);
    // (40*7100 + 35*7500 + 25*6500) / 100 = 7090
    expect(outcome.consensus).toBe(7090);
    expect(scoringRules['2026-1'](criteria, sheets.slice(0, 2)).perCriterion[0].consensus).toBe(7050);
  });

  it('lists the thresholds an application failed', () => {
    const outcome = scoreWith('2025-1', criteria, [sheet('ev-1', 45, 90, 90), sheet('ev-2', 50, 90, 90)]);
    expect(outcome.failedThresholds).toEqual(['relevance']);
    expect(outcome.passedThresholds).toBe(false);
    const low = scoreWith('2025-1', criteria, [sheet('ev-1', 60, 55, 50)]);
    expect(low.failedThresholds).toEqual(['overall']);
  });

  it('refuses sheets with a missing or unknown criterion, bad points, or the same evaluator twice', () => {
    let error: unknown;
    try {
      scoreWith('2025-1', criteria, [
        { evaluatorId: 'ev-1', scores: [{ criterionId: 'relevance', points: 101, comment: 'x' }] },
        sheet('ev-1', 1, 2, 3),
        {
          evaluatorId: 'ev-2',
          scores: [...sheet('ev-2', 1, 2, 3).scores, { criterionId: 'budget', points: 1, comment: 'x' }],
        },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).issues.map((i) => i.field)).toEqual([
      'sheets[0].scores[0].points',
      'sheets[0].scores',
      'sheets[0].scores',
      'sheets[1].evaluatorId',
      'sheets[2].scores[3].criterionId',
    ]);
    expect(() => scoreWith('2025-1', criteria, [])).toThrow(ValidationFailed);
  });

  it('gives, in every version, whole centipoints between the lowest and the highest points', () => {
    const points = fc.integer({ min: 0, max: 100 });
    const anySheets = fc.array(fc.tuple(points, points, points), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(anySheets, fc.constantFrom(...SCORING_RULES_VERSIONS), (tuples, version) => {
        const outcome = scoreWith(
          version,
          criteria,
          tuples.map(([a, b, c], i) => sheet(`ev-${i}`, a, b, c)),
        );
        for (const c of outcome.perCriterion) {
          expect(Number.isSafeInteger(c.consensus)).toBe(true);
          expect(c.consensus).toBeGreaterThanOrEqual(c.lowest * 100);
          expect(c.consensus).toBeLessThanOrEqual(c.highest * 100);
        }
        expect(outcome.consensus).toBeGreaterThanOrEqual(0);
        expect(outcome.consensus).toBeLessThanOrEqual(10_000);
        // Pure: the same input gives the same outcome.
        expect(
          scoreWith(
            version,
            criteria,
            tuples.map(([a, b, c], i) => sheet(`ev-${i}`, a, b, c)),
          ),
        ).toEqual(outcome);
      }),
      { numRuns: 300 },
    );
  });
});
