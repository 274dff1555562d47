import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { IatiActivity } from '../activity';
import { writeIatiActivities } from '../write-activities';

export interface SchemaError {
  readonly message: string;
  /** Line in the XML given, or null when libxml2 did not say. */
  readonly line: number | null;
}

/** The vendored XSDs; a bundled app copies libs/iati/vendor/schemas and names it in IATI_SCHEMA_DIR. */
const SCHEMA_DIR = process.env.IATI_SCHEMA_DIR ?? join(__dirname, '..', '..', 'vendor', 'schemas');
let schemaFiles: { fileName: string; contents: string }[] | undefined;

/** The three XSDs that must sit together: the activities schema includes the common one and xml.xsd. */
const loadSchemas = () =>
  (schemaFiles ??= ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'].map((fileName) => ({
    fileName,
    contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8'),
  })));

/** 1 GiB of wasm memory at most: room for a batch of several thousand activities. */
const MAX_MEMORY_PAGES = 16384;

/**
 * Validates an iati-activities document against iati-activities-schema.xsd with libxml2 compiled to
 * WebAssembly (no system library). Each call starts a worker and compiles the schema, some tens of
 * milliseconds: validate a large export in batches (validateInBatches), not one activity at a time.
 */
export async function validateAgainstSchema(xml: string): Promise<SchemaError[]> {
  const [schema, ...preload] = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [schema],
    preload,
    maxMemoryPages: MAX_MEMORY_PAGES,
  });
  return result.errors.map((error) => ({ message: error.message, line: error.loc?.lineNumber ?? null }));
}

export interface BatchSchemaError extends SchemaError {
  /** The iati-identifier of the activity on that line, when the line is an activity's. */
  readonly activityIdentifier?: string;
}

/**
 * The schema check of many activities, a batch at a time: each batch is written as its own
 * iati-activities file (the writer puts one activity on a line, after two header lines), so an
 * error's line in a batch gives its line in the whole export and the activity at fault. Batches
 * run `concurrency` at a time, each in its own worker thread.
 */
export async function validateActivitiesAgainstSchema(
  activities: readonly IatiActivity[],
  options: { batchSize?: number; concurrency?: number; generatedAt?: string } = {},
): Promise<BatchSchemaError[]> {
  const batchSize = options.batchSize ?? 2000;
  const write = { generatedAt: options.generatedAt ?? new Date().toISOString() };
  const batchErrors: BatchSchemaError[][] = [];
  const checkBatch = async (first: number) => {
    const batch = activities.slice(first, first + batchSize);
    const errors: BatchSchemaError[] = [];
    for (const error of await validateAgainstSchema([...writeIatiActivities(batch, write)].join(''))) {
      const index = error.line === null ? -1 : error.line - 3;
      const inBatch = index >= 0 && index < batch.length;
      errors.push({
        message: error.message,
        line: error.line === null ? null : inBatch ? error.line + first : error.line,
        ...(inBatch ? { activityIdentifier: batch[index].identifier } : {}),
      });
    }
    batchErrors[first / batchSize] = errors;
  };
  let next = 0;
  const worker = async () => {
    while (next < activities.length) {
      const first = next;
      next += batchSize;
      await checkBatch(first);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return batchErrors.flat();
}
