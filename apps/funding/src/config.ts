import { consumerGroup, FUNDING_CONTEXT } from '@tadamon/contracts';
import { loadSealPrivateKey } from '@tadamon/event-store';
import {
  contextVariables,
  defineConfig,
  env,
  kafkaName,
  loadServiceConfig,
  LogSealSettings,
  logSealsSection,
  logSealVariables,
  ReadResult,
  refined,
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
  /** The user ids of the selection committee: the only ones a decision may name. */
  committeeMembers: string[];
  /** Funding's award process: pass interval, and how long a commitment is left to its award. */
  awardProcess: { intervalMs: number; graceMs: number };
}

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

/** Committee user ids, comma separated: the service has no user directory of its own. */
const committeeMembers = () =>
  refined(env.string({ maxLength: 10_000 }), (value): ReadResult<string[]> => {
    const ids = [...new Set(value.split(',').map((id) => id.trim()))].filter((id) => id !== '');
    const bad = ids.find((id) => !USER_ID.test(id));
    if (bad !== undefined)
      return { ok: false, reason: `must be user ids separated by commas, got "${bad.slice(0, 100)}"` };
    if (ids.length === 0) return { ok: false, reason: 'must name at least one committee user id' };
    return { ok: true, value: ids };
  });

const schema = defineConfig({
  ...contextVariables({
    port: 3002,
    sqliteFile: 'data/funding/funding.db',
    ownStateFile: 'TADAMON_CONSUMER_FILE',
    database: 'tadamon_funding',
  }),
  TADAMON_KAFKA_GROUP: kafkaName().default(consumerGroup(FUNDING_CONTEXT)),
  TADAMON_AWARD_PROCESS_INTERVAL: env.duration({ min: 0, max: 86_400_000 }).default(30_000),
  TADAMON_AWARD_PROCESS_GRACE: env.duration({ min: 1_000, max: 86_400_000 }).default(60_000),
  ...tokenVariables(),
  ...logSealVariables(loadSealPrivateKey),
  TADAMON_COMMITTEE_MEMBERS: committeeMembers(),
});

/** The variables the service reads, for its documentation and tests. */
export const FUNDING_VARIABLES = Object.keys(schema.schema);

/**
 * Reads and checks the Funding service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadFundingConfig(environment: NodeJS.ProcessEnv = process.env): FundingConfig {
  // The consumer's file takes write transactions for every delivery: kept apart from the log's.
  const { values, config, ownState } = loadServiceConfig(schema, environment, {
    variable: 'TADAMON_CONSUMER_FILE',
    defaultName: 'consumer.db',
  });
  return {
    ...config,
    consumerState: ownState,
    kafka: { ...config.kafka, group: values.TADAMON_KAFKA_GROUP },
    logSeals: logSealsSection(values),
    committeeMembers: values.TADAMON_COMMITTEE_MEMBERS,
    awardProcess: {
      intervalMs: values.TADAMON_AWARD_PROCESS_INTERVAL,
      graceMs: values.TADAMON_AWARD_PROCESS_GRACE,
    },
  };
}
