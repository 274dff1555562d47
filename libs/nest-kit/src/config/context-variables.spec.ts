import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from './configuration-error';
import { defineConfig } from './define-config';
import { contextVariables, loadServiceConfig } from './service-config';
import { tokenVariables } from './service-variables';

const schema = defineConfig({
  ...contextVariables({
    port: 3009,
    sqliteFile: 'data/notes/notes.db',
    ownStateFile: 'TADAMON_NOTES_STATE_FILE',
    database: 'tadamon_notes',
  }),
  ...tokenVariables(),
});

describe("a context service's variables", () => {
  const dir = mkdtempSync(join(tmpdir(), 'context-variables-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = {
    MONGODB_URL: 'mongodb://127.0.0.1:27017',
    KAFKA_BROKERS: '127.0.0.1:9092',
    TADAMON_JWT_SECRET: 'x'.repeat(32),
    TADAMON_EVENT_STORE: 'sqlite',
    TADAMON_SQLITE_FILE: join(dir, 'notes.db'),
  };

  it('come in the order their problems are listed: HTTP, the log, its own state, read models, Kafka', () => {
    const names = Object.keys(schema.schema);
    expect(names.slice(0, 6)).toEqual([
      'PORT',
      'HOST',
      'LOG_LEVEL',
      'TADAMON_TRUST_PROXY',
      'TADAMON_RATE_LIMIT',
      'TADAMON_RATE_LIMIT_STORE',
    ]);
    const at = (name: string) => names.indexOf(name);
    expect(at('TADAMON_SQLITE_FILE')).toBeLessThan(at('TADAMON_NOTES_STATE_FILE'));
    expect(at('TADAMON_NOTES_STATE_FILE')).toBeLessThan(at('MONGODB_URL'));
    expect(at('MONGODB_DB')).toBeLessThan(at('KAFKA_BROKERS'));
  });

  it("keep the context's own state beside the log's file, under its default name or the one given", () => {
    const own = { variable: 'TADAMON_NOTES_STATE_FILE', defaultName: 'notes-state.db' };
    const { config, ownState } = loadServiceConfig(schema, base, own);
    expect(config.http.port).toBe(3009);
    expect(config.readModels.database).toBe('tadamon_notes');
    expect(ownState).toEqual({ kind: 'sqlite', file: join(dir, 'notes-state.db') });
    const given = join(dir, 'elsewhere.db');
    expect(loadServiceConfig(schema, { ...base, TADAMON_NOTES_STATE_FILE: given }, own).ownState).toEqual({
      kind: 'sqlite',
      file: given,
    });
  });

  it("refuses the log's own file for the context's state, naming the variable", () => {
    const own = { variable: 'TADAMON_NOTES_STATE_FILE', defaultName: 'notes-state.db' };
    const environment = { ...base, TADAMON_NOTES_STATE_FILE: base.TADAMON_SQLITE_FILE };
    expect(() => loadServiceConfig(schema, environment, own)).toThrow(
      new ConfigurationError([
        { variable: 'TADAMON_NOTES_STATE_FILE', reason: 'must not be the file of TADAMON_SQLITE_FILE' },
      ]),
    );
  });
});
