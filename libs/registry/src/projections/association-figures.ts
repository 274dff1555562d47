import { DocumentStore } from '@tadamon/read-store';
import { ASSOCIATION_DIRECTORY, AssociationDirectoryDoc } from './association-directory';
import { associationDirectoryFilter } from './association-directory-query';

/** The programme's association figures for the public portal. */
export interface AssociationFigures {
  /** Public (verified) associations. */
  associations: number;
  /** Per ISO 3166-1 host country: an association counts once in each country it lists. */
  byHostCountry: Record<string, number>;
  /** Per OECD DAC sector code: an association counts once in each sector it lists. */
  bySector: Record<string, number>;
  /**
   * Per 2015 region of origin: an association counts once in a region, whether it declared the
   * region, provinces of it, or both.
   */
  byOriginRegion: Record<string, number>;
}

const tally = (counts: Record<string, number>, codes: Iterable<string>) => {
  for (const code of new Set(codes)) counts[code] = (counts[code] ?? 0) + 1;
};

/**
 * Counted at query time from the directory, for the reason given in region-aggregates.ts: status
 * events do not carry the countries, sectors and regions, so kept counters could not be exact.
 * Cost: one read of the public associations' four code lists.
 */
export const associationFigures = async (docs: DocumentStore): Promise<AssociationFigures> => {
  const associations = await docs
    .collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY)
    .find(associationDirectoryFilter({ publicOnly: true }), {
      projection: { hostCountries: 1, sectors: 1, originRegions: 1, originProvinceRegions: 1 },
    });
  const figures: AssociationFigures = {
    associations: associations.length,
    byHostCountry: {},
    bySector: {},
    byOriginRegion: {},
  };
  for (const a of associations) {
    tally(figures.byHostCountry, a.hostCountries ?? []);
    tally(figures.bySector, a.sectors ?? []);
    tally(figures.byOriginRegion, [...(a.originRegions ?? []), ...(a.originProvinceRegions ?? [])]);
  }
  return figures;
};
