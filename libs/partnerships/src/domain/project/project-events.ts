import { DomainEvent } from '@tadamon/eventsourcing';
import { GeoCode, Money } from '@tadamon/reference-data';
import { DisbursementSource, ProjectDocument } from './project-commands';
import { ProjectDetails } from './project-details';
import { ActivityStatus } from './project-status';

export type AwardOrigin = {
  readonly kind: 'award';
  readonly applicationId: string;
  readonly callId: string;
  readonly envelopeId: string;
  readonly grant: Money;
  readonly awardedAt: string;
};
/** How the project was born; never revised (the agreement it is under now is a detail). */
export type ProjectOrigin =
  | { readonly kind: 'agreement'; readonly agreementId: string }
  | AwardOrigin
  | { readonly kind: 'replication'; readonly originalProjectId: string };

export type ProjectVisibility = 'public' | 'internal';

export type ProjectOpened = DomainEvent<
  'ProjectOpened',
  {
    projectId: string;
    carrierId: string;
    origin: ProjectOrigin;
    status: ActivityStatus;
    visibility: ProjectVisibility;
    openedAt: string;
    by: string;
  } & ProjectDetails
>;
/** The details that changed, with their values before: the history is the stream. */
export type ProjectRevised = DomainEvent<
  'ProjectRevised',
  {
    projectId: string;
    changes: Partial<ProjectDetails>;
    previous: Partial<ProjectDetails>;
    revisedAt: string;
    by: string;
  }
>;
export type ProjectStatusChanged = DomainEvent<
  'ProjectStatusChanged',
  {
    projectId: string;
    from: ActivityStatus;
    to: ActivityStatus;
    reason: string | null;
    changedAt: string;
    by: string;
  }
>;
export type MilestoneReached = DomainEvent<
  'MilestoneReached',
  { projectId: string; milestoneId: string; reachedOn: string; recordedAt: string; by: string }
>;
export type ProjectDisbursementRecorded = DomainEvent<
  'ProjectDisbursementRecorded',
  {
    projectId: string;
    trancheId: string;
    amount: Money;
    on: string;
    source: DisbursementSource;
    recordedAt: string;
    by: string;
  }
>;
export type ExpenditureRecorded = DomainEvent<
  'ExpenditureRecorded',
  {
    projectId: string;
    expenditureId: string;
    amount: Money;
    on: string;
    description: string;
    recordedAt: string;
    by: string;
  }
>;
export type ProjectDocumentAttached = DomainEvent<
  'ProjectDocumentAttached',
  { projectId: string; attachedAt: string; by: string } & ProjectDocument
>;
export type ProjectPublished = DomainEvent<
  'ProjectPublished',
  { projectId: string; publishedAt: string; by: string }
>;
export type ProjectUnpublished = DomainEvent<
  'ProjectUnpublished',
  { projectId: string; reason: string; unpublishedAt: string; by: string }
>;
export type ReplicationProposed = DomainEvent<
  'ReplicationProposed',
  {
    projectId: string;
    replicaProjectId: string;
    region: GeoCode;
    /** The regions of the original project when proposed, for the record. */
    originalRegions: string[];
    proposedAt: string;
    by: string;
  }
>;

export type ProjectEvent =
  | ProjectOpened
  | ProjectRevised
  | ProjectStatusChanged
  | MilestoneReached
  | ProjectDisbursementRecorded
  | ExpenditureRecorded
  | ProjectDocumentAttached
  | ProjectPublished
  | ProjectUnpublished
  | ReplicationProposed;
