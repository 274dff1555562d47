import { dirname, join, resolve } from 'node:path';
import { consumerGroup, PARTNERSHIPS_CONTEXT } from '@tadamon/contracts';
import { loadSealPrivateKey } from '@tadamon/event-store';
import {
  ConfigurationError,
  ContentStoreLocation,
  contentStoreLocation,
  contentStoreProblems,
  contentStoreVariables,
  contextVariables,
  defineConfig,
  env,
  kafkaName,
  loadServiceConfig,
  LogSealSettings,
  logSealsSection,
  logSealVariables,
  ServiceConfig,
  StateLocation,
  tokenVariables,
} from '@tadamon/nest-kit';

export interface PartnershipsConfig extends ServiceConfig {
  /** The Funding consumer's inbox (which events of Funding's topic were applied). */
  consumerState: StateLocation;
  kafka: ServiceConfig['kafka'] & { group: string };
  /** Agreements, signatures and disbursements are in this log: it is sealed when a key is given. */
  logSeals: LogSealSettings;
  /** Where the documents attached to agreements and projects are kept, by their SHA-256. */
  contentStore: ContentStoreLocation;
  /** The agreement expiry process's pass interval (0: the pass at start only). */
  agreementExpiry: { intervalMs: number };
  /** The largest document an upload may be (TADAMON_CONTENT_MAX_BYTES): beyond, 413. */
  maxDocumentBytes: number;
}

const SQLITE_FILE = 'data/partnerships/partnerships.db';

const contentVariables = contentStoreVariables(join(dirname(SQLITE_FILE), 'content'));

const schema = defineConfig({
  ...contextVariables({
    port: 3003,
    sqliteFile: SQLITE_FILE,
    ownStateFile: 'TADAMON_CONSUMER_FILE',
    database: 'tadamon_partnerships',
  }),
  TADAMON_KAFKA_GROUP: kafkaName().default(consumerGroup(PARTNERSHIPS_CONTEXT)),
  TADAMON_AGREEMENT_EXPIRY_INTERVAL: env.duration({ min: 0, max: 86_400_000 }).default(3_600_000),
  ...contentVariables,
  ...tokenVariables(),
  ...logSealVariables(loadSealPrivateKey),
});

/** The variables the service reads, for its documentation and tests. */
export const PARTNERSHIPS_VARIABLES = Object.keys(schema.schema);

/**
 * Reads and checks the Partnerships service's configuration. Throws one ConfigurationError naming
 * every bad variable (the content store's rules among them), before any connection is made.
 */
export function loadPartnershipsConfig(environment: NodeJS.ProcessEnv = process.env): PartnershipsConfig {
  const storeProblems = contentStoreProblems(environment);
  let loaded: ReturnType<typeof loadServiceConfig<typeof schema.schema>>;
  try {
    // The consumer's file takes write transactions for every delivery: kept apart from the log's.
    loaded = loadServiceConfig(schema, environment, {
      variable: 'TADAMON_CONSUMER_FILE',
      defaultName: 'consumer.db',
    });
  } catch (error) {
    if (!(error instanceof ConfigurationError) || storeProblems.length === 0) throw error;
    const named = new Set(error.problems.map((p) => p.variable));
    throw new ConfigurationError([...error.problems, ...storeProblems.filter((p) => !named.has(p.variable))]);
  }
  if (storeProblems.length > 0) throw new ConfigurationError(storeProblems);
  const { values, config, ownState } = loaded;
  // The folder sits beside the log's SQLite file unless named (the service's data folder).
  const contentDir = environment.TADAMON_CONTENT_DIR
    ? values.TADAMON_CONTENT_DIR
    : join(dirname(resolve(values.TADAMON_SQLITE_FILE)), 'content');
  return {
    ...config,
    consumerState: ownState,
    kafka: { ...config.kafka, group: values.TADAMON_KAFKA_GROUP },
    logSeals: logSealsSection(values),
    contentStore: contentStoreLocation({ ...values, TADAMON_CONTENT_DIR: contentDir }, values.DATABASE_URL),
    agreementExpiry: { intervalMs: values.TADAMON_AGREEMENT_EXPIRY_INTERVAL },
    maxDocumentBytes: values.TADAMON_CONTENT_MAX_BYTES,
  };
}
