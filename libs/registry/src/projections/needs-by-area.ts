import { AreaFeatureCollection, AreaLevel, areaFeatureCollection, exactMinor } from '@tadamon/reference-data';
import { DocumentStore } from '@tadamon/read-store';
import { NeedPriority } from '../domain/regional-need/regional-need';
import { REGIONAL_NEEDS, RegionalNeedDoc, regionalNeedsFilter } from './regional-needs';

/** What the needs layer says of one area. */
export interface NeedsAreaFigures {
  openNeeds: number;
  /** Open needs by OECD DAC sector code. */
  openNeedsBySector: Record<string, number>;
  openNeedsByPriority: Partial<Record<NeedPriority, number>>;
  /** Their estimated budgets per currency: minor units as a decimal string, exact at any size. */
  openBudget: Record<string, string>;
}

export interface NeedsByAreaQuery {
  level: AreaLevel;
  sector?: string;
  priority?: NeedPriority;
}

const noNeeds = (): NeedsAreaFigures => ({
  openNeeds: 0,
  openNeedsBySector: {},
  openNeedsByPriority: {},
  openBudget: {},
});

/** Open needs counted per area (`areaOf` names a need's, or null), budgets summed exactly in BigInt. */
export const openNeedFigures = <N extends Pick<RegionalNeedDoc, 'sector' | 'priority' | 'estimatedBudget'>>(
  needs: readonly N[],
  areaOf: (need: N) => string | null,
): Map<string, NeedsAreaFigures> => {
  const figures = new Map<string, NeedsAreaFigures>();
  const budgets = new Map<string, Map<string, bigint>>();
  for (const need of needs) {
    const code = areaOf(need);
    if (!code) continue;
    const area = figures.get(code) ?? noNeeds();
    area.openNeeds++;
    area.openNeedsBySector[need.sector] = (area.openNeedsBySector[need.sector] ?? 0) + 1;
    area.openNeedsByPriority[need.priority] = (area.openNeedsByPriority[need.priority] ?? 0) + 1;
    figures.set(code, area);
    const budget = budgets.get(code) ?? new Map<string, bigint>();
    const { currency, amountMinor } = need.estimatedBudget;
    budget.set(currency, (budget.get(currency) ?? 0n) + exactMinor(amountMinor));
    budgets.set(code, budget);
  }
  for (const [code, budget] of budgets) {
    const area = figures.get(code) as NeedsAreaFigures;
    for (const [currency, minor] of budget) area.openBudget[currency] = minor.toString();
  }
  return figures;
};

/**
 * The open needs of the catalogue as a GeoJSON layer of areas: every region, or every province and
 * prefecture, with its outline and its open needs (zeros included). A need located at a province
 * counts in that province and in its region; one published for a whole region counts in the
 * region layer only (no province may claim it). Counted at query time, like the map's per-region
 * figures (region-aggregates.ts says why no projection keeps these counters).
 */
export const needsByArea = async (
  docs: DocumentStore,
  query: NeedsByAreaQuery,
): Promise<AreaFeatureCollection<NeedsAreaFigures>> => {
  const needs = await docs
    .collection<RegionalNeedDoc>(REGIONAL_NEEDS)
    .find(regionalNeedsFilter({ openOnly: true, sector: query.sector, priority: query.priority }), {
      projection: { region: 1, province: 1, sector: 1, priority: 1, estimatedBudget: 1 },
    });
  const figures = openNeedFigures(needs, (need) => (query.level === 'region' ? need.region : need.province));
  return areaFeatureCollection(query.level, (area) => figures.get(area.code) ?? noNeeds());
};
