import { createHmac } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { consumerGroup, NOTIFICATIONS_CONTEXT } from '@tadamon/contracts';
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
  ReadResult,
  refined,
  ServiceConfig,
  tokenVariables,
} from '@tadamon/nest-kit';

/** Where emails go: an SMTP server, or a folder of .eml files (nothing to install). */
export type EmailLocation = { kind: 'smtp'; url: string } | { kind: 'outbox'; dir: string };

export interface NotificationsConfig extends ServiceConfig {
  /** The consumers' inboxes, the contacts directory and the webhook secrets: always PostgreSQL. */
  databaseUrl: string;
  /** The Registry's key store (schema tadamon_keys), where the contact persons' keys are. */
  keyStoreUrl: string;
  /** 32 bytes, base64: the Registry's, to unwrap the persons' keys (and this service's secrets). */
  masterKey: string;
  kafka: ServiceConfig['kafka'] & {
    /** The policy's group (Funding's, Partnerships', the Registry's and Training's topics). */
    group: string;
    /** The directory's group (the Registry's topic and its contacts topic). */
    directoryGroup: string;
  };
  /** The proof of notice is in this log: it is sealed when a key is given. */
  logSeals: LogSealSettings;
  email: EmailLocation;
  publicUrl: string;
  mailDomain: string;
  /** Deliver webhooks to this machine and private networks (TADAMON_WEBHOOK_ALLOW_PRIVATE; default no). */
  webhookAllowPrivate: boolean;
  unsubscribeSecret: string;
}

const SQLITE_FILE = 'data/notifications/notifications.db';
const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const mailDomain = () =>
  refined(env.string({ maxLength: 253 }), (value): ReadResult<string> =>
    DOMAIN.test(value.trim())
      ? { ok: true, value: value.trim().toLowerCase() }
      : { ok: false, reason: 'must be a domain name' },
  );

const schema = defineConfig({
  ...httpVariables(3004),
  ...eventStoreVariables(SQLITE_FILE),
  ...readModelVariables('tadamon_notifications'),
  ...kafkaVariables(),
  TADAMON_KAFKA_GROUP: kafkaName().default(consumerGroup(NOTIFICATIONS_CONTEXT)),
  TADAMON_KEY_STORE_URL: connectionString(['postgres', 'postgresql']).optional(),
  TADAMON_MASTER_KEY: base64Key(32),
  SMTP_URL: env.url({ protocols: ['smtp', 'smtps'] }).optional(),
  TADAMON_OUTBOX_DIR: env.string({ minLength: 1 }).optional(),
  TADAMON_PUBLIC_URL: env.url({ protocols: ['http', 'https'] }).default(new URL('http://localhost:3000')),
  TADAMON_MAIL_DOMAIN: mailDomain().default('tadamon.local'),
  TADAMON_UNSUBSCRIBE_SECRET: env.string({ minLength: 32 }).optional(),
  TADAMON_WEBHOOK_ALLOW_PRIVATE: env.boolean().default(false),
  ...tokenVariables(),
  ...logSealVariables(loadSealPrivateKey),
});

/** The variables the service reads, for its documentation and tests. */
export const NOTIFICATIONS_VARIABLES = Object.keys(schema.schema);

const isSet = (value: string | undefined) => value !== undefined && value !== '';

/** Rules of this service beside the kit's: PostgreSQL whatever the log, an unsubscribe key. */
function ownProblems(environment: NodeJS.ProcessEnv): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  if (!isSet(environment.DATABASE_URL))
    problems.push({
      variable: 'DATABASE_URL',
      reason:
        "is required: the consumers' inboxes, the contacts directory and the webhook secrets are in PostgreSQL",
    });
  if (!isSet(environment.TADAMON_UNSUBSCRIBE_SECRET) && !isSet(environment.TADAMON_JWT_SECRET))
    problems.push({
      variable: 'TADAMON_UNSUBSCRIBE_SECRET',
      reason: 'is required when tokens are verified with TADAMON_JWKS_URL (nothing to derive it from)',
    });
  return problems;
}

/**
 * Reads and checks the Notifications service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadNotificationsConfig(environment: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const own = ownProblems(environment);
  let loaded: ReturnType<typeof loadServiceConfig<typeof schema.schema>>;
  try {
    // No state of its own in a SQLite file (it is in PostgreSQL): the kit's check of that file's
    // folder is the SQLite log's folder, already checked for TADAMON_SQLITE_FILE.
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
  const group = values.TADAMON_KAFKA_GROUP;
  return {
    ...config,
    databaseUrl,
    keyStoreUrl: values.TADAMON_KEY_STORE_URL ?? databaseUrl,
    masterKey: values.TADAMON_MASTER_KEY,
    kafka: { ...config.kafka, group, directoryGroup: `${group}.directory` },
    logSeals: logSealsSection(values),
    email: values.SMTP_URL
      ? { kind: 'smtp', url: values.SMTP_URL.href }
      : {
          kind: 'outbox',
          dir: resolve(
            values.TADAMON_OUTBOX_DIR ?? join(dirname(resolve(values.TADAMON_SQLITE_FILE)), 'outbox'),
          ),
        },
    publicUrl: values.TADAMON_PUBLIC_URL.href.replace(/\/$/, ''),
    mailDomain: values.TADAMON_MAIL_DOMAIN,
    webhookAllowPrivate: values.TADAMON_WEBHOOK_ALLOW_PRIVATE,
    // As the platform derives it: its own key, so an unsubscribe link is no token.
    unsubscribeSecret:
      values.TADAMON_UNSUBSCRIBE_SECRET ??
      createHmac('sha256', values.TADAMON_JWT_SECRET as string)
        .update('tadamon:unsubscribe-links')
        .digest('base64'),
  };
}
