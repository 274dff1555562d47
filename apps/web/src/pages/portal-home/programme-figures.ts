import type { RegionAggregateDto } from '../../api/generated';

export interface NeedFigures {
  openNeeds: number;
  /** Open needs' estimated budget per currency, minor units (exact: summed as integers). */
  openBudget: { currency: string; amountMinor: bigint }[];
}

/** The open needs' totals from the map's per-region figures (GET /api/registry/map/regions). */
export function needFigures(regions: readonly RegionAggregateDto[]): NeedFigures {
  const budget = new Map<string, bigint>();
  for (const region of regions)
    for (const [currency, minor] of Object.entries(region.openBudget))
      budget.set(currency, (budget.get(currency) ?? 0n) + BigInt(minor));
  return {
    openNeeds: regions.reduce((sum, r) => sum + r.openNeeds, 0),
    openBudget: [...budget]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}

/** Counts per code, the largest first (ties by code, so the order is stable), at most `limit`. */
export function largestCounts(
  counts: Record<string, number>,
  limit: number,
): { code: string; count: number }[] {
  return Object.entries(counts)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, limit);
}
