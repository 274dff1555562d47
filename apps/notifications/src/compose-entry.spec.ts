import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadNotificationsConfig, NOTIFICATIONS_VARIABLES } from './config';

interface ComposeFile {
  services: Record<string, { environment: Record<string, string | number | boolean> }>;
}

/** The entry's environment as compose passes it when the caller's shell sets none of its `${...}`. */
function composeEnvironment(): Record<string, string> {
  const compose = parse(readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8')) as ComposeFile;
  return Object.fromEntries(
    Object.entries(compose.services.notifications.environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

const given = { TADAMON_JWT_SECRET: 's'.repeat(48), TADAMON_MASTER_KEY: randomBytes(32).toString('base64') };

describe("docker-compose.yml's notifications entry", () => {
  it('sets only variables the service reads', () => {
    expect(
      Object.keys(composeEnvironment()).filter((name) => !NOTIFICATIONS_VARIABLES.includes(name)),
    ).toEqual([]);
  });

  it('starts with a token secret and the master key given, sending to Mailpit, reading the Registry’s keys', () => {
    const config = loadNotificationsConfig({ ...composeEnvironment(), ...given });
    expect(config.eventStore.kind).toBe('postgres');
    expect(config.readModels.database).toBe('tadamon_notifications');
    expect(config.email).toEqual({ kind: 'smtp', url: 'smtp://mailpit:1025' });
    expect(config.keyStoreUrl).toBe('postgres://tadamon:tadamon@postgres:5432/tadamon');
    expect(config.mailDomain).toBe('tadamon.local');
    expect(config.logSeals).toBeUndefined();
  });

  it('refuses to start without the master key or a way to verify tokens, naming them', () => {
    expect(() => loadNotificationsConfig(composeEnvironment())).toThrow(
      /TADAMON_MASTER_KEY[\s\S]*TADAMON_JWT_SECRET|TADAMON_JWT_SECRET[\s\S]*TADAMON_MASTER_KEY/,
    );
  });
});
