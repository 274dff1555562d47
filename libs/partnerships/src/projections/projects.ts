import { GeoCode, Money } from '@tadamon/reference-data';
import { Document, Filter, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { DisbursementSource, ProjectDocument } from '../domain/project/project-commands';
import { ProjectDetails } from '../domain/project/project-details';
import { ProjectEvent, ProjectOrigin, ProjectVisibility } from '../domain/project/project-events';
import { PROJECT_CATEGORY } from '../domain/project/project';
import { ActivityStatus } from '../domain/project/project-status';
import { documentKey } from './document-keys';

export const PARTNERSHIPS_PROJECTS = 'partnerships_projects';

type Stamp = { at: string; by: string };

/**
 * One project: its details as last revised (flattened), the codes lists the API filters on, and
 * its facts by id (milestones reached, disbursements, expenditures, documents, replicas). Money
 * totals are not stored: a disbursement event carries its amount, not the project's total, and
 * `project` sees one event, so projectPage sums the facts with the domain's projectTotals (exact).
 */
export interface ProjectDoc extends Document, ProjectDetails {
  projectId: string;
  carrierId: string;
  origin: ProjectOrigin;
  replicationOf: string | null;
  status: ActivityStatus;
  visibility: ProjectVisibility;
  openedAt: string;
  openedBy: string;
  /** Participants' organisations (the carrier among them, as implementing). */
  partyIds: string[];
  /** The 2015 regions of the locations, distinct, sorted. */
  regionCodes: string[];
  /** The provinces or prefectures of the locations given at that level, distinct, sorted. */
  provinceCodes: string[];
  sectorCodes: string[];
  /** By documentKey(milestoneId). */
  reached: Record<string, { milestoneId: string; reachedOn: string } & Stamp>;
  /** By documentKey(trancheId). */
  disbursements: Record<
    string,
    { trancheId: string; amount: Money; on: string; source: DisbursementSource } & Stamp
  >;
  /** By documentKey(expenditureId). */
  expenditures: Record<
    string,
    { expenditureId: string; amount: Money; on: string; description: string } & Stamp
  >;
  /** By SHA-256 (hex: no dots). */
  documents: Record<string, ProjectDocument & Stamp>;
  /** Proposed replicas, by documentKey(replicaProjectId). */
  replicas: Record<string, { replicaProjectId: string; region: GeoCode; originalRegions: string[] } & Stamp>;
  statusHistory: ({ from: ActivityStatus; to: ActivityStatus; reason: string | null } & Stamp)[];
  /** Which details each revision changed (the values before are in the stream). */
  revisions: ({ fields: string[] } & Stamp)[];
  publishedAt: string | null;
  unpublished: ({ reason: string } & Stamp) | null;
}

const distinctSorted = (codes: string[]): string[] => [...new Set(codes)].sort();

/** The filter lists derived from details the event carries whole. */
const derived = (details: Partial<ProjectDetails>): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  if (details.locations) {
    fields['regionCodes'] = distinctSorted(details.locations.map((l) => l.region));
    // An area at region level has the region's code; any other is a province or prefecture.
    fields['provinceCodes'] = distinctSorted(
      details.locations.filter((l) => l.area.code !== l.region).map((l) => l.area.code),
    );
  }
  if (details.sectors) fields['sectorCodes'] = distinctSorted(details.sectors.map((s) => s.code));
  if (details.participants) fields['partyIds'] = distinctSorted(details.participants.map((p) => p.partyId));
  return fields;
};

export const projectsProjection: Projection = {
  name: 'partnerships-projects',
  version: 1,
  collections: [PARTNERSHIPS_PROJECTS],
  categories: [PROJECT_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ProjectEvent;
    const id = event.data.projectId;
    const write = (update: UpdateSpec): ProjectionWrite[] => [
      { collection: PARTNERSHIPS_PROJECTS, upsert: { id, update } },
    ];
    const set = (fields: Record<string, unknown>) => write({ $set: fields });
    switch (event.type) {
      case 'ProjectOpened': {
        const { projectId, carrierId, origin, status, visibility, openedAt, by, ...details } = event.data;
        return set({
          projectId,
          carrierId,
          origin,
          replicationOf: origin.kind === 'replication' ? origin.originalProjectId : null,
          status,
          visibility,
          openedAt,
          openedBy: by,
          ...details,
          ...derived(details),
          reached: {},
          disbursements: {},
          expenditures: {},
          documents: {},
          replicas: {},
          statusHistory: [],
          revisions: [],
          publishedAt: null,
          unpublished: null,
        });
      }
      case 'ProjectRevised': {
        const { changes, revisedAt, by } = event.data;
        return write({
          $set: { ...changes, ...derived(changes) },
          $push: { revisions: { fields: Object.keys(changes).sort(), at: revisedAt, by } },
        });
      }
      case 'ProjectStatusChanged': {
        const { from, to, reason, changedAt, by } = event.data;
        return write({
          $set: { status: to },
          $push: { statusHistory: { from, to, reason, at: changedAt, by } },
        });
      }
      case 'MilestoneReached': {
        const { milestoneId, reachedOn, recordedAt, by } = event.data;
        return set({
          [`reached.${documentKey(milestoneId)}`]: { milestoneId, reachedOn, at: recordedAt, by },
        });
      }
      case 'ProjectDisbursementRecorded': {
        const { trancheId, amount, on, source, recordedAt, by } = event.data;
        return set({
          [`disbursements.${documentKey(trancheId)}`]: { trancheId, amount, on, source, at: recordedAt, by },
        });
      }
      case 'ExpenditureRecorded': {
        const { expenditureId, amount, on, description, recordedAt, by } = event.data;
        return set({
          [`expenditures.${documentKey(expenditureId)}`]: {
            expenditureId,
            amount,
            on,
            description,
            at: recordedAt,
            by,
          },
        });
      }
      case 'ProjectDocumentAttached': {
        const { sha256, name, mediaType, size, kind, attachedAt, by } = event.data;
        return set({ [`documents.${sha256}`]: { sha256, name, mediaType, size, kind, at: attachedAt, by } });
      }
      case 'ProjectPublished':
        return set({ visibility: 'public', publishedAt: event.data.publishedAt, unpublished: null });
      case 'ProjectUnpublished': {
        const { reason, unpublishedAt, by } = event.data;
        return set({ visibility: 'internal', unpublished: { reason, at: unpublishedAt, by } });
      }
      case 'ReplicationProposed': {
        const { replicaProjectId, region, originalRegions, proposedAt, by } = event.data;
        return set({
          [`replicas.${documentKey(replicaProjectId)}`]: {
            replicaProjectId,
            region,
            originalRegions,
            at: proposedAt,
            by,
          },
        });
      }
      default:
        return [];
    }
  },
};

export interface ProjectsQuery {
  regionCode?: string;
  provinceCode?: string;
  sectorCode?: string;
  status?: ActivityStatus | ActivityStatus[];
  /** Projects where this organisation takes part (the carrier included). */
  partyId?: string;
  agreementId?: string;
  programmeId?: string;
  /** The public map and lists: published projects only. */
  publicOnly?: boolean;
  /** The replicas of a project. */
  replicationOf?: string;
}

export const projectsFilter = (query: ProjectsQuery): Filter => {
  const filter: Filter = {};
  if (query.regionCode !== undefined) filter['regionCodes'] = query.regionCode;
  if (query.provinceCode !== undefined) filter['provinceCodes'] = query.provinceCode;
  if (query.sectorCode !== undefined) filter['sectorCodes'] = query.sectorCode;
  if (query.status !== undefined)
    filter['status'] = Array.isArray(query.status) ? { $in: query.status } : query.status;
  if (query.partyId !== undefined) filter['partyIds'] = query.partyId;
  for (const key of ['agreementId', 'programmeId', 'replicationOf'] as const)
    if (query[key] !== undefined) filter[key] = query[key];
  if (query.publicOnly) filter['visibility'] = 'public';
  return filter;
};
