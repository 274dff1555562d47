import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@tadamon/nest-kit';
import { loadTrainingConfig, TRAINING_VARIABLES } from './config';

const key = () => randomBytes(32).toString('base64');
const MASTER_KEY = key();
const CHECK_IN_SECRET = key();
const ISSUER_KEY = generateKeyPairSync('ed25519').privateKey.export({
  format: 'pem',
  type: 'pkcs8',
}) as string;
const valid = {
  DATABASE_URL: 'postgres://tadamon:p4ssw0rd@db:5432/training',
  MONGODB_URL: 'mongodb://m1:27017/',
  KAFKA_BROKERS: 'k1:9092',
  TADAMON_MASTER_KEY: MASTER_KEY,
  TADAMON_CHECK_IN_SECRET: CHECK_IN_SECRET,
  TADAMON_JWT_SECRET: 's'.repeat(32),
  TADAMON_CREDENTIAL_ISSUER_KEY: ISSUER_KEY,
  TADAMON_PUBLIC_URL: 'https://tadamon.example.org/',
};

function problemsOf(env: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadTrainingConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the Training service configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'training-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to PostgreSQL, port 3005, its group, and the Registry’s key store in its own database', () => {
    const config = loadTrainingConfig(valid);
    expect(config.http.port).toBe(3005);
    expect(config.eventStore).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    expect(config.databaseUrl).toBe(valid.DATABASE_URL);
    expect(config.keyStoreUrl).toBe(valid.DATABASE_URL);
    expect(config.readModels.database).toBe('tadamon_training');
    expect(config.kafka.group).toBe('tadamon.training');
    expect(config.masterKey).toBe(MASTER_KEY);
    expect(config.checkInSecret).toBe(CHECK_IN_SECRET);
    expect(config.logSeals).toBeUndefined();
  });

  it('reads the Registry’s key store where it is named, and the token settings of the other services', () => {
    const registry = 'postgres://training:pw@db:5432/tadamon';
    const config = loadTrainingConfig({
      ...valid,
      TADAMON_KEY_STORE_URL: registry,
      TADAMON_JWT_PERSON_CLAIM: 'person',
      TADAMON_JWT_ISSUER: 'https://id.example.org',
    });
    expect(config.keyStoreUrl).toBe(registry);
    expect(config.auth).toMatchObject({ personClaim: 'person', issuer: 'https://id.example.org' });
  });

  it('needs PostgreSQL whatever the log: the inbox and the directory are there', () => {
    const sqlite = {
      ...valid,
      DATABASE_URL: undefined,
      TADAMON_EVENT_STORE: 'sqlite',
      TADAMON_SQLITE_FILE: join(dir, 't.db'),
    };
    expect(problemsOf(sqlite)).toEqual([
      { variable: 'DATABASE_URL', reason: expect.stringMatching(/PostgreSQL/) },
    ]);
    const config = loadTrainingConfig({ ...sqlite, DATABASE_URL: valid.DATABASE_URL });
    expect(config.eventStore).toEqual({ kind: 'sqlite', file: join(dir, 't.db') });
    expect(config.databaseUrl).toBe(valid.DATABASE_URL);
  });

  it('takes KurrentDB for the log, PostgreSQL still holding the inbox and the directory', () => {
    const config = loadTrainingConfig({
      ...valid,
      TADAMON_EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kdb:2113?tls=false',
    });
    expect(config.eventStore.kind).toBe('kurrentdb');
    expect(config.databaseUrl).toBe(valid.DATABASE_URL);
  });

  it('takes the certificates’ issuer: its Ed25519 key, the public URL, the pass; refuses another kind of key', () => {
    const config = loadTrainingConfig(valid);
    expect(config.credentials).toEqual({
      keyPem: ISSUER_KEY,
      publicUrl: 'https://tadamon.example.org',
      passIntervalMs: 60_000,
    });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    for (const bad of ['not a key', String(rsa)])
      expect(problemsOf({ ...valid, TADAMON_CREDENTIAL_ISSUER_KEY: bad }).map((p) => p.variable)).toEqual([
        'TADAMON_CREDENTIAL_ISSUER_KEY',
      ]);
  });

  it('refuses a check-in secret or master key that is not 32 bytes of base64', () => {
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), `${key()}!`])
      expect(problemsOf({ ...valid, TADAMON_CHECK_IN_SECRET: bad }).map((p) => p.variable)).toEqual([
        'TADAMON_CHECK_IN_SECRET',
      ]);
    expect(problemsOf({ ...valid, TADAMON_CHECK_IN_SECRET: undefined }).map((p) => p.variable)).toEqual([
      'TADAMON_CHECK_IN_SECRET',
    ]);
  });

  it('names every missing and bad variable in one error, never echoing a value', () => {
    const error = (() => {
      try {
        loadTrainingConfig({
          TADAMON_MASTER_KEY: 'short',
          TADAMON_CHECK_IN_SECRET: 'hunter2hunter2',
          TADAMON_KEY_STORE_URL: 'mysql://root:hunter2@db/x',
          TADAMON_JWT_PERSON_CLAIM: 'p'.repeat(300),
          PORT: 'eighty',
        });
      } catch (caught) {
        return caught as ConfigurationError;
      }
      throw new Error('expected a ConfigurationError');
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      [
        'DATABASE_URL',
        'KAFKA_BROKERS',
        'MONGODB_URL',
        'PORT',
        'TADAMON_CHECK_IN_SECRET',
        'TADAMON_CREDENTIAL_ISSUER_KEY',
        'TADAMON_JWT_PERSON_CLAIM',
        'TADAMON_JWT_SECRET',
        'TADAMON_KEY_STORE_URL',
        'TADAMON_MASTER_KEY',
        'TADAMON_PUBLIC_URL',
      ].sort(),
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('documents every variable it reads in docs/training-service.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/training-service.md'), 'utf8');
    expect(TRAINING_VARIABLES.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
