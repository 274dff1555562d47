import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSealKeyPair } from '@tadamon/event-store';
import { sealKeyId } from '@tadamon/eventsourcing';
import { ConfigurationError } from '@tadamon/nest-kit';
import { loadPartnershipsConfig, PARTNERSHIPS_VARIABLES } from './config';

const SECRET = 's'.repeat(32);
const valid = {
  DATABASE_URL: 'postgres://tadamon:p4ssw0rd@db:5432/partnerships',
  MONGODB_URL: 'mongodb://m1:27017,m2:27017/?replicaSet=rs0',
  KAFKA_BROKERS: 'k1:9092, k2:9092',
  TADAMON_JWT_SECRET: SECRET,
};
const s3 = {
  TADAMON_CONTENT_STORE: 's3',
  TADAMON_CONTENT_S3_ENDPOINT: 'http://s3.internal:8333',
  TADAMON_CONTENT_S3_BUCKET: 'tadamon-documents',
  TADAMON_CONTENT_S3_ACCESS_KEY_ID: 'key-id',
  TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'hunter2-secret',
  TADAMON_CONTENT_S3_PREFIX: 'partnerships/',
};

function problemsOf(env: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadPartnershipsConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the Partnerships service configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnerships-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to PostgreSQL for the log, the relay checkpoint and the inbox, on port 3003', () => {
    const config = loadPartnershipsConfig(valid);
    const postgres = { kind: 'postgres', url: valid.DATABASE_URL };
    expect(config.eventStore).toEqual(postgres);
    expect(config.relayCheckpoints).toEqual(postgres);
    expect(config.consumerState).toEqual(postgres);
    expect(config.readModels).toEqual({ url: valid.MONGODB_URL, database: 'tadamon_partnerships' });
    expect(config.kafka).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      partitions: 3,
      replicationFactor: 1,
      recovery: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, retryMaxMs: 2_000 },
      group: 'tadamon.partnerships',
    });
    expect(config.http).toEqual({
      port: 3003,
      host: '127.0.0.1',
      trustProxy: false,
      rateLimitPerMinute: 600,
      rateLimitStore: 'memory',
    });
    expect(config.auth.verification).toEqual({ kind: 'hs256', secret: SECRET });
    expect(config.agreementExpiry).toEqual({ intervalMs: 3_600_000 });
    expect(config.logSeals).toBeUndefined();
  });

  it("keeps documents in a folder beside the log's SQLite file by default", () => {
    const config = loadPartnershipsConfig(valid);
    expect(config.contentStore).toEqual({ kind: 'folder', dir: resolve('data/partnerships/content') });
    const file = join(dir, 'state', 'partnerships.db');
    expect(
      loadPartnershipsConfig({ ...valid, TADAMON_EVENT_STORE: 'sqlite', TADAMON_SQLITE_FILE: file })
        .contentStore,
    ).toEqual({ kind: 'folder', dir: join(dir, 'state', 'content') });
    expect(
      loadPartnershipsConfig({
        ...valid,
        TADAMON_CONTENT_DIR: '/srv/documents',
      }),
    ).toMatchObject({ contentStore: { kind: 'folder', dir: '/srv/documents' } });
  });

  it("keeps documents in the service's PostgreSQL, or in an S3 bucket", () => {
    expect(loadPartnershipsConfig({ ...valid, TADAMON_CONTENT_STORE: 'postgres' }).contentStore).toEqual({
      kind: 'postgres',
      url: valid.DATABASE_URL,
      schema: 'tadamon_content',
    });
    expect(loadPartnershipsConfig({ ...valid, ...s3 }).contentStore).toEqual({
      kind: 's3',
      endpoint: 'http://s3.internal:8333',
      bucket: 'tadamon-documents',
      region: 'us-east-1',
      accessKeyId: 'key-id',
      secretAccessKey: 'hunter2-secret',
      forcePathStyle: true,
      prefix: 'partnerships/',
    });
  });

  it('keeps the log and the inbox in SQLite files of their own for the sqlite event store', () => {
    const file = join(dir, 'sqlite', 'partnerships.db');
    const config = loadPartnershipsConfig({
      ...valid,
      TADAMON_EVENT_STORE: 'sqlite',
      TADAMON_SQLITE_FILE: file,
    });
    expect(config.eventStore).toEqual({ kind: 'sqlite', file });
    expect(config.relayCheckpoints).toEqual({ kind: 'sqlite', file });
    expect(config.consumerState).toEqual({ kind: 'sqlite', file: join(dir, 'sqlite', 'consumer.db') });
  });

  it('puts the KurrentDB profile state in PostgreSQL when DATABASE_URL is given, else in SQLite files', () => {
    const kurrent = {
      ...valid,
      TADAMON_EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://k:2113?tls=false',
    };
    expect(loadPartnershipsConfig(kurrent).consumerState).toEqual({
      kind: 'postgres',
      url: valid.DATABASE_URL,
    });
    const file = join(dir, 'kurrent', 'state.db');
    const alone = loadPartnershipsConfig({ ...kurrent, DATABASE_URL: '', TADAMON_SQLITE_FILE: file });
    expect(alone.consumerState).toEqual({ kind: 'sqlite', file: join(dir, 'kurrent', 'consumer.db') });
  });

  it('names every missing variable in one error, with those the chosen content store needs', () => {
    expect(problemsOf({})).toEqual([
      { variable: 'MONGODB_URL', reason: 'is required but not set' },
      { variable: 'KAFKA_BROKERS', reason: 'is required but not set' },
      { variable: 'DATABASE_URL', reason: 'is required when TADAMON_EVENT_STORE=postgres' },
      {
        variable: 'TADAMON_JWT_SECRET',
        reason: 'or TADAMON_JWKS_URL is required: tokens are issued elsewhere and verified here',
      },
    ]);
    expect(problemsOf({ TADAMON_CONTENT_STORE: 's3' }).map((p) => p.variable)).toEqual([
      'MONGODB_URL',
      'KAFKA_BROKERS',
      'DATABASE_URL',
      'TADAMON_JWT_SECRET',
      'TADAMON_CONTENT_S3_BUCKET',
      'TADAMON_CONTENT_S3_ACCESS_KEY_ID',
      'TADAMON_CONTENT_S3_SECRET_ACCESS_KEY',
    ]);
    const sqliteFile = join(dir, 'alone', 'partnerships.db');
    expect(
      problemsOf({
        ...valid,
        DATABASE_URL: '',
        TADAMON_EVENT_STORE: 'sqlite',
        TADAMON_SQLITE_FILE: sqliteFile,
        TADAMON_CONTENT_STORE: 'postgres',
      }),
    ).toEqual([{ variable: 'DATABASE_URL', reason: 'is required when TADAMON_CONTENT_STORE=postgres' }]);
  });

  it('names every bad variable and why, without echoing secrets', () => {
    const problems = problemsOf({
      PORT: '70000',
      TADAMON_EVENT_STORE: 'mysql',
      DATABASE_URL: 'mysql://root:hunter2@db/partnerships',
      MONGODB_URL: 'localhost:27017',
      MONGODB_DB: 'partnerships db',
      KAFKA_BROKERS: 'k1:9092,k2',
      TADAMON_KAFKA_GROUP: 'tadamon partnerships',
      TADAMON_AGREEMENT_EXPIRY_INTERVAL: 'hourly',
      TADAMON_CONTENT_STORE: 'ftp',
      TADAMON_CONTENT_PG_SCHEMA: 'drop table',
      TADAMON_CONTENT_S3_ENDPOINT: 'ftp://hunter2@example',
      TADAMON_CONTENT_S3_BUCKET: 'Not_A_Bucket',
      TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'hunter2'.repeat(1000),
      TADAMON_JWT_SECRET: 'hunter2',
      TADAMON_JWKS_URL: 'http://id.example.org/certs',
    });
    expect(problems.map((p) => p.variable)).toEqual([
      'PORT',
      'TADAMON_EVENT_STORE',
      'DATABASE_URL',
      'MONGODB_URL',
      'MONGODB_DB',
      'KAFKA_BROKERS',
      'TADAMON_KAFKA_GROUP',
      'TADAMON_AGREEMENT_EXPIRY_INTERVAL',
      'TADAMON_CONTENT_STORE',
      'TADAMON_CONTENT_PG_SCHEMA',
      'TADAMON_CONTENT_S3_ENDPOINT',
      'TADAMON_CONTENT_S3_BUCKET',
      'TADAMON_CONTENT_S3_SECRET_ACCESS_KEY',
      'TADAMON_JWT_SECRET',
      'TADAMON_JWKS_URL',
    ]);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('names the other variables it reads when they are bad', () => {
    const problems = problemsOf({
      ...valid,
      HOST: 'h'.repeat(256),
      LOG_LEVEL: 'loud',
      TADAMON_TRUST_PROXY: 'perhaps',
      TADAMON_RATE_LIMIT: '0',
      TADAMON_KAFKA_PARTITIONS: '0',
      TADAMON_KAFKA_REPLICATION_FACTOR: 'three',
      TADAMON_CONTENT_S3_FORCE_PATH_STYLE: 'maybe',
      TADAMON_CONTENT_S3_REGION: 'r'.repeat(65),
      TADAMON_JWT_ISSUER: 'i'.repeat(501),
      TADAMON_JWT_AUDIENCE: 'a'.repeat(501),
      TADAMON_JWT_ROLES_CLAIM: 'r'.repeat(101),
      TADAMON_JWT_ORG_CLAIM: 'o'.repeat(101),
      TADAMON_JWT_PERSON_CLAIM: 'p'.repeat(101),
    });
    expect(problems.map((p) => p.variable)).toEqual([
      'HOST',
      'LOG_LEVEL',
      'TADAMON_TRUST_PROXY',
      'TADAMON_RATE_LIMIT',
      'TADAMON_KAFKA_PARTITIONS',
      'TADAMON_KAFKA_REPLICATION_FACTOR',
      'TADAMON_CONTENT_S3_REGION',
      'TADAMON_CONTENT_S3_FORCE_PATH_STYLE',
      'TADAMON_JWT_ISSUER',
      'TADAMON_JWT_AUDIENCE',
      'TADAMON_JWT_ROLES_CLAIM',
      'TADAMON_JWT_ORG_CLAIM',
      'TADAMON_JWT_PERSON_CLAIM',
    ]);
  });

  it('reads the agreement expiry interval as a duration', () => {
    expect(
      loadPartnershipsConfig({ ...valid, TADAMON_AGREEMENT_EXPIRY_INTERVAL: '15m' }).agreementExpiry,
    ).toEqual({
      intervalMs: 900_000,
    });
    expect(
      loadPartnershipsConfig({ ...valid, TADAMON_AGREEMENT_EXPIRY_INTERVAL: '0' }).agreementExpiry,
    ).toEqual({
      intervalMs: 0,
    });
  });

  it('reads the Kafka recovery settings, and refuses a heartbeat slower than a third of the session', () => {
    expect(problemsOf({ ...valid, TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS: '4000' })).toEqual([
      {
        variable: 'TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS',
        reason: 'must be at most a third of TADAMON_KAFKA_SESSION_TIMEOUT_MS (10000 ms)',
      },
    ]);
  });

  it('refuses SQLite files in a folder it cannot create, and one file for the log and the inbox', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const problems = problemsOf({
      ...valid,
      TADAMON_EVENT_STORE: 'sqlite',
      TADAMON_SQLITE_FILE: join(blocked, 'partnerships.db'),
    });
    expect(problems.map((p) => p.variable)).toEqual(['TADAMON_SQLITE_FILE', 'TADAMON_CONSUMER_FILE']);
    const file = join(dir, 'same', 'partnerships.db');
    expect(
      problemsOf({
        ...valid,
        TADAMON_EVENT_STORE: 'sqlite',
        TADAMON_SQLITE_FILE: file,
        TADAMON_CONSUMER_FILE: file,
      }),
    ).toEqual([{ variable: 'TADAMON_CONSUMER_FILE', reason: 'must not be the file of TADAMON_SQLITE_FILE' }]);
  });

  it('seals the log with TADAMON_SEAL_PRIVATE_KEY, and leaves it unsealed without', () => {
    const pair = generateSealKeyPair();
    const sealed = loadPartnershipsConfig({
      ...valid,
      TADAMON_SEAL_PRIVATE_KEY: pair.privateKeyPem,
      TADAMON_SEAL_INTERVAL_MS: '250',
    }).logSeals;
    expect(sealed?.intervalMs).toBe(250);
    expect(sealed && sealKeyId(sealed.privateKey)).toBe(pair.keyId);
    expect(problemsOf({ ...valid, TADAMON_SEAL_PRIVATE_KEY: 'not a key' }).map((p) => p.variable)).toEqual([
      'TADAMON_SEAL_PRIVATE_KEY',
    ]);
  });

  it('reads the largest document size from TADAMON_CONTENT_MAX_BYTES (20 MiB by default)', () => {
    expect(PARTNERSHIPS_VARIABLES).toContain('TADAMON_CONTENT_MAX_BYTES');
    expect(loadPartnershipsConfig(valid).maxDocumentBytes).toBe(20 * 1024 * 1024);
    expect(loadPartnershipsConfig({ ...valid, TADAMON_CONTENT_MAX_BYTES: '3145728' }).maxDocumentBytes).toBe(
      3 * 1024 * 1024,
    );
    expect(problemsOf({ ...valid, TADAMON_CONTENT_MAX_BYTES: '0' }).map((p) => p.variable)).toEqual([
      'TADAMON_CONTENT_MAX_BYTES',
    ]);
  });

  it('documents every variable it reads in docs/partnerships-service.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/partnerships-service.md'), 'utf8');
    expect(PARTNERSHIPS_VARIABLES.filter((variable) => !doc.includes(`\`${variable}\``))).toEqual([]);
  });
});
