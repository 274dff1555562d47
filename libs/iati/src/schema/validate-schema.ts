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

/** libxml2 against the schema on some files, in one worker (one start and one schema compilation). */
async function validateFiles(files: { fileName: string; contents: string }[]) {
  const [schema, ...preload] = loadSchemas();
  const result = await validateXML({
    xml: files,
    schema: [schema],
    preload,
    maxMemoryPages: MAX_MEMORY_PAGES,
  });
  // xmllint ends each file's output with "<file> validates" or "<file> fails to validate".
  const statuses = new Set(
    files.flatMap(({ fileName }) => [`${fileName} validates`, `${fileName} fails to validate`]),
  );
  return result.errors
    .filter((error) => error.loc !== null || !statuses.has(error.message.trim()))
    .map((error) => ({
      fileName: error.loc?.fileName,
      message: error.message,
      line: error.loc?.lineNumber ?? null,
    }));
}

/**
 * Validates an iati-activities document against iati-activities-schema.xsd with libxml2 compiled to
 * WebAssembly (no system library). Each call starts a worker and compiles the schema, about 0.3 s
 * on the shared machine: validate a large export in batches (validateActivitiesAgainstSchema), not
 * one activity at a time.
 */
export async function validateAgainstSchema(xml: string): Promise<SchemaError[]> {
  const errors = await validateFiles([{ fileName: 'activities.xml', contents: xml }]);
  return errors.map(({ message, line }) => ({ message, line }));
}

export interface BatchSchemaError extends SchemaError {
  /** The iati-identifier of the activity on that line, when the line is an activity's. */
  readonly activityIdentifier?: string;
}

export interface BatchOptions {
  /** Activities in one file (2,000): libxml2 holds one file's tree at a time. */
  batchSize?: number;
  /** Workers at a time (2). */
  concurrency?: number;
  /** Files one worker checks at most (5): a worker's start and schema compilation serve them all. */
  batchesPerWorker?: number;
  generatedAt?: string;
}

/**
 * The schema check of many activities, a batch at a time: each batch is written as its own
 * iati-activities file (the writer puts one activity on a line, after two header lines), so an
 * error's line in a batch gives its line in the whole export and the activity at fault. The files
 * are shared among workers, at least `concurrency` of them, at most `batchesPerWorker` files each
 * (a worker holds its files' text); `concurrency` run at a time.
 */
export async function validateActivitiesAgainstSchema(
  activities: readonly IatiActivity[],
  options: BatchOptions = {},
): Promise<BatchSchemaError[]> {
  const batchSize = options.batchSize ?? 2000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const batches = Math.ceil(activities.length / batchSize);
  const workers = Math.max(
    Math.min(concurrency, batches),
    Math.ceil(batches / Math.max(1, options.batchesPerWorker ?? 5)),
  );
  const write = { generatedAt: options.generatedAt ?? new Date().toISOString() };
  const batchOf = (index: number) => activities.slice(index * batchSize, (index + 1) * batchSize);
  const workerErrors: BatchSchemaError[][] = [];
  const checkFiles = async (worker: number) => {
    const first = Math.floor((worker * batches) / workers);
    const end = Math.floor(((worker + 1) * batches) / workers);
    const files = [];
    for (let index = first; index < end; index++)
      files.push({
        fileName: `batch-${index}.xml`,
        contents: [...writeIatiActivities(batchOf(index), write)].join(''),
      });
    const errors: BatchSchemaError[] = [];
    for (const error of await validateFiles(files)) {
      const index = Number(/^batch-(\d+)\.xml$/.exec(error.fileName ?? '')?.[1] ?? -1);
      const batch = index >= 0 ? batchOf(index) : [];
      const row = error.line === null ? -1 : error.line - 3;
      const inBatch = row >= 0 && row < batch.length;
      errors.push({
        message: error.message,
        line: inBatch && error.line !== null ? error.line + index * batchSize : error.line,
        ...(inBatch ? { activityIdentifier: batch[row].identifier } : {}),
      });
    }
    workerErrors[worker] = errors;
  };
  let next = 0;
  const run = async () => {
    while (next < workers) await checkFiles(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, workers) }, run));
  return workerErrors.flat();
}
