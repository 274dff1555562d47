import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  AuthOptions,
  ConfigurationError,
  ConfigurationProblem,
  defineConfig,
  env,
  Reader,
  ReadResult,
} from '@tadamon/nest-kit';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Where a piece of the service's own state lives: PostgreSQL, or a local SQLite file. */
export type StateLocation = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

export interface RegistryConfig {
  http: { port: number; host: string; trustProxy: boolean; rateLimitPerMinute: number };
  logLevel: LogLevel;
  eventStore:
    { kind: 'postgres'; url: string } | { kind: 'kurrentdb'; url: string } | { kind: 'sqlite'; file: string };
  /** The relay's checkpoint. */
  relayCheckpoints: StateLocation;
  /** Personal-data keys (wrapped under the master key), never in the event store's file. */
  keyStore: StateLocation;
  readModels: { url: string; database: string };
  kafka: { brokers: string[]; partitions: number; replicationFactor: number };
  /** 32 bytes, base64. */
  masterKey: string;
  auth: AuthOptions;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A reader refined by a check on the value the base reader gives. */
function refined<T, U>(base: Reader<T>, check: (value: T) => ReadResult<U>): Reader<U> {
  const make = (fallback?: { value: unknown }): Reader<U> => ({
    read: (raw) => {
      if (fallback && (raw === undefined || raw === '')) return { ok: true, value: fallback.value as U };
      const read = base.read(raw);
      return read.ok ? check(read.value) : read;
    },
    optional: () => make({ value: undefined }) as Reader<U | undefined>,
    default: (value) => make({ value }),
  });
  return make();
}

/** A driver's connection string: checked for its scheme only (several hosts are not a URL). */
const connectionString = (schemes: string[]) =>
  refined(env.string({ maxLength: 4000 }), (value): ReadResult<string> => {
    const scheme = /^([a-z0-9+]+):\/\/\S+$/.exec(value)?.[1];
    if (scheme === undefined) return { ok: false, reason: `must be a ${schemes[0]}:// connection string` };
    return schemes.includes(scheme)
      ? { ok: true, value }
      : { ok: false, reason: `must use ${schemes.join(' or ')}, got ${scheme}` };
  });

// Values are never echoed: the key and the URLs may carry secrets.
const masterKey = refined(env.string(), (value): ReadResult<string> =>
  /^[A-Za-z0-9+/]+=*$/.test(value) && Buffer.from(value, 'base64').length === 32
    ? { ok: true, value }
    : { ok: false, reason: 'must be 32 bytes in base64 (openssl rand -base64 32)' },
);

const brokers = refined(env.string({ maxLength: 4000 }), (value): ReadResult<string[]> => {
  const list = value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  const bad = list.find((broker) => !/^[A-Za-z0-9._-]+:\d{1,5}$/.test(broker));
  if (list.length === 0)
    return { ok: false, reason: 'must list at least one broker (host:port, comma separated)' };
  if (bad) return { ok: false, reason: `must be host:port entries separated by commas, got "${bad}"` };
  return { ok: true, value: list };
});

/** JWKS over https; plain http only for a key server on this machine. */
const jwksUrl = refined(env.url({ protocols: ['https', 'http'] }), (value): ReadResult<URL> =>
  value.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(value.hostname)
    ? { ok: true, value }
    : { ok: false, reason: 'must use https (http is accepted for localhost only)' },
);

const schema = defineConfig({
  PORT: env.int({ min: 1, max: 65535 }).default(3001),
  HOST: env.string({ maxLength: 255 }).default('127.0.0.1'),
  LOG_LEVEL: env.oneOf(LOG_LEVELS).default('info'),
  TADAMON_TRUST_PROXY: env.boolean().default(false),
  TADAMON_RATE_LIMIT: env.int({ min: 1 }).default(600),
  TADAMON_EVENT_STORE: env.oneOf(['postgres', 'kurrentdb', 'sqlite'] as const).default('postgres'),
  DATABASE_URL: connectionString(['postgres', 'postgresql']).optional(),
  KURRENTDB_URL: connectionString(['kurrentdb', 'kurrentdb+discover', 'esdb', 'esdb+discover']).optional(),
  TADAMON_SQLITE_FILE: env.string({ minLength: 1 }).default('data/registry/registry.db'),
  TADAMON_KEY_STORE_FILE: env.string({ minLength: 1 }).optional(),
  MONGODB_URL: connectionString(['mongodb', 'mongodb+srv']),
  MONGODB_DB: refined(env.string({ maxLength: 63 }), (value): ReadResult<string> =>
    /^[A-Za-z0-9_-]+$/.test(value)
      ? { ok: true, value }
      : { ok: false, reason: `must be letters, digits, _ and -, got "${value}"` },
  ).default('tadamon_registry'),
  KAFKA_BROKERS: brokers,
  TADAMON_KAFKA_PARTITIONS: env.int({ min: 1, max: 1000 }).default(3),
  TADAMON_KAFKA_REPLICATION_FACTOR: env.int({ min: 1, max: 10 }).default(1),
  TADAMON_MASTER_KEY: masterKey,
  TADAMON_JWT_SECRET: env.string({ minLength: 32 }).optional(),
  TADAMON_JWKS_URL: jwksUrl.optional(),
  TADAMON_JWT_ISSUER: env.string({ maxLength: 500 }).optional(),
  TADAMON_JWT_AUDIENCE: env.string({ maxLength: 500 }).optional(),
  TADAMON_JWT_ROLES_CLAIM: env.string({ maxLength: 100 }).optional(),
  TADAMON_JWT_ORG_CLAIM: env.string({ maxLength: 100 }).optional(),
});

/** The variables the service reads, for its documentation and tests. */
export const REGISTRY_VARIABLES = Object.keys(schema.schema);

const isSet = (value: string | undefined) => value !== undefined && value !== '';

/** Rules between variables, checked on the raw environment so they join the per-variable problems. */
function crossProblems(environment: NodeJS.ProcessEnv): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  const kind = environment.TADAMON_EVENT_STORE || 'postgres';
  if (kind === 'postgres' && !isSet(environment.DATABASE_URL))
    problems.push({ variable: 'DATABASE_URL', reason: 'is required when TADAMON_EVENT_STORE=postgres' });
  if (kind === 'kurrentdb' && !isSet(environment.KURRENTDB_URL))
    problems.push({ variable: 'KURRENTDB_URL', reason: 'is required when TADAMON_EVENT_STORE=kurrentdb' });
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

/** Creates the file's folder; a folder that cannot be written is a configuration problem. */
function writableFile(variable: string, file: string, problems: ConfigurationProblem[]): string {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    problems.push({ variable, reason: `(${path}) is not in a writable folder: ${(error as Error).message}` });
  }
  return path;
}

/**
 * Reads and checks the Registry service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadRegistryConfig(environment: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const problems: ConfigurationProblem[] = [];
  let values: ReturnType<typeof schema.load> | undefined;
  try {
    values = schema.load(environment);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  const named = new Set(problems.map((p) => p.variable));
  problems.push(...crossProblems(environment).filter((p) => !named.has(p.variable)));
  if (!values || problems.length > 0) throw new ConfigurationError(problems);

  const kind = values.TADAMON_EVENT_STORE;
  const databaseUrl = values.DATABASE_URL;
  // SQLite files only where they are used: the sqlite event store, or KurrentDB without PostgreSQL.
  const local = kind === 'sqlite' || (kind === 'kurrentdb' && !databaseUrl);
  const sqliteFile = local ? writableFile('TADAMON_SQLITE_FILE', values.TADAMON_SQLITE_FILE, problems) : '';
  const keyFile = local
    ? writableFile(
        'TADAMON_KEY_STORE_FILE',
        values.TADAMON_KEY_STORE_FILE ?? join(dirname(resolve(values.TADAMON_SQLITE_FILE)), 'keys.db'),
        problems,
      )
    : '';
  if (local && keyFile === sqliteFile)
    problems.push({
      variable: 'TADAMON_KEY_STORE_FILE',
      reason: 'must not be the file of TADAMON_SQLITE_FILE',
    });
  if (problems.length > 0) throw new ConfigurationError(problems);

  const postgres = databaseUrl ? ({ kind: 'postgres', url: databaseUrl } as const) : undefined;
  const sqlite = { kind: 'sqlite', file: sqliteFile } as const;
  return {
    http: {
      port: values.PORT,
      host: values.HOST,
      trustProxy: values.TADAMON_TRUST_PROXY,
      rateLimitPerMinute: values.TADAMON_RATE_LIMIT,
    },
    logLevel: values.LOG_LEVEL,
    eventStore:
      kind === 'sqlite'
        ? sqlite
        : kind === 'kurrentdb'
          ? { kind, url: values.KURRENTDB_URL as string }
          : { kind, url: databaseUrl as string },
    relayCheckpoints: kind === 'sqlite' ? sqlite : (postgres ?? sqlite),
    keyStore: kind === 'sqlite' || !postgres ? { kind: 'sqlite', file: keyFile } : postgres,
    readModels: { url: values.MONGODB_URL, database: values.MONGODB_DB },
    kafka: {
      brokers: values.KAFKA_BROKERS,
      partitions: values.TADAMON_KAFKA_PARTITIONS,
      replicationFactor: values.TADAMON_KAFKA_REPLICATION_FACTOR,
    },
    masterKey: values.TADAMON_MASTER_KEY,
    auth: {
      verification: values.TADAMON_JWKS_URL
        ? { kind: 'jwks', jwksUrl: values.TADAMON_JWKS_URL }
        : { kind: 'hs256', secret: values.TADAMON_JWT_SECRET as string },
      issuer: values.TADAMON_JWT_ISSUER,
      audience: values.TADAMON_JWT_AUDIENCE,
      rolesClaim: values.TADAMON_JWT_ROLES_CLAIM,
      organisationClaim: values.TADAMON_JWT_ORG_CLAIM,
    },
  };
}
