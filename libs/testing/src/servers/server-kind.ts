/** The servers a test can need, and the environment variable that carries each one's URL. */
export const SERVER_ENV = {
  kafka: 'KAFKA_BROKERS',
  mongo: 'MONGO_URL',
  postgres: 'DATABASE_URL',
  kurrentdb: 'KURRENTDB_URL',
  // An S3-compatible server, its test credential in the URL: http://KEY:SECRET@host:port
  s3: 'S3_URL',
  // Mailpit's HTTP API (where tests read mail back); its SMTP side is MAILPIT_SMTP_URL (see mailpit.ts).
  mailpit: 'MAILPIT_URL',
} as const;

export type ServerKind = keyof typeof SERVER_ENV;

/** The servers every machine of this project can have: a missing one is a failure. */
export const REQUIRED_SERVERS: ServerKind[] = ['kafka', 'mongo', 'postgres', 's3', 'mailpit'];

/** Where the global setup found the servers; read by tests to explain themselves. */
export const SERVER_SOURCE_ENV = 'TADAMON_TEST_SERVERS_SOURCE';
/** Why a server could not be had, per kind, as JSON; set by the global setup. */
export const SERVER_ERRORS_ENV = 'TADAMON_TEST_SERVERS_ERRORS';

export type ServerUrls = Partial<Record<ServerKind, string>>;
