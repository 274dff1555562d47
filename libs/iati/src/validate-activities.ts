import { availableParallelism } from 'node:os';
import { IatiActivity } from './activity';
import { checkCodelists } from './codelists/codelist-check';
import { Finding, rulesEngine, RulesOptions } from './rules/engine';
import { BatchSchemaError, validateActivitiesAgainstSchema } from './schema/validate-schema';
import { activityXml, IATI_VERSION } from './write-activities';
import { parseLightXml, XmlElement } from './xml/light-dom';

export interface ExportValidation {
  readonly activities: number;
  readonly schemaErrors: BatchSchemaError[];
  readonly findings: Finding[];
}

/**
 * The whole check of an export before it is published: the XSD in batches, then the rules and
 * the codelists activity by activity (each in its own small document, as the IATI validator does;
 * a single DOM of ten thousand activities is slower to build and to query).
 */
export async function validateIatiActivities(
  activities: readonly IatiActivity[],
  options: RulesOptions & { batchSize?: number; concurrency?: number } = {},
): Promise<ExportValidation> {
  // libxml2 works in worker threads, one per CPU but this one, while this thread runs the rules.
  const schema = validateActivitiesAgainstSchema(activities, {
    batchSize: options.batchSize,
    concurrency: options.concurrency ?? Math.max(1, availableParallelism() - 1),
  });
  const engine = rulesEngine();
  const findings: Finding[] = [];
  for (const [i, activity] of activities.entries()) {
    if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the batches be dispatched
    const document = parseLightXml(
      `<iati-activities version="${IATI_VERSION}">${activityXml(activity)}</iati-activities>`,
    );
    findings.push(...engine.check(document, options));
    checkCodelists(document.documentElement?.firstChild as XmlElement, activity.identifier, findings);
  }
  return { activities: activities.length, schemaErrors: await schema, findings };
}
