import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { APP_START_TIMEOUT_MS } from '@tadamon/testing';
import { platformOpenApiDocument, serializeOpenApiDocument } from './platform-openapi-document';

// The web app's client is generated from the platform's OpenAPI document and committed
// (docs/web.md). A changed API without `npm run generate:api` fails here, with the files named.
const ROOT = join(__dirname, '../../../..');
const COMMITTED_DOCUMENT = join(ROOT, 'apps/web/src/api/openapi.json');
const COMMITTED_CLIENT = join(ROOT, 'apps/web/src/api/generated');
const GENERATOR = join(ROOT, 'tools/web/generate-client.mjs');

function filesUnder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(folder, path), readFileSync(path, 'utf8'));
    }
  };
  walk(folder);
  return files;
}

type Document = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

/** The operations and schemas that differ, to name them when the committed document is stale. */
function changedMembers(committed: Document, current: Document): string[] {
  const changed = (kind: string, a: Record<string, unknown>, b: Record<string, unknown>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      .map((key) => `${kind} ${key}`);
  return [
    ...changed('path', committed.paths, current.paths),
    ...changed('schema', committed.components.schemas, current.components.schemas),
  ];
}

function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const names = new Set([...expected.keys(), ...actual.keys()]);
  return [...names].sort().filter((name) => expected.get(name) !== actual.get(name));
}

describe("the web app's generated API client", () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'tadamon-client-drift-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it(
    'is generated from the OpenAPI document the platform serves today (run `npm run generate:api`)',
    async () => {
      const document = serializeOpenApiDocument(await platformOpenApiDocument());
      const committed = readFileSync(COMMITTED_DOCUMENT, 'utf8');
      expect(changedMembers(JSON.parse(committed), JSON.parse(document))).toEqual([]);
      expect(document === committed).toBe(true);

      const input = join(temp, 'openapi.json');
      writeFileSync(input, document);
      await promisify(execFile)(process.execPath, [GENERATOR, input, join(temp, 'generated')], { cwd: ROOT });
      expect(differences(filesUnder(COMMITTED_CLIENT), filesUnder(join(temp, 'generated')))).toEqual([]);
    },
    APP_START_TIMEOUT_MS + 60_000,
  );
});
