import { CURRENT_REGIONS, LocalizedNames, Money } from '@tadamon/reference-data';
import { DocumentStore } from '@tadamon/read-store';
import { totalsByCurrency } from '../domain/project/project-totals';
import { ActivityStatus } from '../domain/project/project-status';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from './projects';

/** The public figures of one 2015 region. */
export interface RegionProjectFigures {
  region: string;
  names: LocalizedNames;
  /** Public projects with a location in the region. */
  projects: number;
  byStatus: Partial<Record<ActivityStatus, number>>;
  /** Their budgets per currency: minor units as a decimal string, exact at any size. */
  budget: Record<string, string>;
  /** Projects per DAC sector code (a project counts once in each of its sectors). */
  bySector: Record<string, number>;
}

export interface PartnershipsFigures {
  /** Public projects in all (a project with locations in two regions counts once here). */
  projects: number;
  byStatus: Partial<Record<ActivityStatus, number>>;
  budget: Record<string, string>;
  /** Every 2015 region, in code order, zeros where nothing is. */
  regions: RegionProjectFigures[];
}

const sums = (amounts: Money[]): Record<string, string> =>
  Object.fromEntries(totalsByCurrency(amounts).map((t) => [t.currency, String(t.amountMinor)]));

/**
 * Counted at query time from the projects' documents, not kept by a projection: the status and
 * publication events carry neither the regions nor the budget, so kept counters could not follow
 * them. Not an aggregation either: the read-store port has none, and `$sum` over amounts would
 * add doubles, inexact past 2^53, where the domain's totalsByCurrency sums in BigInt. Cost: one read
 * of the public projects' status, regions, sectors and budget lines.
 * A project in two regions counts in each: the regions' budgets do not add up to the total.
 */
export const partnershipsFigures = async (docs: DocumentStore): Promise<PartnershipsFigures> => {
  const projects = await docs
    .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
    .find(projectsFilter({ publicOnly: true }), {
      projection: { status: 1, regionCodes: 1, sectorCodes: 1, budgetLines: 1 },
    });
  const tally = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const figures: PartnershipsFigures = { projects: projects.length, byStatus: {}, budget: {}, regions: [] };
  const regionBudgets = new Map<string, Money[]>(CURRENT_REGIONS.map((r) => [r.code, []]));
  const regions = new Map(
    CURRENT_REGIONS.map((r): [string, RegionProjectFigures] => [
      r.code,
      { region: r.code, names: r.names, projects: 0, byStatus: {}, budget: {}, bySector: {} },
    ]),
  );
  for (const project of projects) {
    tally(figures.byStatus, project.status);
    const amounts = (project.budgetLines ?? []).map((l) => l.amount);
    for (const code of project.regionCodes ?? []) {
      const region = regions.get(code);
      if (!region) continue;
      region.projects++;
      tally(region.byStatus, project.status);
      for (const sector of project.sectorCodes ?? []) tally(region.bySector, sector);
      regionBudgets.get(code)?.push(...amounts);
    }
  }
  figures.budget = sums(projects.flatMap((p) => (p.budgetLines ?? []).map((l) => l.amount)));
  for (const [code, amounts] of regionBudgets)
    (regions.get(code) as RegionProjectFigures).budget = sums(amounts);
  figures.regions = [...regions.values()];
  return figures;
};
