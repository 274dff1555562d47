import { CURRENT_REGIONS, LocalizedNames } from '@tadamon/reference-data';
import { DocumentStore } from '@tadamon/read-store';
import { ASSOCIATION_DIRECTORY } from './association-directory';
import { associationDirectoryFilter } from './association-directory-query';
import { openNeedFigures } from './needs-by-area';
import { REGIONAL_NEEDS, RegionalNeedDoc } from './regional-needs';

/** What the map shows for one 2015 region. */
export interface RegionAggregate {
  region: string;
  names: LocalizedNames;
  /** Public (verified) associations whose origins lie in the region. */
  associations: number;
  openNeeds: number;
  /** Open needs by OECD DAC sector code. */
  openNeedsBySector: Record<string, number>;
  /**
   * Total estimated budget of the open needs per currency: minor units as a decimal string, exact
   * at any size (each budget is capped, their sum is not).
   */
  openBudget: Record<string, string>;
}

/**
 * The map's per-region figures, computed at query time from the directory and the catalogue.
 *
 * Not a projection of its own on purpose: the status events (AssociationVerified, Suspended,
 * Reinstated, Dissolved, Merged; RegionalNeedMatched, Addressed, Withdrawn) carry neither the
 * regions nor the sector and budget, and `project` may not read, so `$inc` counters could not be
 * kept exact. The directory and catalogue documents hold the current state, so counting them is.
 * Cost: one count per region (12) and one read of the open needs' region, sector and budget.
 */
export const regionAggregates = async (docs: DocumentStore): Promise<RegionAggregate[]> => {
  const associations = docs.collection(ASSOCIATION_DIRECTORY);
  const counts = await Promise.all(
    CURRENT_REGIONS.map((r) =>
      associations.count(associationDirectoryFilter({ publicOnly: true, region: r.code })),
    ),
  );
  const needs = await docs
    .collection<RegionalNeedDoc>(REGIONAL_NEEDS)
    .find({ open: true }, { projection: { region: 1, sector: 1, priority: 1, estimatedBudget: 1 } });
  const figures = openNeedFigures(needs, (need) => need.region);
  return CURRENT_REGIONS.map((r, i) => {
    const open = figures.get(r.code);
    return {
      region: r.code,
      names: r.names,
      associations: counts[i],
      openNeeds: open?.openNeeds ?? 0,
      openNeedsBySector: open?.openNeedsBySector ?? {},
      openBudget: open?.openBudget ?? {},
    };
  });
};
