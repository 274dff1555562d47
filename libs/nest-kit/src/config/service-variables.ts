import type { AuthOptions } from '../auth/token-verifier';
import { ConfigurationError, ConfigurationProblem } from './configuration-error';
import { ConfigDefinition, ConfigOf, ConfigSchema } from './define-config';
import { boolean, int, oneOf, string } from './readers';
import { connectionString, databaseName, jwksUrl, kafkaBrokers } from './service-readers';

// The variables every service of the distributed profile reads, in groups a service composes
// with its own (the order of the groups is the order problems are listed in).

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type ServiceLogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where request counts are kept: in each instance's memory, or in the service's PostgreSQL, shared
 * by its instances (a round trip per request: the figures are in libs/nest-kit/README.md).
 */
export const RATE_LIMIT_STORES = ['memory', 'postgres'] as const;
export type RateLimitStoreKind = (typeof RATE_LIMIT_STORES)[number];

/** Where a piece of a service's own state lives: PostgreSQL, or a local SQLite file. */
export type StateLocation = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };
/** Where a service's event log lives. */
export type EventStoreLocation = StateLocation | { kind: 'kurrentdb'; url: string };

export const httpVariables = (defaultPort: number) => ({
  PORT: int({ min: 1, max: 65535 }).default(defaultPort),
  HOST: string({ maxLength: 255 }).default('127.0.0.1'),
  LOG_LEVEL: oneOf(LOG_LEVELS).default('info'),
  TADAMON_TRUST_PROXY: boolean().default(false),
  TADAMON_RATE_LIMIT: int({ min: 1 }).default(600),
  TADAMON_RATE_LIMIT_STORE: oneOf(RATE_LIMIT_STORES).default('memory'),
});

export const eventStoreVariables = (defaultSqliteFile: string) => ({
  TADAMON_EVENT_STORE: oneOf(['postgres', 'kurrentdb', 'sqlite'] as const).default('postgres'),
  DATABASE_URL: connectionString(['postgres', 'postgresql']).optional(),
  KURRENTDB_URL: connectionString(['kurrentdb', 'kurrentdb+discover', 'esdb', 'esdb+discover']).optional(),
  TADAMON_SQLITE_FILE: string({ minLength: 1 }).default(defaultSqliteFile),
});

export const readModelVariables = (defaultDatabase: string) => ({
  MONGODB_URL: connectionString(['mongodb', 'mongodb+srv']),
  MONGODB_DB: databaseName(63).default(defaultDatabase),
});

export const kafkaVariables = () => ({
  KAFKA_BROKERS: kafkaBrokers(),
  TADAMON_KAFKA_PARTITIONS: int({ min: 1, max: 1000 }).default(3),
  TADAMON_KAFKA_REPLICATION_FACTOR: int({ min: 1, max: 10 }).default(1),
  // How fast a consumer is found dead and its partitions given to a live one (docs/operations.md).
  TADAMON_KAFKA_SESSION_TIMEOUT_MS: int({ min: 6000, max: 300_000 }).default(10_000),
  TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS: int({ min: 100, max: 100_000 }).default(1_000),
  // The longest wait between two reconnection tries of a client to Kafka.
  TADAMON_KAFKA_RETRY_MAX_MS: int({ min: 100, max: 60_000 }).default(2_000),
});

export const tokenVariables = () => ({
  TADAMON_JWT_SECRET: string({ minLength: 32 }).optional(),
  TADAMON_JWKS_URL: jwksUrl().optional(),
  TADAMON_JWT_ISSUER: string({ maxLength: 500 }).optional(),
  TADAMON_JWT_AUDIENCE: string({ maxLength: 500 }).optional(),
  TADAMON_JWT_ROLES_CLAIM: string({ maxLength: 100 }).optional(),
  TADAMON_JWT_ORG_CLAIM: string({ maxLength: 100 }).optional(),
  TADAMON_JWT_PERSON_CLAIM: string({ maxLength: 100 }).optional(),
});

type ValuesOf<F extends (...args: never[]) => ConfigSchema> = ConfigOf<ReturnType<F>>;
export type HttpValues = ValuesOf<typeof httpVariables>;
export type EventStoreValues = ValuesOf<typeof eventStoreVariables>;
export type ReadModelValues = ValuesOf<typeof readModelVariables>;
export type KafkaValues = ValuesOf<typeof kafkaVariables>;
export type TokenValues = ValuesOf<typeof tokenVariables>;

const isSet = (value: string | undefined) => value !== undefined && value !== '';

/** Rules between the shared variables, checked on the raw environment. */
function crossProblems(environment: NodeJS.ProcessEnv): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  const kind = environment.TADAMON_EVENT_STORE || 'postgres';
  if (kind === 'postgres' && !isSet(environment.DATABASE_URL))
    problems.push({ variable: 'DATABASE_URL', reason: 'is required when TADAMON_EVENT_STORE=postgres' });
  if (kind === 'kurrentdb' && !isSet(environment.KURRENTDB_URL))
    problems.push({ variable: 'KURRENTDB_URL', reason: 'is required when TADAMON_EVENT_STORE=kurrentdb' });
  const session = Number(environment.TADAMON_KAFKA_SESSION_TIMEOUT_MS || 10_000);
  const heartbeat = Number(environment.TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS || 1_000);
  // A session below its minimum is reported by its own reader, not again here.
  if (session >= 6_000 && heartbeat * 3 > session)
    problems.push({
      variable: 'TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS',
      reason: `must be at most a third of TADAMON_KAFKA_SESSION_TIMEOUT_MS (${session} ms)`,
    });
  if (
    environment.TADAMON_RATE_LIMIT_STORE === 'postgres' &&
    (kind === 'sqlite' || !isSet(environment.DATABASE_URL))
  )
    problems.push({
      variable: 'TADAMON_RATE_LIMIT_STORE',
      reason:
        "postgres needs the service's PostgreSQL (DATABASE_URL, and TADAMON_EVENT_STORE other than sqlite)",
    });
  const secret = isSet(environment.TADAMON_JWT_SECRET);
  const jwks = isSet(environment.TADAMON_JWKS_URL);
  if (secret === jwks)
    problems.push({
      variable: 'TADAMON_JWT_SECRET',
      reason: secret
        ? 'and TADAMON_JWKS_URL are both set: give one way to verify tokens'
        : 'or TADAMON_JWKS_URL is required: tokens are issued elsewhere and verified here',
    });
  return problems;
}

/**
 * Reads a service's variables and the rules between the shared ones; throws one
 * ConfigurationError naming every bad variable (a variable is named once), before any connection.
 */
export function loadServiceVariables<S extends ConfigSchema>(
  schema: ConfigDefinition<S>,
  environment: NodeJS.ProcessEnv,
): ConfigOf<S> {
  const problems: ConfigurationProblem[] = [];
  let values: ConfigOf<S> | undefined;
  try {
    values = schema.load(environment);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  const named = new Set(problems.map((p) => p.variable));
  problems.push(...crossProblems(environment).filter((p) => !named.has(p.variable)));
  if (!values || problems.length > 0) throw new ConfigurationError(problems);
  return values;
}

export const httpSection = (values: HttpValues) => ({
  port: values.PORT,
  host: values.HOST,
  trustProxy: values.TADAMON_TRUST_PROXY,
  rateLimitPerMinute: values.TADAMON_RATE_LIMIT,
  rateLimitStore: values.TADAMON_RATE_LIMIT_STORE,
});

export const readModelsSection = (values: ReadModelValues) => ({
  url: values.MONGODB_URL,
  database: values.MONGODB_DB,
});

export const kafkaSection = (values: KafkaValues) => ({
  brokers: values.KAFKA_BROKERS,
  partitions: values.TADAMON_KAFKA_PARTITIONS,
  replicationFactor: values.TADAMON_KAFKA_REPLICATION_FACTOR,
  recovery: {
    sessionTimeoutMs: values.TADAMON_KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: values.TADAMON_KAFKA_HEARTBEAT_INTERVAL_MS,
    retryMaxMs: values.TADAMON_KAFKA_RETRY_MAX_MS,
  },
});

/** Verification only: tokens are issued elsewhere (an OIDC provider, or an issuer sharing the secret). */
export const authSection = (values: TokenValues): AuthOptions => ({
  verification: values.TADAMON_JWKS_URL
    ? { kind: 'jwks', jwksUrl: values.TADAMON_JWKS_URL }
    : { kind: 'hs256', secret: values.TADAMON_JWT_SECRET as string },
  issuer: values.TADAMON_JWT_ISSUER,
  audience: values.TADAMON_JWT_AUDIENCE,
  rolesClaim: values.TADAMON_JWT_ROLES_CLAIM,
  organisationClaim: values.TADAMON_JWT_ORG_CLAIM,
  personClaim: values.TADAMON_JWT_PERSON_CLAIM,
});

/** Whether the service keeps state in SQLite files: the sqlite log, or KurrentDB without PostgreSQL. */
export const keepsLocalState = (values: EventStoreValues): boolean =>
  values.TADAMON_EVENT_STORE === 'sqlite' ||
  (values.TADAMON_EVENT_STORE === 'kurrentdb' && !values.DATABASE_URL);

/** The log: `sqliteFile` is the checked path of TADAMON_SQLITE_FILE. */
export function eventStoreLocation(values: EventStoreValues, sqliteFile: string): EventStoreLocation {
  switch (values.TADAMON_EVENT_STORE) {
    case 'sqlite':
      return { kind: 'sqlite', file: sqliteFile };
    case 'kurrentdb':
      return { kind: 'kurrentdb', url: values.KURRENTDB_URL as string };
    case 'postgres':
      return { kind: 'postgres', url: values.DATABASE_URL as string };
  }
}

/** A piece of the service's own state: in PostgreSQL when there is one beside the log, else in `file`. */
export const stateLocation = (values: EventStoreValues, file: string): StateLocation =>
  values.TADAMON_EVENT_STORE !== 'sqlite' && values.DATABASE_URL
    ? { kind: 'postgres', url: values.DATABASE_URL }
    : { kind: 'sqlite', file };
