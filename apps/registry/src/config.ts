import {
  base64Key,
  contextVariables,
  defineConfig,
  loadServiceConfig,
  LogSealSettings,
  logSealsSection,
  logSealVariables,
  ServiceConfig,
  StateLocation,
  tokenVariables,
} from '@tadamon/nest-kit';

import { loadSealPrivateKey } from '@tadamon/event-store';

export type { ServiceLogLevel as LogLevel, StateLocation } from '@tadamon/nest-kit';

export interface RegistryConfig extends ServiceConfig {
  /** Personal-data keys (wrapped under the master key), never in the event store's file. */
  keyStore: StateLocation;
  /** 32 bytes, base64. */
  masterKey: string;
  logSeals: LogSealSettings;
}

const schema = defineConfig({
  ...contextVariables({
    port: 3001,
    sqliteFile: 'data/registry/registry.db',
    ownStateFile: 'TADAMON_KEY_STORE_FILE',
    database: 'tadamon_registry',
  }),
  TADAMON_MASTER_KEY: base64Key(32),
  ...tokenVariables(),
  ...logSealVariables(loadSealPrivateKey),
});

/** The variables the service reads, for its documentation and tests. */
export const REGISTRY_VARIABLES = Object.keys(schema.schema);

/**
 * Reads and checks the Registry service's configuration. Throws one ConfigurationError naming
 * every bad variable, before any connection is made.
 */
export function loadRegistryConfig(environment: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const { values, config, ownState } = loadServiceConfig(schema, environment, {
    variable: 'TADAMON_KEY_STORE_FILE',
    defaultName: 'keys.db',
  });
  return {
    ...config,
    keyStore: ownState,
    masterKey: values.TADAMON_MASTER_KEY,
    logSeals: logSealsSection(values),
  };
}
