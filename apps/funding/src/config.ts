import { consumerGroup, FUNDING_CONTEXT } from '@tadamon/contracts';
import { loadSealPrivateKey } from '@tadamon/event-store';
import {
  defineConfig,
  env,
  eventStoreVariables,
  httpVariables,
  kafkaName,
  kafkaVariables,
  loadServiceConfig,
  LogSealSettings,
  logSealsSection,
  logSealVariables,
  readModelVariables,
  ServiceConfig,
  StateLocation,
  tokenVariables,
} from '@tadamon/nest-kit';

export interface FundingConfig extends ServiceConfig {
  /** The Registry consumer's inbox and the registry facts, which commit in one transaction. */
  consumerState: StateLocation;
  kafka: ServiceConfig['kafka'] & { group: string };
  /** The grant decisions auditors replay are in this log: it is sealed when a key is given. */
  logSeals: LogSealSettings;
  /** Funding's award process: pass interval, and how long a commitment is left to its award. */
  awardProcess: { intervalMs: number; graceMs: number };
}

const schema = defineConfig({
  ...httpVariables(3002),
  ...eventStoreVariables('data/funding/funding.db'),
  TADAMON_CONSUMER_FILE: env.string({ minLength: 1 }).optional(),
  ...readModelVariables('tadamon_funding'),
  ...kafkaVariables(),
  TADAMON_KAFKA_GROUP: kafkaName().default(consumerGroup(FUNDING_CONTEXT)),
  TADAMON_AWARD_PROCESS_INTERVAL: env.duration({ min: 0, max: 86_400_000 }).default(30_000),
  TADAMON_AWARD_PROCESS_GRACE: env.duration({ min: 1_000, max: 86_400_000 }).default(60_000),
  ...tokenVariables(),
  ...logSealVariables(loadSealPrivateKey),
});

/** The variables the service reads, for its documentation and tests. */
export const FUNDING_VARIABLES = Object.keys(schema.schema);

/**
 * Reads and checks the Funding service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadFundingConfig(environment: NodeJS.ProcessEnv = process.env): FundingConfig {
  // The consumer's file takes write transactions for every delivery: kept apart from the log's.
  const { values, config, ownState } = loadServiceConfig(schema, environment, (values) => ({
    variable: 'TADAMON_CONSUMER_FILE',
    file: values.TADAMON_CONSUMER_FILE,
    defaultName: 'consumer.db',
  }));
  return {
    ...config,
    consumerState: ownState,
    kafka: { ...config.kafka, group: values.TADAMON_KAFKA_GROUP },
    logSeals: logSealsSection(values),
    awardProcess: {
      intervalMs: values.TADAMON_AWARD_PROCESS_INTERVAL,
      graceMs: values.TADAMON_AWARD_PROCESS_GRACE,
    },
  };
}
