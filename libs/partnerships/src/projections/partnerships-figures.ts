import { CURRENT_REGIONS, LocalizedNames } from '@tadamon/reference-data';
import { DocumentStore } from '@tadamon/read-store';
import { ActivityStatus } from '../domain/project/project-status';
import {
  AreaProjectFigures,
  areaProjectFigures,
  budgetSums,
  noProjects,
  tally,
} from './area-project-figures';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from './projects';

/** The public figures of one 2015 region. */
export interface RegionProjectFigures extends AreaProjectFigures {
  region: string;
  names: LocalizedNames;
}

export interface PartnershipsFigures {
  /** Public projects in all (a project with locations in two regions counts once here). */
  projects: number;
  byStatus: Partial<Record<ActivityStatus, number>>;
  budget: Record<string, string>;
  /** Every 2015 region, in code order, zeros where nothing is. */
  regions: RegionProjectFigures[];
}

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
  const byStatus: PartnershipsFigures['byStatus'] = {};
  for (const project of projects) tally(byStatus, project.status);
  const regions = areaProjectFigures(projects, (p) => p.regionCodes ?? []);
  return {
    projects: projects.length,
    byStatus,
    budget: budgetSums(projects.flatMap((p) => (p.budgetLines ?? []).map((l) => l.amount))),
    regions: CURRENT_REGIONS.map((r) => ({
      region: r.code,
      names: r.names,
      ...(regions.get(r.code) ?? noProjects()),
    })),
  };
};
