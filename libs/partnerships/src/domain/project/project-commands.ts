import { Command } from '@tadamon/eventsourcing';
import { GeoCode, Money } from '@tadamon/reference-data';
import { LocalizedText } from '../field-validation';
import { GeoPoint, ProjectParticipant, SectorShare } from './project-details';
import { ActivityStatus } from './project-status';

export type ProjectLocationInput = { area: GeoCode; commune?: string | null; point?: GeoPoint | null };
export type ProjectBudgetLineInput = {
  lineId: string;
  label: LocalizedText;
  amount: Money;
  periodStart?: string | null;
  periodEnd?: string | null;
};
/** The details as a command gives them (the region of each location is derived). */
export type ProjectDetailsInput = {
  title: LocalizedText;
  description: LocalizedText;
  participants: readonly ProjectParticipant[];
  agreementId?: string | null;
  programmeId?: string | null;
  locations: readonly ProjectLocationInput[];
  sectors: readonly SectorShare[];
  budgetLines: readonly ProjectBudgetLineInput[];
  cofinancing?: readonly { partyId: string; amount: Money }[];
  milestones?: readonly { milestoneId: string; title: LocalizedText; due: string }[];
  plannedStart: string;
  plannedEnd: string;
};

/**
 * Opened by an officer: under an agreement (`agreementId`), or as the replica of a finalised
 * project (`replicationOf`, after ReplicationProposed on the original), or both.
 */
export type OpenProject = Command<
  'OpenProject',
  { projectId: string; carrierId: string; replicationOf?: string | null } & ProjectDetailsInput
>;
/**
 * Sent by the policy on Funding's GrantAwarded: exactly what that event carries. The project id is
 * derived from the application (projectIdForAward), so a redelivered event opens nothing twice.
 */
export type OpenProjectFromAward = Command<
  'OpenProjectFromAward',
  {
    applicationId: string;
    callId: string;
    associationId: string;
    envelopeId: string;
    grant: Money;
    /** GrantAwarded's decidedAt. */
    awardedAt: string;
    /** The awarded project as GrantAwarded carries it (absent from awards recorded before it did). */
    project?: AwardedProjectInput | null;
  }
>;
/** GrantAwarded's `project`: title, summary, DAC sectors (no shares), region of origin, co-financing. */
export type AwardedProjectInput = {
  title: LocalizedText;
  summary: LocalizedText;
  sectors: readonly string[];
  region: GeoCode;
  coFinancing: Money;
};
/** Only the details named in `changes` are revised; the carrier is not a detail (another carrier, another project). */
export type ReviseProject = Command<
  'ReviseProject',
  { projectId: string; changes: Partial<ProjectDetailsInput> }
>;
export type ChangeProjectStatus = Command<
  'ChangeProjectStatus',
  { projectId: string; status: ActivityStatus; reason?: string | null }
>;
export type ReachMilestone = Command<
  'ReachMilestone',
  { projectId: string; milestoneId: string; reachedOn: string }
>;
export const DISBURSEMENT_SOURCES = ['funding-tranche', 'manual'] as const;
export type DisbursementSource = (typeof DISBURSEMENT_SOURCES)[number];
/** From the policy on Funding's TrancheReleased (source funding-tranche), or entered by an officer. */
export type RecordProjectDisbursement = Command<
  'RecordProjectDisbursement',
  { projectId: string; trancheId: string; amount: Money; on: string; source: DisbursementSource }
>;
export type RecordExpenditure = Command<
  'RecordExpenditure',
  { projectId: string; expenditureId: string; amount: Money; on: string; description: string }
>;
export const PROJECT_DOCUMENT_KINDS = [
  'agreement',
  'budget',
  'progress-report',
  'final-report',
  'evaluation',
  'photo',
  'other',
] as const;
export type ProjectDocumentKind = (typeof PROJECT_DOCUMENT_KINDS)[number];
export type ProjectDocument = {
  /** Lower-case hex SHA-256 of the file, kept in the content-addressed store. */
  readonly sha256: string;
  readonly name: string;
  readonly mediaType: string;
  /** Bytes. */
  readonly size: number;
  readonly kind: ProjectDocumentKind;
};
export type AttachProjectDocument = Command<'AttachProjectDocument', { projectId: string } & ProjectDocument>;
export type PublishProject = Command<'PublishProject', { projectId: string }>;
export type UnpublishProject = Command<'UnpublishProject', { projectId: string; reason: string }>;
export type ProposeReplication = Command<
  'ProposeReplication',
  { projectId: string; replicaProjectId: string; region: GeoCode }
>;

export type ProjectCommand =
  | OpenProject
  | OpenProjectFromAward
  | ReviseProject
  | ChangeProjectStatus
  | ReachMilestone
  | RecordProjectDisbursement
  | RecordExpenditure
  | AttachProjectDocument
  | PublishProject
  | UnpublishProject
  | ProposeReplication;
