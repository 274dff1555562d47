import { dirname, join, resolve } from 'node:path';
import { consumerGroup, FUNDING_CONTEXT } from '@tadamon/contracts';
import {
  AuthOptions,
  authSection,
  ConfigurationError,
  ConfigurationProblem,
  defineConfig,
  env,
  EventStoreLocation,
  eventStoreLocation,
  eventStoreVariables,
  httpSection,
  httpVariables,
  kafkaName,
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

export interface FundingConfig {
  http: { port: number; host: string; trustProxy: boolean; rateLimitPerMinute: number };
  logLevel: ServiceLogLevel;
  eventStore: EventStoreLocation;
  /** The relay's checkpoint. */
  relayCheckpoints: StateLocation;
  /** The Registry consumer's inbox and the registry facts, which commit in one transaction. */
  consumerState: StateLocation;
  readModels: { url: string; database: string };
  kafka: { brokers: string[]; partitions: number; replicationFactor: number; group: string };
  auth: AuthOptions;
}

const schema = defineConfig({
  ...httpVariables(3002),
  ...eventStoreVariables('data/funding/funding.db'),
  TADAMON_CONSUMER_FILE: env.string({ minLength: 1 }).optional(),
  ...readModelVariables('tadamon_funding'),
  ...kafkaVariables(),
  TADAMON_KAFKA_GROUP: kafkaName().default(consumerGroup(FUNDING_CONTEXT)),
  ...tokenVariables(),
});

/** The variables the service reads, for its documentation and tests. */
export const FUNDING_VARIABLES = Object.keys(schema.schema);

/**
 * Reads and checks the Funding service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadFundingConfig(environment: NodeJS.ProcessEnv = process.env): FundingConfig {
  const values = loadServiceVariables(schema, environment);
  const problems: ConfigurationProblem[] = [];
  // SQLite files only where they are used: the sqlite event store, or KurrentDB without PostgreSQL.
  const local = keepsLocalState(values);
  const sqliteFile = local ? writableFile('TADAMON_SQLITE_FILE', values.TADAMON_SQLITE_FILE, problems) : '';
  const consumerFile = local
    ? writableFile(
        'TADAMON_CONSUMER_FILE',
        values.TADAMON_CONSUMER_FILE ?? join(dirname(resolve(values.TADAMON_SQLITE_FILE)), 'consumer.db'),
        problems,
      )
    : '';
  // The consumer's file takes write transactions for every delivery: kept apart from the log's.
  if (local && consumerFile === sqliteFile)
    problems.push({
      variable: 'TADAMON_CONSUMER_FILE',
      reason: 'must not be the file of TADAMON_SQLITE_FILE',
    });
  if (problems.length > 0) throw new ConfigurationError(problems);

  return {
    http: httpSection(values),
    logLevel: values.LOG_LEVEL,
    eventStore: eventStoreLocation(values, sqliteFile),
    relayCheckpoints: stateLocation(values, sqliteFile),
    consumerState: stateLocation(values, consumerFile),
    readModels: readModelsSection(values),
    kafka: { ...kafkaSection(values), group: values.TADAMON_KAFKA_GROUP },
    auth: authSection(values),
  };
}
