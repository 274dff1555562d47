import { Money } from '@tadamon/reference-data';
import { ProjectDocumentKind } from '../domain/project/project-commands';
import { ProjectDoc } from './projects';
import { ProjectPage, projectPage } from './project-page';

/** Documents the public sees; agreements, budgets and `other` files stay with the ministry. */
export const PUBLIC_PROJECT_DOCUMENT_KINDS: readonly ProjectDocumentKind[] = [
  'progress-report',
  'final-report',
  'evaluation',
  'photo',
];

type Unstamped<T> = Omit<T, 'by'>;

/**
 * A published project as the portal and the public map show it: organisations (carrier,
 * participants, co-financers) but no user ids (`by`, `openedBy`), no internal notes (revision log,
 * reasons for a status change or an unpublication, expenditure descriptions) and only public
 * documents.
 */
export interface PublicProjectView extends Pick<
  ProjectPage,
  | 'projectId'
  | 'carrierId'
  | 'origin'
  | 'replicationOf'
  | 'status'
  | 'title'
  | 'description'
  | 'participants'
  | 'agreementId'
  | 'programmeId'
  | 'locations'
  | 'sectors'
  | 'budgetLines'
  | 'cofinancing'
  | 'plannedStart'
  | 'plannedEnd'
  | 'partyIds'
  | 'regionCodes'
  | 'provinceCodes'
  | 'sectorCodes'
  | 'totals'
  | 'sectorPercentages'
  | 'budgetBySector'
  | 'milestones'
  | 'publishedAt'
> {
  statusHistory: { from: string; to: string; at: string }[];
  disbursements: Unstamped<ProjectPage['disbursements'][number]>[];
  expenditures: { expenditureId: string; amount: Money; on: string; at: string }[];
  documents: Unstamped<ProjectPage['documents'][number]>[];
  replicas: Unstamped<ProjectPage['replicas'][number]>[];
}

/** The public view of a project, or null when it is not published. */
export const publicProjectView = (doc: ProjectDoc): PublicProjectView | null => {
  if (doc.visibility !== 'public') return null;
  const page = projectPage(doc);
  const unstamped = <T extends { by: string }>({ by: _by, ...rest }: T): Unstamped<T> => rest;
  return {
    projectId: page.projectId,
    carrierId: page.carrierId,
    origin: page.origin,
    replicationOf: page.replicationOf,
    status: page.status,
    title: page.title,
    description: page.description,
    participants: page.participants,
    agreementId: page.agreementId,
    programmeId: page.programmeId,
    locations: page.locations,
    sectors: page.sectors,
    budgetLines: page.budgetLines,
    cofinancing: page.cofinancing,
    plannedStart: page.plannedStart,
    plannedEnd: page.plannedEnd,
    partyIds: page.partyIds,
    regionCodes: page.regionCodes,
    provinceCodes: page.provinceCodes,
    sectorCodes: page.sectorCodes,
    totals: page.totals,
    sectorPercentages: page.sectorPercentages,
    budgetBySector: page.budgetBySector,
    milestones: page.milestones,
    publishedAt: page.publishedAt,
    statusHistory: (page.statusHistory ?? []).map(({ from, to, at }) => ({ from, to, at })),
    disbursements: page.disbursements.map(unstamped),
    expenditures: page.expenditures.map(({ expenditureId, amount, on, at }) => ({
      expenditureId,
      amount,
      on,
      at,
    })),
    documents: page.documents.filter((d) => PUBLIC_PROJECT_DOCUMENT_KINDS.includes(d.kind)).map(unstamped),
    replicas: page.replicas.map(unstamped),
  };
};
