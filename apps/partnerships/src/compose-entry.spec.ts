import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadPartnershipsConfig, PARTNERSHIPS_VARIABLES } from './config';

interface ComposeFile {
  services: Record<string, { environment: Record<string, string | number | boolean> }>;
}

/** The entry's environment as compose passes it when the caller's shell sets none of its `${...}`. */
function composeEnvironment(): Record<string, string> {
  const compose = parse(readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8')) as ComposeFile;
  return Object.fromEntries(
    Object.entries(compose.services.partnerships.environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

describe("docker-compose.yml's partnerships entry", () => {
  it('sets only variables the service reads', () => {
    expect(
      Object.keys(composeEnvironment()).filter((name) => !PARTNERSHIPS_VARIABLES.includes(name)),
    ).toEqual([]);
  });

  it('starts with a token secret given, on PostgreSQL, keeping documents in its volume', () => {
    const config = loadPartnershipsConfig({ ...composeEnvironment(), TADAMON_JWT_SECRET: 's'.repeat(48) });
    expect(config.eventStore.kind).toBe('postgres');
    expect(config.readModels.database).toBe('tadamon_partnerships');
    expect(config.contentStore).toEqual({ kind: 'folder', dir: '/app/data/content' });
    expect(config.maxDocumentBytes).toBe(20 * 1024 * 1024);
    expect(config.logSeals).toBeUndefined();
  });

  it('passes the largest document size from the caller’s shell', () => {
    const environment = { ...composeEnvironment(), TADAMON_JWT_SECRET: 's'.repeat(48) };
    const compose = readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8');
    expect(compose).toContain('TADAMON_CONTENT_MAX_BYTES: ${TADAMON_CONTENT_MAX_BYTES:-20971520}');
    expect(
      loadPartnershipsConfig({ ...environment, TADAMON_CONTENT_MAX_BYTES: '1048576' }).maxDocumentBytes,
    ).toBe(1024 * 1024);
  });

  it('refuses to start with no way to verify tokens, naming the variable', () => {
    expect(() => loadPartnershipsConfig(composeEnvironment())).toThrow(/TADAMON_JWT_SECRET/);
  });
});
