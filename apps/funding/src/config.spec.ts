import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSealKeyPair } from '@tadamon/event-store';
import { sealKeyId } from '@tadamon/eventsourcing';
import { ConfigurationError } from '@tadamon/nest-kit';
import { FUNDING_VARIABLES, loadFundingConfig } from './config';

const SECRET = 's'.repeat(32);
const valid = {
  DATABASE_URL: 'postgres://tadamon:p4ssw0rd@db:5432/funding',
  MONGODB_URL: 'mongodb://m1:27017,m2:27017/?replicaSet=rs0',
  KAFKA_BROKERS: 'k1:9092, k2:9092',
  TADAMON_JWT_SECRET: SECRET,
  TADAMON_COMMITTEE_MEMBERS: 'user-committee, user-committee-2',
};

function problemsOf(env: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadFundingConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the Funding service configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'funding-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to PostgreSQL for the log, the relay checkpoint and the consumer state, on port 3002', () => {
    const config = loadFundingConfig(valid);
    const postgres = { kind: 'postgres', url: valid.DATABASE_URL };
    expect(config.eventStore).toEqual(postgres);
    expect(config.relayCheckpoints).toEqual(postgres);
    expect(config.consumerState).toEqual(postgres);
    expect(config.readModels).toEqual({ url: valid.MONGODB_URL, database: 'tadamon_funding' });
    expect(config.kafka).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      partitions: 3,
      replicationFactor: 1,
      recovery: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, retryMaxMs: 2_000 },
      group: 'tadamon.funding',
    });
    expect(config.http).toEqual({
      port: 3002,
      host: '127.0.0.1',
      trustProxy: false,
      rateLimitPerMinute: 600,
      rateLimitStore: 'memory',
    });
    expect(config.auth.verification).toEqual({ kind: 'hs256', secret: SECRET });
  });

  it('keeps the log and the consumer state in SQLite files of their own for the sqlite event store', () => {
    const file = join(dir, 'sqlite', 'funding.db');
    const config = loadFundingConfig({ ...valid, TADAMON_EVENT_STORE: 'sqlite', TADAMON_SQLITE_FILE: file });
    expect(config.eventStore).toEqual({ kind: 'sqlite', file });
    expect(config.relayCheckpoints).toEqual({ kind: 'sqlite', file });
    expect(config.consumerState).toEqual({ kind: 'sqlite', file: join(dir, 'sqlite', 'consumer.db') });
    const own = join(dir, 'elsewhere', 'inbox.db');
    expect(
      loadFundingConfig({
        ...valid,
        TADAMON_EVENT_STORE: 'sqlite',
        TADAMON_SQLITE_FILE: file,
        TADAMON_CONSUMER_FILE: own,
      }).consumerState,
    ).toEqual({ kind: 'sqlite', file: own });
  });

  it('puts the KurrentDB profile state in PostgreSQL when DATABASE_URL is given, else in SQLite files', () => {
    const kurrent = {
      ...valid,
      TADAMON_EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://k:2113?tls=false',
    };
    const withPostgres = loadFundingConfig(kurrent);
    expect(withPostgres.eventStore).toEqual({ kind: 'kurrentdb', url: 'kurrentdb://k:2113?tls=false' });
    expect(withPostgres.consumerState).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    const file = join(dir, 'kurrent', 'state.db');
    const alone = loadFundingConfig({ ...kurrent, DATABASE_URL: '', TADAMON_SQLITE_FILE: file });
    expect(alone.relayCheckpoints).toEqual({ kind: 'sqlite', file });
    expect(alone.consumerState).toEqual({ kind: 'sqlite', file: join(dir, 'kurrent', 'consumer.db') });
  });

  it('verifies tokens with a JWKS instead of a shared secret', () => {
    const config = loadFundingConfig({
      ...valid,
      TADAMON_JWT_SECRET: undefined,
      TADAMON_JWKS_URL: 'https://id.example.org/realms/tadamon/protocol/openid-connect/certs',
      TADAMON_JWT_AUDIENCE: 'tadamon-funding',
      TADAMON_JWT_PERSON_CLAIM: 'person_id',
    });
    expect(config.auth).toMatchObject({
      verification: { kind: 'jwks' },
      audience: 'tadamon-funding',
      personClaim: 'person_id',
    });
  });

  it('names every missing variable in one error', () => {
    expect(problemsOf({})).toEqual([
      { variable: 'MONGODB_URL', reason: 'is required but not set' },
      { variable: 'KAFKA_BROKERS', reason: 'is required but not set' },
      { variable: 'TADAMON_COMMITTEE_MEMBERS', reason: 'is required but not set' },
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

  it('names every bad variable and why, without echoing secrets', () => {
    const problems = problemsOf({
      PORT: '70000',
      TADAMON_EVENT_STORE: 'mysql',
      DATABASE_URL: 'mysql://root:hunter2@db/funding',
      KURRENTDB_URL: 'http://hunter2@k:2113',
      MONGODB_URL: 'localhost:27017',
      MONGODB_DB: 'funding db',
      KAFKA_BROKERS: 'k1:9092,k2',
      TADAMON_KAFKA_GROUP: 'tadamon funding',
      TADAMON_JWT_SECRET: 'hunter2',
      TADAMON_JWKS_URL: 'http://id.example.org/certs',
      TADAMON_COMMITTEE_MEMBERS: 'user-committee',
    });
    expect(problems).toEqual([
      { variable: 'PORT', reason: 'must be <= 65535, got 70000' },
      { variable: 'TADAMON_EVENT_STORE', reason: 'must be one of postgres, kurrentdb, sqlite, got "mysql"' },
      { variable: 'DATABASE_URL', reason: 'must use postgres or postgresql, got mysql' },
      {
        variable: 'KURRENTDB_URL',
        reason: 'must use kurrentdb or kurrentdb+discover or esdb or esdb+discover, got http',
      },
      { variable: 'MONGODB_URL', reason: 'must be a mongodb:// connection string' },
      { variable: 'MONGODB_DB', reason: 'must be letters, digits, _ and -, got "funding db"' },
      { variable: 'KAFKA_BROKERS', reason: 'must be host:port entries separated by commas, got "k2"' },
      {
        variable: 'TADAMON_KAFKA_GROUP',
        reason: 'must be letters, digits, ., _ and -, got "tadamon funding"',
      },
      { variable: 'TADAMON_JWT_SECRET', reason: 'must be at least 32 characters long' },
      { variable: 'TADAMON_JWKS_URL', reason: 'must use https (http is accepted for localhost only)' },
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
      'TADAMON_JWT_ISSUER',
      'TADAMON_JWT_AUDIENCE',
      'TADAMON_JWT_ROLES_CLAIM',
      'TADAMON_JWT_ORG_CLAIM',
      'TADAMON_JWT_PERSON_CLAIM',
    ]);
  });

  it('reads the award process interval and grace period as durations, 30 s and 60 s by default', () => {
    expect(loadFundingConfig(valid).awardProcess).toEqual({ intervalMs: 30_000, graceMs: 60_000 });
    expect(
      loadFundingConfig({ ...valid, TADAMON_AWARD_PROCESS_INTERVAL: '5m', TADAMON_AWARD_PROCESS_GRACE: '2m' })
        .awardProcess,
    ).toEqual({ intervalMs: 300_000, graceMs: 120_000 });
    const problems = problemsOf({
      ...valid,
      TADAMON_AWARD_PROCESS_INTERVAL: 'often',
      TADAMON_AWARD_PROCESS_GRACE: '0',
    });
    expect(problems.map((p) => p.variable)).toEqual([
      'TADAMON_AWARD_PROCESS_INTERVAL',
      'TADAMON_AWARD_PROCESS_GRACE',
    ]);
  });

  it('reads the Kafka recovery settings, and refuses a heartbeat slower than a third of the session', () => {
    const config = loadFundingConfig({
      ...valid,
      TADAMON_KAFKA_SESSION_TIMEOUT_MS: '30000',
      TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS: '3000',
      TADAMON_KAFKA_RETRY_MAX_MS: '5000',
    });
    expect(config.kafka.recovery).toEqual({
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3_000,
      retryMaxMs: 5_000,
    });
    expect(problemsOf({ ...valid, TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS: '4000' })).toEqual([
      {
        variable: 'TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS',
        reason: 'must be at most a third of TADAMON_KAFKA_SESSION_TIMEOUT_MS (10000 ms)',
      },
    ]);
    expect(problemsOf({ ...valid, TADAMON_KAFKA_SESSION_TIMEOUT_MS: '1000' }).map((p) => p.variable)).toEqual(
      ['TADAMON_KAFKA_SESSION_TIMEOUT_MS'],
    );
  });

  it('refuses two ways of verifying tokens', () => {
    expect(problemsOf({ ...valid, TADAMON_JWKS_URL: 'https://id.example.org/certs' })).toEqual([
      {
        variable: 'TADAMON_JWT_SECRET',
        reason: 'and TADAMON_JWKS_URL are both set: give one way to verify tokens',
      },
    ]);
  });

  it('refuses SQLite files in a folder it cannot create, and one file for the log and the consumer', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const problems = problemsOf({
      ...valid,
      TADAMON_EVENT_STORE: 'sqlite',
      TADAMON_SQLITE_FILE: join(blocked, 'funding.db'),
    });
    expect(problems.map((p) => p.variable)).toEqual(['TADAMON_SQLITE_FILE', 'TADAMON_CONSUMER_FILE']);
    expect(problems[0].reason).toContain('is not in a writable folder');
    const file = join(dir, 'same', 'funding.db');
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
    expect(loadFundingConfig(valid).logSeals).toBeUndefined();
    const pair = generateSealKeyPair();
    const sealed = loadFundingConfig({
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

  it('documents every variable it reads in docs/funding-service.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/funding-service.md'), 'utf8');
    expect(FUNDING_VARIABLES.filter((variable) => !doc.includes(`\`${variable}\``))).toEqual([]);
  });

  it('reads the committee as a list of user ids, required, and refuses anything else at start', () => {
    expect(loadFundingConfig(valid).committeeMembers).toEqual(['user-committee', 'user-committee-2']);
    const { TADAMON_COMMITTEE_MEMBERS: _omitted, ...without } = valid;
    expect(problemsOf(without).map((p) => p.variable)).toEqual(['TADAMON_COMMITTEE_MEMBERS']);
    for (const bad of [' , ', 'user-committee,not an id', 'user/../x'])
      expect(problemsOf({ ...valid, TADAMON_COMMITTEE_MEMBERS: bad }).map((p) => p.variable)).toEqual([
        'TADAMON_COMMITTEE_MEMBERS',
      ]);
  });
});
