import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  idempotencyFile: string;
  /** Signs the built-in issuer's tokens: TADAMON_JWT_SECRET, else one generated and kept in DATA_DIR. */
  jwtSecret: string;
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
  return {
    dataDir: dir,
    eventStoreFile: resolve(dir, 'events.db'),
    idempotencyFile: resolve(dir, 'idempotency.db'),
    jwtSecret: jwtSecret(env, dir),
  };
}

function jwtSecret(env: NodeJS.ProcessEnv, dir: string): string {
  if (env.TADAMON_JWT_SECRET !== undefined) {
    if (env.TADAMON_JWT_SECRET.length < 32)
      throw new ConfigurationError('TADAMON_JWT_SECRET', 'needs at least 32 characters');
    return env.TADAMON_JWT_SECRET;
  }
  // Kept in the data folder so tokens survive a restart of the embedded platform.
  const file = resolve(dir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
