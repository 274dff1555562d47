import { createHash } from 'node:crypto';
import { IatiActivity } from '@tadamon/iati';
import { DocumentStore } from '@tadamon/read-store';
import { PARTNERSHIPS_PROJECTS, ProjectDoc } from '../projections/projects';
import { IatiMappingOptions, projectToIatiActivity } from './project-to-iati-activity';

/** Bumped when the mapping changes what it writes, so a cached file is not served as current. */
export const IATI_MAPPING_VERSION = 1;

export interface PublishedActivities {
  readonly activities: IatiActivity[];
  /** The latest change of a published project (the file's generated-datetime and Last-Modified). */
  readonly lastModified: string | null;
  /** Changes when a project is published, unpublished or changes (a strong validator of the file). */
  readonly etag: string;
}

/** The published projects of the read model as IATI activities, by identifier. */
export async function publishedActivities(
  readModels: DocumentStore,
  options: IatiMappingOptions = {},
): Promise<PublishedActivities> {
  const docs = await readModels
    .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
    .find({ visibility: 'public' }, { sort: { projectId: 1 } });
  return publishedActivitiesOf(docs, options);
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
