import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '@tadamon/nest-kit';
import { loadNotificationsConfig, NOTIFICATIONS_VARIABLES } from './config';

const SECRET = 's'.repeat(32);
const MASTER_KEY = randomBytes(32).toString('base64');
const valid = {
  DATABASE_URL: 'postgres://tadamon:p4ssw0rd@db:5432/notifications',
  MONGODB_URL: 'mongodb://m1:27017/',
  KAFKA_BROKERS: 'k1:9092',
  TADAMON_MASTER_KEY: MASTER_KEY,
  TADAMON_JWT_SECRET: SECRET,
};

function problemsOf(env: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    loadNotificationsConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the Notifications service configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notifications-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to PostgreSQL, port 3004, its groups, and the Registry’s key store in its own database', () => {
    const config = loadNotificationsConfig(valid);
    expect(config.http.port).toBe(3004);
    expect(config.eventStore).toEqual({ kind: 'postgres', url: valid.DATABASE_URL });
    expect(config.databaseUrl).toBe(valid.DATABASE_URL);
    expect(config.keyStoreUrl).toBe(valid.DATABASE_URL);
    expect(config.readModels.database).toBe('tadamon_notifications');
    expect(config.kafka.group).toBe('tadamon.notifications');
    expect(config.kafka.directoryGroup).toBe('tadamon.notifications.directory');
    expect(config.masterKey).toBe(MASTER_KEY);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.mailDomain).toBe('tadamon.local');
    expect(config.logSeals).toBeUndefined();
    // Webhooks never reach this machine or a private network unless asked (SSRF).
    expect(config.webhookAllowPrivate).toBe(false);
    expect(
      loadNotificationsConfig({ ...valid, TADAMON_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate,
    ).toBe(true);
  });

  it('sends by SMTP when SMTP_URL is set, else writes .eml files to a folder beside the SQLite file', () => {
    expect(loadNotificationsConfig({ ...valid, SMTP_URL: 'smtp://mailpit:1025' }).email).toEqual({
      kind: 'smtp',
      url: 'smtp://mailpit:1025',
    });
    expect(loadNotificationsConfig(valid).email).toEqual({
      kind: 'outbox',
      dir: resolve('data/notifications/outbox'),
    });
    expect(loadNotificationsConfig({ ...valid, TADAMON_OUTBOX_DIR: join(dir, 'mail') }).email).toEqual({
      kind: 'outbox',
      dir: join(dir, 'mail'),
    });
  });

  it('derives the unsubscribe key from the token secret as the platform does, or takes its own', () => {
    const derived = createHmac('sha256', SECRET).update('tadamon:unsubscribe-links').digest('base64');
    expect(loadNotificationsConfig(valid).unsubscribeSecret).toBe(derived);
    const own = 'u'.repeat(40);
    expect(loadNotificationsConfig({ ...valid, TADAMON_UNSUBSCRIBE_SECRET: own }).unsubscribeSecret).toBe(
      own,
    );
  });

  it('needs its own unsubscribe key when tokens are verified by JWKS', () => {
    const jwks = { ...valid, TADAMON_JWT_SECRET: undefined, TADAMON_JWKS_URL: 'https://id.example.org/jwks' };
    expect(problemsOf(jwks).map((p) => p.variable)).toEqual(['TADAMON_UNSUBSCRIBE_SECRET']);
    expect(
      loadNotificationsConfig({ ...jwks, TADAMON_UNSUBSCRIBE_SECRET: 'u'.repeat(32) }).auth.verification.kind,
    ).toBe('jwks');
  });

  it('reads the Registry’s key store where it is named', () => {
    const registry = 'postgres://notifications:pw@db:5432/tadamon_registry';
    expect(loadNotificationsConfig({ ...valid, TADAMON_KEY_STORE_URL: registry }).keyStoreUrl).toBe(registry);
  });

  it('needs PostgreSQL whatever the log: the inboxes, the contacts and the secrets are there', () => {
    const sqlite = {
      ...valid,
      DATABASE_URL: undefined,
      TADAMON_EVENT_STORE: 'sqlite',
      TADAMON_SQLITE_FILE: join(dir, 'n.db'),
    };
    expect(problemsOf(sqlite)).toEqual([
      { variable: 'DATABASE_URL', reason: expect.stringMatching(/PostgreSQL/) },
    ]);
    const config = loadNotificationsConfig({ ...sqlite, DATABASE_URL: valid.DATABASE_URL });
    expect(config.eventStore).toEqual({ kind: 'sqlite', file: join(dir, 'n.db') });
    expect(config.databaseUrl).toBe(valid.DATABASE_URL);
  });

  it('names every missing and bad variable in one error, never echoing a value', () => {
    const error = (() => {
      try {
        loadNotificationsConfig({
          SMTP_URL: 'http://mail:25',
          TADAMON_MASTER_KEY: 'short',
          TADAMON_MAIL_DOMAIN: 'not a domain',
          TADAMON_PUBLIC_URL: 'ftp://x',
          TADAMON_KEY_STORE_URL: 'mysql://root:hunter2@db/x',
        });
      } catch (caught) {
        return caught as ConfigurationError;
      }
      throw new Error('expected a ConfigurationError');
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      [
        'DATABASE_URL',
        'KAFKA_BROKERS',
        'MONGODB_URL',
        'SMTP_URL',
        'TADAMON_JWT_SECRET',
        'TADAMON_KEY_STORE_URL',
        'TADAMON_MAIL_DOMAIN',
        'TADAMON_MASTER_KEY',
        'TADAMON_PUBLIC_URL',
        'TADAMON_UNSUBSCRIBE_SECRET',
      ].sort(),
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('documents every variable it reads in docs/notifications-service.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/notifications-service.md'), 'utf8');
    expect(NOTIFICATIONS_VARIABLES.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
