import { Finding, validateActivity, validateAgainstSchema, writeIatiActivities } from '@tadamon/iati';
import { openedProjectOf } from '../projections/project-page';
import { ProjectDoc } from '../projections/projects';
import { missingDetails } from '../domain/project/project-rules';
import { IatiMappingOptions, projectToIatiActivity } from './project-to-iati-activity';

export interface ProjectIatiValidation {
  projectId: string;
  identifier: string;
  published: boolean;
  valid: boolean;
  missing?: string[];
  schemaErrors: { message: string; line: number | null }[];
  findings: Omit<Finding, 'activityIdentifier'>[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * A project's IATI status, published or not: its activity as the export would write it, checked
 * against the 2.03 XSD (its own one-activity file) and by the validator's rules and codelists.
 */
export async function projectIatiValidation(
  doc: ProjectDoc,
  options: IatiMappingOptions & { now?: Date } = {},
): Promise<ProjectIatiValidation> {
  const activity = projectToIatiActivity(doc, options);
  const xml = [...writeIatiActivities([activity], { generatedAt: activity.lastUpdated })].join('');
  const schemaErrors = await validateAgainstSchema(xml);
  const findings = validateActivity(activity, { now: options.now })
    .map(({ activityIdentifier: _id, ...finding }) => finding)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const missing = missingDetails(openedProjectOf(doc).details);
  return {
    projectId: doc.projectId,
    identifier: activity.identifier,
    published: doc.visibility === 'public',
    valid: missing.length === 0 && schemaErrors.length === 0 && !findings.some((f) => f.severity === 'error'),
    ...(missing.length > 0 ? { missing } : {}),
    schemaErrors,
    findings,
  };
}
