import { ed25519PrivateKeyPem } from '@tadamon/credentials';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError } from './embedded-config';

const VARIABLE = 'TADAMON_CREDENTIAL_ISSUER_KEY';

/**
 * The Ed25519 key Training's certificates and status lists are signed with, as a PKCS#8 PEM:
 * TADAMON_CREDENTIAL_ISSUER_KEY (a PEM, or an RFC 8037 private JWK in JSON), else
 * DATA_DIR/credential-issuer-key.pem, generated at first start and kept (credentials already
 * issued verify only against the key that signed them).
 */
export function credentialIssuerKey(env: NodeJS.ProcessEnv, dir: string): string {
  const given = env[VARIABLE]?.trim();
  if (given) return ed25519Pem(given, VARIABLE);
  const file = resolve(dir, 'credential-issuer-key.pem');
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, { mode: 0o600 });
  }
  return ed25519Pem(readFileSync(file, 'utf8'), file);
}

function ed25519Pem(text: string, where: string): string {
  try {
    return ed25519PrivateKeyPem(text);
  } catch (error) {
    throw new ConfigurationError(where, (error as Error).message);
  }
}

/** TADAMON_CERTIFICATE_PASS_SECONDS: 0 (at start only) to 86400, default 60. */
export function certificatePassSeconds(env: NodeJS.ProcessEnv): number {
  const raw = env.TADAMON_CERTIFICATE_PASS_SECONDS?.trim();
  if (!raw) return 60;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > 86_400)
    throw new ConfigurationError(
      'TADAMON_CERTIFICATE_PASS_SECONDS',
      `must be 0 to 86400 (seconds), got "${raw}"`,
    );
  return value;
}
