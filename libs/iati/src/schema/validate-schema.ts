import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export interface SchemaError {
  readonly message: string;
  /** Line in the XML given, or null when libxml2 did not say. */
  readonly line: number | null;
}

const SCHEMA_DIR = join(__dirname, '..', '..', 'vendor', 'schemas');
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
