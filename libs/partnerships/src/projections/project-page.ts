import { OpenedProject } from '../domain/project/project-state';
import { budgetBySector, projectTotals, ProjectTotals, sectorShares } from '../domain/project/project-totals';
import { ProjectMilestone } from '../domain/project/project-details';
import { ProjectDoc } from './projects';

/** The domain's project, rebuilt from a document, for the domain's pure functions. */
export const openedProjectOf = (doc: ProjectDoc): OpenedProject => ({
  status: doc.status,
  projectId: doc.projectId,
  carrierId: doc.carrierId,
  origin: doc.origin,
  details: {
    title: doc.title,
    description: doc.description,
    participants: doc.participants,
    agreementId: doc.agreementId,
    programmeId: doc.programmeId,
    locations: doc.locations,
    sectors: doc.sectors,
    budgetLines: doc.budgetLines,
    cofinancing: doc.cofinancing,
    milestones: doc.milestones,
    plannedStart: doc.plannedStart,
    plannedEnd: doc.plannedEnd,
  },
  visibility: doc.visibility,
  reached: Object.fromEntries(Object.values(doc.reached ?? {}).map((r) => [r.milestoneId, r.reachedOn])),
  disbursements: Object.fromEntries(
    Object.values(doc.disbursements ?? {}).map(({ trancheId, amount, on, source }) => [
      trancheId,
      { trancheId, amount, on, source },
    ]),
  ),
  expenditures: Object.fromEntries(
    Object.values(doc.expenditures ?? {}).map(({ expenditureId, amount, on, description }) => [
      expenditureId,
      { expenditureId, amount, on, description },
    ]),
  ),
  documents: {},
  replications: {},
});

const byDate = <T extends { on: string; at: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.on === b.on ? (a.at < b.at ? -1 : 1) : a.on < b.on ? -1 : 1));

/** What a project page shows beyond the document: totals, milestones with their state, lists in order. */
export const projectPage = (doc: ProjectDoc) => {
  const project = openedProjectOf(doc);
  return {
    ...doc,
    totals: projectTotals(project) as ProjectTotals[],
    /** IATI's decimal percentages ("33.5"). */
    sectorPercentages: sectorShares(doc.sectors),
    budgetBySector: budgetBySector(project.details),
    milestones: doc.milestones.map((m: ProjectMilestone) => ({
      ...m,
      reachedOn: project.reached[m.milestoneId] ?? null,
    })),
    disbursements: byDate(Object.values(doc.disbursements ?? {})),
    expenditures: byDate(Object.values(doc.expenditures ?? {})),
    documents: Object.values(doc.documents ?? {}).sort((a, b) => (a.at < b.at ? -1 : 1)),
    replicas: Object.values(doc.replicas ?? {}).sort((a, b) => (a.at < b.at ? -1 : 1)),
  };
};
export type ProjectPage = ReturnType<typeof projectPage>;
