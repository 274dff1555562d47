import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export class ConfigurationError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`configuration: ${variable} ${reason}`);
    this.name = 'ConfigurationError';
  }
}

export interface EmbeddedConfig {
  /** Folder of the embedded profile's files: the SQLite event store lives here. */
  dataDir: string;
  eventStoreFile: string;
}

/** Reads DATA_DIR (default ./data), creating it; a folder that cannot be written is named in the error. */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv = process.env, dataDir?: string): EmbeddedConfig {
  const dir = resolve(dataDir ?? env.DATA_DIR ?? 'data');
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigurationError(
      'DATA_DIR',
      `(${dir}) is not a writable folder: ${(error as Error).message}`,
    );
  }
  return { dataDir: dir, eventStoreFile: resolve(dir, 'events.db') };
}
