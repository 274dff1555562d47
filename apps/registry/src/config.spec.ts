import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSealKeyPair } from '@tadamon/event-store';
import { sealKeyId } from '@tadamon/eventsourcing';
import { ConfigurationError } from '@tadamon/nest-kit';
import { loadRegistryConfig, REGISTRY_VARIABLES } from './config';

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
const SECRET = 's'.repeat(32);
const valid = {
  DATABASE_URL: 'postgres://tadamon:p4ssw0rd@db:5432/registry',
  MONGODB_URL: 'mongodb://m1:27017,m2:27017/?replicaSet=rs0',
  KAFKA_BROKERS: 'k1:9092, k2:9092',
  TADAMON_MASTER_KEY: MASTER_KEY,
  TADAMON_JWT_SECRET: SECRET,
};

function problemsOf(env: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadRegistryConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the Registry service configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to PostgreSQL for the log, the relay checkpoints and the keys', () => {
    const config = loadRegistryConfig(valid);
    expect(config.eventStore).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    expect(config.relayCheckpoints).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    expect(config.keyStore).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    expect(config.readModels).toEqual({ url: valid.MONGODB_URL, database: 'tadamon_registry' });
    expect(config.kafka).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      partitions: 3,
      replicationFactor: 1,
      recovery: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, retryMaxMs: 2_000 },
    });
    expect(config.http).toEqual({
      port: 3001,
      host: '127.0.0.1',
      trustProxy: false,
      rateLimitPerMinute: 600,
      rateLimitStore: 'memory',
    });
    expect(config.auth.verification).toEqual({ kind: 'hs256', secret: SECRET });
  });

  it('keeps everything in SQLite files for the sqlite event store, the keys in a file of their own', () => {
    const file = join(dir, 'sqlite', 'registry.db');
    const config = loadRegistryConfig({ ...valid, TADAMON_EVENT_STORE: 'sqlite', TADAMON_SQLITE_FILE: file });
    expect(config.eventStore).toEqual({ kind: 'sqlite', file });
    expect(config.relayCheckpoints).toEqual({ kind: 'sqlite', file });
    expect(config.keyStore).toEqual({ kind: 'sqlite', file: join(dir, 'sqlite', 'keys.db') });
  });

  it('puts the KurrentDB profile state in PostgreSQL when DATABASE_URL is given, else in a SQLite file', () => {
    const kurrent = {
      ...valid,
      TADAMON_EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://k:2113?tls=false',
    };
    const withPostgres = loadRegistryConfig(kurrent);
    expect(withPostgres.eventStore).toEqual({ kind: 'kurrentdb', url: 'kurrentdb://k:2113?tls=false' });
    expect(withPostgres.relayCheckpoints).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    const file = join(dir, 'kurrent', 'state.db');
    const alone = loadRegistryConfig({ ...kurrent, DATABASE_URL: '', TADAMON_SQLITE_FILE: file });
    expect(alone.relayCheckpoints).toEqual({ kind: 'sqlite', file });
    expect(alone.keyStore).toEqual({ kind: 'sqlite', file: join(dir, 'kurrent', 'keys.db') });
  });

  it('keeps request counts in PostgreSQL with TADAMON_RATE_LIMIT_STORE=postgres, only where there is one', () => {
    expect(loadRegistryConfig({ ...valid, TADAMON_RATE_LIMIT_STORE: 'postgres' }).http.rateLimitStore).toBe(
      'postgres',
    );
    const file = join(dir, 'limits', 'registry.db');
    expect(
      problemsOf({
        ...valid,
        TADAMON_EVENT_STORE: 'sqlite',
        TADAMON_SQLITE_FILE: file,
        TADAMON_RATE_LIMIT_STORE: 'postgres',
      }),
    ).toEqual([
      {
        variable: 'TADAMON_RATE_LIMIT_STORE',
        reason:
          "postgres needs the service's PostgreSQL (DATABASE_URL, and TADAMON_EVENT_STORE other than sqlite)",
      },
    ]);
    expect(problemsOf({ ...valid, TADAMON_RATE_LIMIT_STORE: 'redis' }).map((p) => p.variable)).toEqual([
      'TADAMON_RATE_LIMIT_STORE',
    ]);
  });

  it('verifies tokens with a JWKS instead of a shared secret', () => {
    const config = loadRegistryConfig({
      ...valid,
      TADAMON_JWT_SECRET: undefined,
      TADAMON_JWKS_URL: 'https://id.example.org/realms/tadamon/protocol/openid-connect/certs',
      TADAMON_JWT_ISSUER: 'https://id.example.org/realms/tadamon',
      TADAMON_JWT_AUDIENCE: 'tadamon-registry',
    });
    expect(config.auth).toMatchObject({
      verification: {
        kind: 'jwks',
        jwksUrl: new URL('https://id.example.org/realms/tadamon/protocol/openid-connect/certs'),
      },
      issuer: 'https://id.example.org/realms/tadamon',
      audience: 'tadamon-registry',
    });
  });

  it('names every missing variable in one error', () => {
    expect(problemsOf({})).toEqual([
      { variable: 'MONGODB_URL', reason: 'is required but not set' },
      { variable: 'KAFKA_BROKERS', reason: 'is required but not set' },
      { variable: 'TADAMON_MASTER_KEY', reason: 'is required but not set' },
      { variable: 'DATABASE_URL', reason: 'is required when TADAMON_EVENT_STORE=postgres' },
      {
        variable: 'TADAMON_JWT_SECRET',
        reason: 'or TADAMON_JWKS_URL is required: tokens are issued elsewhere and verified here',
      },
    ]);
    expect(problemsOf({ ...valid, TADAMON_EVENT_STORE: 'kurrentdb' })).toEqual([
      { variable: 'KURRENTDB_URL', reason: 'is required when TADAMON_EVENT_STORE=kurrentdb' },
    ]);
  });

  it('says why each bad value is refused, without echoing secrets', () => {
    const problems = problemsOf({
      ...valid,
      TADAMON_EVENT_STORE: 'mysql',
      DATABASE_URL: 'mysql://root:hunter2@db/registry',
      MONGODB_URL: 'localhost:27017',
      KAFKA_BROKERS: 'k1:9092,k2',
      TADAMON_MASTER_KEY: Buffer.alloc(16, 1).toString('base64'),
      TADAMON_JWT_SECRET: 'hunter2',
      PORT: '0',
    });
    expect(problems).toEqual([
      { variable: 'PORT', reason: 'must be >= 1, got 0' },
      { variable: 'TADAMON_EVENT_STORE', reason: 'must be one of postgres, kurrentdb, sqlite, got "mysql"' },
      { variable: 'DATABASE_URL', reason: 'must use postgres or postgresql, got mysql' },
      { variable: 'MONGODB_URL', reason: 'must be a mongodb:// connection string' },
      { variable: 'KAFKA_BROKERS', reason: 'must be host:port entries separated by commas, got "k2"' },
      { variable: 'TADAMON_MASTER_KEY', reason: 'must be 32 bytes in base64 (openssl rand -base64 32)' },
      { variable: 'TADAMON_JWT_SECRET', reason: 'must be at least 32 characters long' },
    ]);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('refuses two ways of verifying tokens, and a JWKS over plain http elsewhere than localhost', () => {
    expect(problemsOf({ ...valid, TADAMON_JWKS_URL: 'https://id.example.org/certs' })).toEqual([
      {
        variable: 'TADAMON_JWT_SECRET',
        reason: 'and TADAMON_JWKS_URL are both set: give one way to verify tokens',
      },
    ]);
    const http = { ...valid, TADAMON_JWT_SECRET: undefined };
    expect(problemsOf({ ...http, TADAMON_JWKS_URL: 'http://id.example.org/certs' })).toEqual([
      { variable: 'TADAMON_JWKS_URL', reason: 'must use https (http is accepted for localhost only)' },
    ]);
    expect(
      loadRegistryConfig({ ...http, TADAMON_JWKS_URL: 'http://localhost:8080/certs' }).auth.verification.kind,
    ).toBe('jwks');
  });

  it('refuses a SQLite file in a folder it cannot create', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const problems = problemsOf({
      ...valid,
      TADAMON_EVENT_STORE: 'sqlite',
      TADAMON_SQLITE_FILE: join(blocked, 'registry.db'),
    });
    expect(problems.map((p) => p.variable)).toEqual(['TADAMON_SQLITE_FILE', 'TADAMON_KEY_STORE_FILE']);
    expect(problems[0].reason).toContain('is not in a writable folder');
  });

  it('leaves the log unsealed without TADAMON_SEAL_PRIVATE_KEY', () => {
    expect(loadRegistryConfig(valid).logSeals).toBeUndefined();
    expect(loadRegistryConfig({ ...valid, TADAMON_SEAL_PRIVATE_KEY: '' }).logSeals).toBeUndefined();
  });

  it('seals the log with the PEM Ed25519 key, every second unless TADAMON_SEAL_INTERVAL_MS says otherwise', () => {
    const pair = generateSealKeyPair();
    const sealed = loadRegistryConfig({ ...valid, TADAMON_SEAL_PRIVATE_KEY: pair.privateKeyPem });
    expect(sealed.logSeals?.intervalMs).toBe(1000);
    expect(sealed.logSeals?.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(sealed.logSeals && sealKeyId(sealed.logSeals.privateKey)).toBe(pair.keyId);
    const every5s = loadRegistryConfig({
      ...valid,
      TADAMON_SEAL_PRIVATE_KEY: pair.privateKeyPem,
      TADAMON_SEAL_INTERVAL_MS: '5000',
    });
    expect(every5s.logSeals?.intervalMs).toBe(5000);
  });

  it('refuses a seal key that is not an Ed25519 private key, naming the variable but not the key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const publicOnly = generateSealKeyPair().publicKeyPem;
    for (const key of [rsa, publicOnly, 'not a key at all!', '-----BEGIN PRIVATE KEY-----\nhunter2\n']) {
      const problems = problemsOf({ ...valid, TADAMON_SEAL_PRIVATE_KEY: key });
      expect(problems.map((p) => p.variable)).toEqual(['TADAMON_SEAL_PRIVATE_KEY']);
      expect(problems[0].reason).toMatch(/^must be an Ed25519 private key in PEM/);
      expect(problems[0].reason).not.toContain(key.trim().split('\n')[1] ?? key);
    }
    expect(problemsOf({ ...valid, TADAMON_SEAL_INTERVAL_MS: '0' })).toEqual([
      { variable: 'TADAMON_SEAL_INTERVAL_MS', reason: 'must be >= 10, got 0' },
    ]);
  });

  it('documents every variable it reads in docs/registry-service.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/registry-service.md'), 'utf8');
    expect(REGISTRY_VARIABLES.filter((variable) => !doc.includes(`\`${variable}\``))).toEqual([]);
  });
});
