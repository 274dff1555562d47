import { KeyObject, randomBytes } from 'node:crypto';
import { sealPrivateKeyFromEnvironment } from '@tadamon/event-store';
import { env as variables } from '@tadamon/nest-kit';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { certificatePassSeconds, credentialIssuerKey } from './credential-issuer-config';

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
  /** Documents attached to agreements and projects, by SHA-256 (the folder content store). */
  documentsDir: string;
  idempotencyFile: string;
  /** Signs the built-in issuer's tokens: TADAMON_JWT_SECRET, else one generated and kept in DATA_DIR. */
  jwtSecret: string;
  /** Signs the training check-in codes: TADAMON_CHECK_IN_SECRET (32 bytes, base64), else DATA_DIR/check-in-secret (generated). */
  checkInSecret: string;
  /** Signs Training's certificates (PKCS#8 PEM, Ed25519): TADAMON_CREDENTIAL_ISSUER_KEY, else DATA_DIR/credential-issuer-key.pem (generated). */
  credentialIssuerKeyPem: string;
  /** Between two passes issuing the certificates owed to completions: TADAMON_CERTIFICATE_PASS_SECONDS (default 60; 0: at start only). */
  certificatePassSeconds: number;
  /** Personal-data keys (wrapped), outside the event log. */
  keyStoreFile: string;
  /** Wraps the personal-data keys: TADAMON_MASTER_KEY (32 bytes, base64), else one generated and kept in DATA_DIR. */
  masterKey: string;
  /** Requests per client IP per minute: TADAMON_RATE_LIMIT, default 600. */
  rateLimitPerMinute: number;
  /** Signs the log seals: TADAMON_SEAL_PRIVATE_KEY, else DATA_DIR/seal-key.pem (generated, with seal-key.pub). */
  sealPrivateKey: KeyObject;
  /**
   * The operator's acknowledgement of events the platform did not write (docs/audit.md):
   * TADAMON_SEAL_ACKNOWLEDGE, the position of the last one reported, and TADAMON_SEAL_ACKNOWLEDGED_BY.
   */
  sealAcknowledge?: { upToPosition: number; by: string };
  /** Where the sealer notes a clean stop: DATA_DIR/seal-stopped.json. */
  sealStopMarkerFile: string;
  /** The day's latest seal, one line a day (docs/audit.md): TADAMON_SEAL_WITNESS_FILE, else DATA_DIR/seal-witness.jsonl. */
  sealWitnessFile: string;
  /** The last verifications of the log started from the API (docs/audit.md): DATA_DIR/audit-verifications.json. */
  verificationHistoryFile: string;
  /** Between two passes of Funding's award process: TADAMON_AWARD_PROCESS_INTERVAL, default 30 s. */
  awardProcessIntervalMs: number;
  /** Where emails go: SMTP_URL (smtp:// or smtps://) sends for real; unset, the folder DATA_DIR/outbox. */
  smtpUrl: string | null;
  outboxDir: string;
  /** Where the links of a message point: TADAMON_PUBLIC_URL, default http://localhost:3000. */
  publicUrl: string;
  /** The domain of the emails' Message-IDs and sender: TADAMON_MAIL_DOMAIN, default tadamon.local. */
  mailDomain: string;
  /**
   * Deliver webhooks to this machine and private networks: TADAMON_WEBHOOK_ALLOW_PRIVATE=true (tests,
   * a partner's local setup); by default refused, so no endpoint reaches the ministry's own network.
   */
  webhookAllowPrivate: boolean;
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
    documentsDir: resolve(dir, 'documents'),
    idempotencyFile: resolve(dir, 'idempotency.db'),
    jwtSecret: jwtSecret(env, dir),
    checkInSecret: checkInSecret(env, dir),
    credentialIssuerKeyPem: credentialIssuerKey(env, dir),
    certificatePassSeconds: certificatePassSeconds(env),
    keyStoreFile: resolve(dir, 'keys.db'),
    masterKey: masterKey(env, dir),
    rateLimitPerMinute: rateLimit(env),
    sealPrivateKey: sealKey(env, dir),
    sealAcknowledge: sealAcknowledge(env),
    sealStopMarkerFile: resolve(dir, 'seal-stopped.json'),
    sealWitnessFile: resolve(env.TADAMON_SEAL_WITNESS_FILE?.trim() || resolve(dir, 'seal-witness.jsonl')),
    verificationHistoryFile: resolve(dir, 'audit-verifications.json'),
    awardProcessIntervalMs: awardProcessInterval(env),
    smtpUrl: optionalUrl(env, 'SMTP_URL', ['smtp', 'smtps']),
    outboxDir: resolve(dir, 'outbox'),
    publicUrl: optionalUrl(env, 'TADAMON_PUBLIC_URL', ['http', 'https']) ?? 'http://localhost:3000',
    mailDomain: mailDomain(env),
    webhookAllowPrivate: webhookAllowPrivate(env),
  };
}

function sealAcknowledge(env: NodeJS.ProcessEnv): EmbeddedConfig['sealAcknowledge'] {
  const raw = env.TADAMON_SEAL_ACKNOWLEDGE?.trim();
  if (!raw) return undefined;
  const upToPosition = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(upToPosition) || upToPosition < 1)
    throw new ConfigurationError(
      'TADAMON_SEAL_ACKNOWLEDGE',
      `must be the global position of the last unaccounted event the platform reported (an integer >= 1), got "${raw}"`,
    );
  const by = env.TADAMON_SEAL_ACKNOWLEDGED_BY?.trim();
  if (by !== undefined && by.length > 200)
    throw new ConfigurationError('TADAMON_SEAL_ACKNOWLEDGED_BY', 'must be at most 200 characters');
  return { upToPosition, by: by || 'the operator (TADAMON_SEAL_ACKNOWLEDGE)' };
}

function awardProcessInterval(environment: NodeJS.ProcessEnv): number {
  const read = variables
    .duration({ min: 0, max: 86_400_000 })
    .default(30_000)
    .read(environment.TADAMON_AWARD_PROCESS_INTERVAL);
  if (!read.ok) throw new ConfigurationError('TADAMON_AWARD_PROCESS_INTERVAL', read.reason);
  return read.value;
}

function optionalUrl(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  const read = variables.url({ protocols }).read(raw);
  if (!read.ok) throw new ConfigurationError(name, read.reason);
  return read.value.toString();
}

function webhookAllowPrivate(env: NodeJS.ProcessEnv): boolean {
  const read = variables.boolean().default(false).read(env.TADAMON_WEBHOOK_ALLOW_PRIVATE);
  if (!read.ok) throw new ConfigurationError('TADAMON_WEBHOOK_ALLOW_PRIVATE', read.reason);
  return read.value;
}

function mailDomain(env: NodeJS.ProcessEnv): string {
  const raw = env.TADAMON_MAIL_DOMAIN?.trim() || 'tadamon.local';
  if (
    !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(raw)
  )
    throw new ConfigurationError('TADAMON_MAIL_DOMAIN', `must be a domain name, got "${raw}"`);
  return raw.toLowerCase();
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

function checkInSecret(env: NodeJS.ProcessEnv, dir: string): string {
  const given = env.TADAMON_CHECK_IN_SECRET;
  if (given !== undefined) {
    if (Buffer.from(given, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(given))
      throw new ConfigurationError(
        'TADAMON_CHECK_IN_SECRET',
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      );
    return given;
  }
  // Kept in the data folder so the codes on a trainer's screen survive a restart.
  const file = resolve(dir, 'check-in-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function masterKey(env: NodeJS.ProcessEnv, dir: string): string {
  const given = env.TADAMON_MASTER_KEY;
  if (given !== undefined) {
    if (Buffer.from(given, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(given))
      throw new ConfigurationError(
        'TADAMON_MASTER_KEY',
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      );
    return given;
  }
  // Losing this file loses every contact person's data: it is kept beside the key store it opens.
  const file = resolve(dir, 'master-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function rateLimit(env: NodeJS.ProcessEnv): number {
  const raw = env.TADAMON_RATE_LIMIT;
  if (raw === undefined) return 600;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ConfigurationError(
      'TADAMON_RATE_LIMIT',
      `must be a positive integer (requests per minute), got "${raw}"`,
    );
  return value;
}

function sealKey(env: NodeJS.ProcessEnv, dir: string): KeyObject {
  try {
    return sealPrivateKeyFromEnvironment(env, dir);
  } catch (error) {
    throw new ConfigurationError(
      'TADAMON_SEAL_PRIVATE_KEY',
      (error as Error).message.replace(/^TADAMON_SEAL_PRIVATE_KEY: /, ''),
    );
  }
}
