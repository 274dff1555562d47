import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '@tadamon/nest-kit';
import { loadTrainingConfig, TRAINING_VARIABLES } from './config';

interface ComposeFile {
  services: Record<string, { environment: Record<string, string | number | boolean> }>;
}

/** The entry's environment as compose passes it when the caller's shell sets none of its `${...}`. */
function composeEnvironment(): Record<string, string> {
  const compose = parse(readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8')) as ComposeFile;
  return Object.fromEntries(
    Object.entries(compose.services.training.environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

const given = {
  TADAMON_JWT_SECRET: 's'.repeat(48),
  TADAMON_MASTER_KEY: randomBytes(32).toString('base64'),
  TADAMON_CHECK_IN_SECRET: randomBytes(32).toString('base64'),
  TADAMON_CREDENTIAL_ISSUER_KEY: generateKeyPairSync('ed25519').privateKey.export({
    format: 'pem',
    type: 'pkcs8',
  }) as string,
};

describe("docker-compose.yml's training entry", () => {
  it('sets only variables the service reads', () => {
    expect(Object.keys(composeEnvironment()).filter((name) => !TRAINING_VARIABLES.includes(name))).toEqual(
      [],
    );
  });

  it('starts with a token secret, the master key and the check-in secret given, reading the Registry’s keys', () => {
    const config = loadTrainingConfig({ ...composeEnvironment(), ...given });
    expect(config.eventStore.kind).toBe('postgres');
    expect(config.databaseUrl).toBe('postgres://tadamon:tadamon@postgres:5432/tadamon_training');
    expect(config.readModels.database).toBe('tadamon_training');
    expect(config.keyStoreUrl).toBe('postgres://tadamon:tadamon@postgres:5432/tadamon');
    expect(config.checkInSecret).toBe(given.TADAMON_CHECK_IN_SECRET);
    expect(config.logSeals).toBeUndefined();
  });

  it('refuses to start without the master key, the check-in secret or a way to verify tokens, naming them', () => {
    const problems = (() => {
      try {
        loadTrainingConfig(composeEnvironment());
      } catch (error) {
        return (error as ConfigurationError).problems.map((p) => p.variable).sort();
      }
      throw new Error('expected a ConfigurationError');
    })();
    expect(problems).toEqual([
      'TADAMON_CHECK_IN_SECRET',
      'TADAMON_CREDENTIAL_ISSUER_KEY',
      'TADAMON_JWT_SECRET',
      'TADAMON_MASTER_KEY',
    ]);
  });
});
