import type { RegionAggregateDto } from '../../api/generated';

export interface ProgrammeFigures {
  associations: number;
  openNeeds: number;
  /** Regions that at least one verified association originates from. */
  regionsWithAssociations: number;
  /** Open needs' estimated budget per currency, minor units (exact: summed as integers). */
  openBudget: { currency: string; amountMinor: bigint }[];
}

/** The programme's totals from the map's per-region figures (GET /api/registry/map/regions). */
export function programmeFigures(regions: readonly RegionAggregateDto[]): ProgrammeFigures {
  const budget = new Map<string, bigint>();
  for (const region of regions)
    for (const [currency, minor] of Object.entries(region.openBudget))
      budget.set(currency, (budget.get(currency) ?? 0n) + BigInt(minor));
  return {
    associations: regions.reduce((sum, r) => sum + r.associations, 0),
    openNeeds: regions.reduce((sum, r) => sum + r.openNeeds, 0),
    regionsWithAssociations: regions.filter((r) => r.associations > 0).length,
    openBudget: [...budget]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}
