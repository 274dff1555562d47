import { Money } from '@tadamon/reference-data';
import { totalsByCurrency } from '../domain/project/project-totals';
import { ActivityStatus } from '../domain/project/project-status';
import { ProjectDoc } from './projects';

/** What the public sees of the projects in one area (a region or a province). */
export interface AreaProjectFigures {
  /** Public projects with a location in the area. */
  projects: number;
  byStatus: Partial<Record<ActivityStatus, number>>;
  /** Their budgets per currency: minor units as a decimal string, exact at any size. */
  budget: Record<string, string>;
  /** Projects per DAC sector code (a project counts once in each of its sectors). */
  bySector: Record<string, number>;
}

export type FiguredProject = Pick<ProjectDoc, 'status' | 'sectorCodes' | 'budgetLines'>;

export const budgetSums = (amounts: Money[]): Record<string, string> =>
  Object.fromEntries(totalsByCurrency(amounts).map((t) => [t.currency, String(t.amountMinor)]));

export const tally = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * The figures of each area the projects lie in, `areasOf` naming a project's areas. A project in
 * two areas counts in each: the areas' budgets do not add up to the total. Budgets are summed in
 * BigInt by the domain's totalsByCurrency (an aggregation's `$sum` adds doubles, inexact past 2^53).
 */
export const areaProjectFigures = <P extends FiguredProject>(
  projects: readonly P[],
  areasOf: (project: P) => readonly string[],
): Map<string, AreaProjectFigures> => {
  const figures = new Map<string, AreaProjectFigures>();
  const amounts = new Map<string, Money[]>();
  for (const project of projects) {
    const budget = (project.budgetLines ?? []).map((l) => l.amount);
    for (const code of areasOf(project)) {
      const area = figures.get(code) ?? { projects: 0, byStatus: {}, budget: {}, bySector: {} };
      area.projects++;
      tally(area.byStatus, project.status);
      for (const sector of project.sectorCodes ?? []) tally(area.bySector, sector);
      figures.set(code, area);
      amounts.set(code, [...(amounts.get(code) ?? []), ...budget]);
    }
  }
  for (const [code, area] of figures) area.budget = budgetSums(amounts.get(code) ?? []);
  return figures;
};

export const noProjects = (): AreaProjectFigures => ({ projects: 0, byStatus: {}, budget: {}, bySector: {} });
