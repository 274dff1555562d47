import { dirname, join, resolve } from 'node:path';
import type { AuthOptions } from '../auth/token-verifier';
import { ConfigurationError, ConfigurationProblem } from './configuration-error';
import { ConfigDefinition, ConfigOf, ConfigSchema } from './define-config';
import {
  authSection,
  eventStoreVariables,
  httpVariables,
  kafkaVariables,
  readModelVariables,
  tokenVariables,
  EventStoreLocation,
  eventStoreLocation,
  EventStoreValues,
  httpSection,
  HttpValues,
  kafkaSection,
  KafkaValues,
  keepsLocalState,
  loadServiceVariables,
  RateLimitStoreKind,
  readModelsSection,
  ReadModelValues,
  ServiceLogLevel,
  StateLocation,
  stateLocation,
  TokenValues,
} from './service-variables';
import { Reader, string } from './readers';
import { writableFile } from './writable-file';

/** The values of the variable groups every service of the distributed profile reads. */
export type ServiceValues = HttpValues & EventStoreValues & ReadModelValues & KafkaValues & TokenValues;

/** The variable groups every service of the distributed profile reads, with its own. */
export type ServiceSchema = ConfigSchema &
  ReturnType<typeof httpVariables> &
  ReturnType<typeof eventStoreVariables> &
  ReturnType<typeof readModelVariables> &
  ReturnType<typeof kafkaVariables> &
  ReturnType<typeof tokenVariables>;

/** What every service of the distributed profile is configured with; a service adds its own. */
export interface ServiceConfig {
  http: {
    port: number;
    host: string;
    trustProxy: boolean;
    rateLimitPerMinute: number;
    rateLimitStore: RateLimitStoreKind;
  };
  logLevel: ServiceLogLevel;
  eventStore: EventStoreLocation;
  /** The relay's checkpoint. */
  relayCheckpoints: StateLocation;
  readModels: { url: string; database: string };
  kafka: ReturnType<typeof kafkaSection>;
  auth: AuthOptions;
}

/**
 * State of the service's own beside the relay checkpoint (personal-data keys, a consumer's inbox):
 * in PostgreSQL when there is one, else in a SQLite file of its own, never the log's file (it
 * takes write transactions of its own).
 */
export interface OwnStateFile {
  /** The variable that names its file (declared by contextVariables). */
  variable: string;
  /** The file's name beside TADAMON_SQLITE_FILE when the variable is not set. */
  defaultName: string;
}

export interface ContextVariablesOptions<F extends string> {
  /** The HTTP port by default. */
  port: number;
  /** The log's SQLite file by default (data/<context>/<context>.db). */
  sqliteFile: string;
  /** The MongoDB database of the context's read models by default. */
  database: string;
  /** The variable naming the SQLite file of the context's own state (TADAMON_KEY_STORE_FILE...). */
  ownStateFile: F;
}

/**
 * The variables every context service reads first, in the order their problems are listed: HTTP,
 * the log, the file of the context's own state, the read models, Kafka. The context adds its own,
 * then `tokenVariables()` and `logSealVariables(loadSealPrivateKey)`.
 */
export const contextVariables = <F extends string>(options: ContextVariablesOptions<F>) => ({
  ...httpVariables(options.port),
  ...eventStoreVariables(options.sqliteFile),
  ...({ [options.ownStateFile]: string({ minLength: 1 }).optional() } as Record<
    F,
    Reader<string | undefined>
  >),
  ...readModelVariables(options.database),
  ...kafkaVariables(),
});

/**
 * Reads and checks a service's configuration: its variables and the rules between the shared
 * ones, then its SQLite files where they are used (the sqlite event store, or KurrentDB without
 * PostgreSQL). Throws one ConfigurationError naming every bad variable, before any connection.
 */
export function loadServiceConfig<S extends ServiceSchema>(
  schema: ConfigDefinition<S>,
  environment: NodeJS.ProcessEnv,
  own: OwnStateFile,
): { values: ConfigOf<S>; config: ServiceConfig; ownState: StateLocation } {
  const values = loadServiceVariables(schema, environment);
  // S holds the shared groups, so its values hold theirs (TypeScript cannot see it through ConfigOf).
  const shared = values as ConfigOf<S> & ServiceValues;
  const ownFileGiven = (values as Record<string, unknown>)[own.variable] as string | undefined;
  const problems: ConfigurationProblem[] = [];
  const local = keepsLocalState(shared);
  const sqliteFile = local ? writableFile('TADAMON_SQLITE_FILE', shared.TADAMON_SQLITE_FILE, problems) : '';
  const ownFile = local
    ? writableFile(
        own.variable,
        ownFileGiven ?? join(dirname(resolve(shared.TADAMON_SQLITE_FILE)), own.defaultName),
        problems,
      )
    : '';
  if (local && ownFile === sqliteFile)
    problems.push({ variable: own.variable, reason: 'must not be the file of TADAMON_SQLITE_FILE' });
  if (problems.length > 0) throw new ConfigurationError(problems);

  return {
    values,
    config: {
      http: httpSection(shared),
      logLevel: shared.LOG_LEVEL,
      eventStore: eventStoreLocation(shared, sqliteFile),
      relayCheckpoints: stateLocation(shared, sqliteFile),
      readModels: readModelsSection(shared),
      kafka: kafkaSection(shared),
      auth: authSection(shared),
    },
    ownState: stateLocation(shared, ownFile),
  };
}
