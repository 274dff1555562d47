import { GeoCode, Money } from '@tadamon/reference-data';
import { DisbursementSource, ProjectDocument } from './project-commands';
import { ProjectDetails } from './project-details';
import { ProjectEvent, ProjectOrigin, ProjectVisibility } from './project-events';
import { ActivityStatus } from './project-status';

export type ProjectDisbursement = {
  readonly trancheId: string;
  readonly amount: Money;
  readonly on: string;
  readonly source: DisbursementSource;
};
export type ProjectExpenditure = {
  readonly expenditureId: string;
  readonly amount: Money;
  readonly on: string;
  readonly description: string;
};
export type OpenedProject = {
  readonly status: ActivityStatus;
  readonly projectId: string;
  readonly carrierId: string;
  readonly origin: ProjectOrigin;
  readonly details: ProjectDetails;
  readonly visibility: ProjectVisibility;
  /** Reached milestones: id -> the day reached. */
  readonly reached: Readonly<Record<string, string>>;
  readonly disbursements: Readonly<Record<string, ProjectDisbursement>>;
  readonly expenditures: Readonly<Record<string, ProjectExpenditure>>;
  /** By SHA-256. */
  readonly documents: Readonly<Record<string, ProjectDocument>>;
  /** Replica project id -> the region proposed. */
  readonly replications: Readonly<Record<string, GeoCode>>;
};
export type ProjectState = { readonly status: 'none' } | OpenedProject;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

export const evolveProject = (state: ProjectState, event: ProjectEvent): ProjectState => {
  if (event.type === 'ProjectOpened') {
    const {
      projectId,
      carrierId,
      origin,
      status,
      visibility,
      openedAt: _at,
      by: _by,
      ...details
    } = event.data;
    return {
      status,
      projectId,
      carrierId,
      origin,
      details,
      visibility,
      reached: {},
      disbursements: {},
      expenditures: {},
      documents: {},
      replications: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProjectRevised':
      return { ...state, details: { ...state.details, ...event.data.changes } };
    case 'ProjectStatusChanged':
      return { ...state, status: event.data.to };
    case 'MilestoneReached':
      return { ...state, reached: { ...state.reached, [event.data.milestoneId]: event.data.reachedOn } };
    case 'ProjectDisbursementRecorded': {
      const { trancheId, amount, on, source } = event.data;
      return {
        ...state,
        disbursements: { ...state.disbursements, [trancheId]: { trancheId, amount, on, source } },
      };
    }
    case 'ExpenditureRecorded': {
      const { expenditureId, amount, on, description } = event.data;
      return {
        ...state,
        expenditures: { ...state.expenditures, [expenditureId]: { expenditureId, amount, on, description } },
      };
    }
    case 'ProjectDocumentAttached': {
      const { sha256, name, mediaType, size, kind } = event.data;
      return {
        ...state,
        documents: { ...state.documents, [sha256]: { sha256, name, mediaType, size, kind } },
      };
    }
    case 'ProjectPublished':
      return { ...state, visibility: 'public' };
    case 'ProjectUnpublished':
      return { ...state, visibility: 'internal' };
    case 'ReplicationProposed':
      return {
        ...state,
        replications: { ...state.replications, [event.data.replicaProjectId]: event.data.region },
      };
  }
};
