import { describe, expect, it } from 'vitest';
import { formatConsensus, readRanking, sharePercent } from './ranking';

const MAD = (amountMinor: number) => ({ amountMinor, currency: 'MAD' });

const RANKING = {
  callId: 'call-1',
  scoringRulesVersion: '2026-1',
  budget: MAD(300_000_000),
  funded: MAD(250_000_000),
  remaining: MAD(50_000_000),
  ranked: [
    {
      applicationId: 'a',
      rank: 1,
      consensus: 8050,
      amount: MAD(150_000_000),
      funded: true,
      reason: 'funded',
      remainingAfter: MAD(150_000_000),
      associationId: 'assoc-a',
    },
    {
      applicationId: 'b',
      rank: 2,
      consensus: 7800,
      amount: MAD(100_000_000),
      funded: true,
      reason: 'funded',
      remainingAfter: MAD(50_000_000),
    },
    {
      applicationId: 'c',
      rank: 3,
      consensus: 7000,
      amount: MAD(90_000_000),
      funded: false,
      reason: 'beyond-budget',
      remainingAfter: null,
    },
    {
      applicationId: 'd',
      rank: null,
      consensus: 4000,
      amount: MAD(10_000_000),
      funded: false,
      reason: 'below-threshold',
      remainingAfter: null,
    },
  ],
};

describe('the call’s ranking as the committee reads it', () => {
  it('reads each line and puts the budget line after the last funded one', () => {
    const view = readRanking(RANKING);
    expect(view.lines.map((l) => [l.applicationId, l.rank, l.funded, l.reason])).toEqual([
      ['a', 1, true, 'funded'],
      ['b', 2, true, 'funded'],
      ['c', 3, false, 'beyond-budget'],
      ['d', null, false, 'below-threshold'],
    ]);
    expect(view.budgetLineAfter).toBe(2);
    expect(view.lines[0].associationId).toBe('assoc-a');
    expect(view.lines[2].remainingAfter).toBeUndefined();
    expect(view.remaining).toEqual(MAD(50_000_000));
  });

  it('has no budget line when nothing is funded', () => {
    expect(readRanking({ ...RANKING, ranked: [RANKING.ranked[3]] }).budgetLineAfter).toBeNull();
    expect(readRanking({}).lines).toEqual([]);
  });

  it('shows a consensus in hundredths as a score out of 100 in the reader’s digits', () => {
    expect(formatConsensus(8050, 'fr-MA')).toBe('80,50');
    expect(formatConsensus(7500, 'en-GB')).toBe('75.00');
    expect(formatConsensus(8050, 'ar-MA-u-nu-arab')).toBe('٨٠٫٥٠');
  });

  it('gives the funded share of the budget in whole percent, exactly on decimal strings', () => {
    expect(sharePercent(MAD(250_000_000), MAD(300_000_000))).toBe(83);
    expect(
      sharePercent(
        { amountMinor: '9007199254740993', currency: 'MAD' },
        { amountMinor: '9007199254740993', currency: 'MAD' },
      ),
    ).toBe(100);
    expect(sharePercent(undefined, MAD(1))).toBe(0);
    expect(sharePercent(MAD(1), MAD(0))).toBe(0);
  });
});
