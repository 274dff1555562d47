import { consumerGroup, TRAINING_CONTEXT } from '@tadamon/contracts';
import { ed25519PrivateKeyPem } from '@tadamon/credentials';
import { loadSealPrivateKey } from '@tadamon/event-store';
import {
  base64Key,
  ConfigurationError,
  ConfigurationProblem,
  connectionString,
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
  refined,
  ServiceConfig,
  tokenVariables,
} from '@tadamon/nest-kit';

export interface TrainingConfig extends ServiceConfig {
  /** The consumer's inbox and the directory of the Registry's people: always PostgreSQL. */
  databaseUrl: string;
  /** The Registry's key store (schema tadamon_keys), where the contact persons' keys are. */
  keyStoreUrl: string;
  /** 32 bytes, base64: the Registry's, to unwrap the persons' keys (a trainee's name on a certificate). */
  masterKey: string;
  /** 32 bytes, base64: signs the check-in codes a trainer shows (every instance shares it). */
  checkInSecret: string;
  /** The certificates' issuer: its Ed25519 key (PKCS#8 PEM), the public URL its ids live under, its pass. */
  credentials: { keyPem: string; publicUrl: string; passIntervalMs: number };
  kafka: ServiceConfig['kafka'] & { group: string };
  /** Certificates are issued from this log: it is sealed when a key is given. */
  logSeals: LogSealSettings;
}

const SQLITE_FILE = 'data/training/training.db';

const schema = defineConfig({
  ...httpVariables(3005),
  ...eventStoreVariables(SQLITE_FILE),
  ...readModelVariables('tadamon_training'),
  ...kafkaVariables(),
  TADAMON_KAFKA_GROUP: kafkaName().default(consumerGroup(TRAINING_CONTEXT)),
  TADAMON_KEY_STORE_URL: connectionString(['postgres', 'postgresql']).optional(),
  TADAMON_MASTER_KEY: base64Key(32),
  TADAMON_CHECK_IN_SECRET: base64Key(32),
  // Required: every instance signs with the one key credentials already issued verify against.
  TADAMON_CREDENTIAL_ISSUER_KEY: refined(env.string({ maxLength: 10_000 }), (value) => {
    try {
      return { ok: true, value: ed25519PrivateKeyPem(value) };
    } catch (error) {
      return { ok: false, reason: (error as Error).message.replace(/: .*$/s, '') };
    }
  }),
  TADAMON_PUBLIC_URL: env.url({ protocols: ['http', 'https'] }),
  TADAMON_CERTIFICATE_PASS_SECONDS: env.int({ min: 0, max: 86_400 }).default(60),
  ...tokenVariables(),
  ...logSealVariables(loadSealPrivateKey),
});

/** The variables the service reads, for its documentation and tests. */
export const TRAINING_VARIABLES = Object.keys(schema.schema);

/** A rule of this service beside the kit's: PostgreSQL whatever the log. */
function ownProblems(environment: NodeJS.ProcessEnv): ConfigurationProblem[] {
  if (environment.DATABASE_URL !== undefined && environment.DATABASE_URL !== '') return [];
  return [
    {
      variable: 'DATABASE_URL',
      reason:
        "is required: the consumer's inbox and the directory of the Registry's people are in PostgreSQL",
    },
  ];
}

/**
 * Reads and checks the Training service's configuration. Throws one ConfigurationError naming every
 * bad variable, before any connection is made.
 */
export function loadTrainingConfig(environment: NodeJS.ProcessEnv = process.env): TrainingConfig {
  const own = ownProblems(environment);
  let loaded: ReturnType<typeof loadServiceConfig<typeof schema.schema>>;
  try {
    // As in apps/notifications: no state of its own in a SQLite file (it is in PostgreSQL).
    loaded = loadServiceConfig(schema, environment, {
      variable: 'TADAMON_CONSUMER_FILE',
      defaultName: 'consumer.db',
    });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const named = new Set(error.problems.map((p) => p.variable));
    throw new ConfigurationError([...error.problems, ...own.filter((p) => !named.has(p.variable))]);
  }
  if (own.length > 0) throw new ConfigurationError(own);
  const { values, config } = loaded;
  const databaseUrl = values.DATABASE_URL as string;
  return {
    ...config,
    databaseUrl,
    keyStoreUrl: values.TADAMON_KEY_STORE_URL ?? databaseUrl,
    masterKey: values.TADAMON_MASTER_KEY,
    checkInSecret: values.TADAMON_CHECK_IN_SECRET,
    credentials: {
      keyPem: values.TADAMON_CREDENTIAL_ISSUER_KEY,
      publicUrl: values.TADAMON_PUBLIC_URL.href.replace(/\/$/, ''),
      passIntervalMs: values.TADAMON_CERTIFICATE_PASS_SECONDS * 1000,
    },
    kafka: { ...config.kafka, group: values.TADAMON_KAFKA_GROUP },
    logSeals: logSealsSection(values),
  };
}
