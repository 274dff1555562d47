import { RankedApplication } from '../../domain/scoring/ranking';
import { COMMITTEE, FundingHarness, usd } from './funding-harness';

export interface AwardRace {
  callId: string;
  envelopeId: string;
  /** Every application, in the order their awards were sent. */
  ids: string[];
  /** The call's ranking before the race. */
  ranking: { ranked: readonly RankedApplication[] };
  fundedSet: Set<string>;
  outside: string[];
  /** The applications outside the funded set whose award carries a derogation. */
  derogated: Set<string>;
  outcomes: PromiseSettledResult<unknown>[];
}

/**
 * Recommended applications of varied scores and amounts race for an award at once; the call's
 * budget funds about a third of them, the envelope twice that, so money alone would let many more
 * through. A few outside the funded set carry a derogation.
 */
export async function raceForAwards(
  funding: FundingHarness,
  options: { applications: number; derogations: number },
): Promise<AwardRace> {
  const scale = options.applications / 100;
  const { callId, envelopeId } = await funding.publishedCall(usd(600_000 * scale), {
    budget: usd(300_000 * scale),
  });
  const recommended = (i: number): Promise<string> => {
    const associationId = `assoc-${i}`;
    funding.verified(associationId);
    // Scores 61 to 99 (every threshold passed), amounts USD 5,000 to 14,000: rank and money differ.
    const points = 61 + ((i * 37) % 39);
    return funding.recommended(
      callId,
      associationId,
      { amountRequested: usd(5_000 + ((i * 53) % 10) * 1_000), coFinancing: usd(0) },
      [points, points, points],
    );
  };
  const ids: string[] = [];
  // Prepared ten at a time: the race below is what the tests are about.
  for (let i = 0; i < options.applications; i += 10)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, options.applications - i) }, (_, k) => recommended(i + k)),
      )),
    );
  await funding.project();
  const { ranking } = await funding.ranking.rank(callId);
  const fundedSet = new Set(ranking.ranked.filter((r) => r.funded).map((r) => r.applicationId));
  const outside = ranking.ranked.filter((r) => !r.funded).map((r) => r.applicationId);
  const derogated = new Set(outside.filter((_, i) => i % 11 === 0).slice(0, options.derogations));

  const outcomes = await Promise.allSettled(
    ids.map((applicationId) =>
      funding.decisions.award(
        applicationId,
        {
          conditions: [],
          rationale: 'Décision du comité.',
          committeeMembers: [COMMITTEE.id],
          derogation: derogated.has(applicationId)
            ? { reason: 'Équilibre territorial.', committeeMembers: [COMMITTEE.id] }
            : null,
        },
        COMMITTEE,
      ),
    ),
  );
  return { callId, envelopeId, ids, ranking, fundedSet, outside, derogated, outcomes };
}
