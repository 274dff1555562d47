import { dirname, join, resolve } from 'node:path';
import {
  AuthOptions,
  authSection,
  base64Key,
  ConfigurationError,
  ConfigurationProblem,
  defineConfig,
  env,
  EventStoreLocation,
  eventStoreLocation,
  eventStoreVariables,
  httpSection,
  httpVariables,
  kafkaSection,
  kafkaVariables,
  keepsLocalState,
  loadServiceVariables,
  ServiceLogLevel,
  readModelsSection,
  readModelVariables,
  StateLocation,
  stateLocation,
  tokenVariables,
  writableFile,
} from '@tadamon/nest-kit';

import { LogSealsConfig, logSealsSection, logSealVariables } from './log-seals-config';

export type { ServiceLogLevel as LogLevel, StateLocation } from '@tadamon/nest-kit';

export interface RegistryConfig {
  http: { port: number; host: string; trustProxy: boolean; rateLimitPerMinute: number };
  logLevel: ServiceLogLevel;
  eventStore: EventStoreLocation;
  /** The relay's checkpoint. */
  relayCheckpoints: StateLocation;
  /** Personal-data keys (wrapped under the master key), never in the event store's file. */
  keyStore: StateLocation;
  readModels: { url: string; database: string };
  kafka: { brokers: string[]; partitions: number; replicationFactor: number };
  /** 32 bytes, base64. */
  masterKey: string;
  auth: AuthOptions;
  logSeals: LogSealsConfig;
}

const schema = defineConfig({
  ...httpVariables(3001),
  ...eventStoreVariables('data/registry/registry.db'),
  TADAMON_KEY_STORE_FILE: env.string({ minLength: 1 }).optional(),
  ...readModelVariables('tadamon_registry'),
  ...kafkaVariables(),
  TADAMON_MASTER_KEY: base64Key(32),
  ...tokenVariables(),
  ...logSealVariables(),
});

/** The variables the service reads, for its documentation and tests. */
export const REGISTRY_VARIABLES = Object.keys(schema.schema);

/**
 * Reads and checks the Registry service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadRegistryConfig(environment: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const values = loadServiceVariables(schema, environment);
  const problems: ConfigurationProblem[] = [];
  // SQLite files only where they are used: the sqlite event store, or KurrentDB without PostgreSQL.
  const local = keepsLocalState(values);
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

  return {
    http: httpSection(values),
    logLevel: values.LOG_LEVEL,
    eventStore: eventStoreLocation(values, sqliteFile),
    relayCheckpoints: stateLocation(values, sqliteFile),
    keyStore: stateLocation(values, keyFile),
    readModels: readModelsSection(values),
    kafka: kafkaSection(values),
    masterKey: values.TADAMON_MASTER_KEY,
    auth: authSection(values),
    logSeals: logSealsSection(values),
  };
}
