import { createHash } from 'node:crypto';
import { IatiActivity } from '@tadamon/iati';
import { DocumentStore } from '@tadamon/read-store';
import { PARTNERSHIPS_PROJECTS, ProjectDoc } from '../projections/projects';
import {
  IatiMappingOptions,
  IatiOrganisationSource,
  projectToIatiActivity,
} from './project-to-iati-activity';

/** Bumped when the mapping changes what it writes, so a cached file is not served as current. */
export const IATI_MAPPING_VERSION = 1;

export interface PublishedActivities {
  readonly activities: IatiActivity[];
  /** The latest change of a published project (the file's generated-datetime and Last-Modified). */
  readonly lastModified: string | null;
  /**
   * Changes when a project is published, unpublished or changes. A party renamed in the Registry
   * alone does not change it: the file is revalidated on the projects' changes.
   */
  readonly etag: string;
}

/** Every party a project names: the carrier and the participants. */
export const partyIdsOf = (docs: readonly ProjectDoc[]): string[] => [
  ...new Set(docs.flatMap((doc) => [doc.carrierId, ...doc.participants.map((p) => p.partyId)])),
];

/** The published projects of the read model as IATI activities, by identifier. */
export async function publishedActivities(
  readModels: DocumentStore,
  organisations?: IatiOrganisationSource,
  options: IatiMappingOptions = {},
): Promise<PublishedActivities> {
  const docs = await readModels
    .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
    .find({ visibility: 'public' }, { sort: { projectId: 1 } });
  const directory = organisations ? await organisations.directory(partyIdsOf(docs)) : undefined;
  return publishedActivitiesOf(docs, { ...options, organisations: directory ?? options.organisations });
}

export function publishedActivitiesOf(
  docs: readonly ProjectDoc[],
  options: IatiMappingOptions = {},
): PublishedActivities {
  const activities = docs
    .filter((doc) => doc.visibility === 'public')
    .map((doc) => projectToIatiActivity(doc, options))
    .sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
  const hash = createHash('sha256').update(`v${IATI_MAPPING_VERSION}\n`);
  let lastModified: string | null = null;
  for (const activity of activities) {
    hash.update(`${activity.identifier} ${activity.lastUpdated}\n`);
    if (lastModified === null || activity.lastUpdated > lastModified) lastModified = activity.lastUpdated;
  }
  return { activities, lastModified, etag: `"${hash.digest('base64url').slice(0, 27)}"` };
}
