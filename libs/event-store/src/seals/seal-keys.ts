import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sealKeyId } from '@tadamon/eventsourcing';

/** The file names of the embedded profile's seal key pair in DATA_DIR. */
export const SEAL_PRIVATE_KEY_FILE = 'seal-key.pem';
export const SEAL_PUBLIC_KEY_FILE = 'seal-key.pub';

// DER prefixes that wrap a raw 32-byte Ed25519 key as PKCS#8 (private) or SPKI (public).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface SealKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateSealKeyPair(): SealKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return describeKeyPair(privateKey, publicKey);
}

function describeKeyPair(privateKey: KeyObject, publicKey: KeyObject): SealKeyPair {
  return {
    privateKey,
    publicKey,
    keyId: sealKeyId(publicKey),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }) as string,
  };
}

function assertEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${what} is a ${key.asymmetricKeyType} key; log seals use Ed25519`);
  }
  return key;
}

function base64Bytes(text: string, what: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw new Error(`${what} is neither PEM nor base64`);
  return Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
}

/**
 * An Ed25519 private key from PEM (PKCS#8), base64 of its DER form, or base64 of the raw 32-byte
 * seed (what `openssl genpkey -algorithm ed25519` and generateSealKeyPair give, in any of these forms).
 */
export function parseSealPrivateKey(text: string, what = 'the seal private key'): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) return assertEd25519(createPrivateKey(trimmed), what);
    const bytes = base64Bytes(trimmed, what);
    const der = bytes.length === 32 ? Buffer.concat([PKCS8_ED25519_PREFIX, bytes]) : bytes;
    return assertEd25519(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), what);
  } catch (error) {
    throw new Error(`${what} cannot be read: ${(error as Error).message}`);
  }
}

/** An Ed25519 public key from PEM (SPKI), base64 of its DER form, or base64 of the raw 32 bytes. */
export function parseSealPublicKey(text: string, what = 'the seal public key'): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) return assertEd25519(createPublicKey(trimmed), what);
    const bytes = base64Bytes(trimmed, what);
    const der = bytes.length === 32 ? Buffer.concat([SPKI_ED25519_PREFIX, bytes]) : bytes;
    return assertEd25519(createPublicKey({ key: der, format: 'der', type: 'spki' }), what);
  } catch (error) {
    throw new Error(`${what} cannot be read: ${(error as Error).message}`);
  }
}

/** A file path (when a file exists there) or the key text itself. */
function keyText(source: string): { text: string; what: string } {
  const trimmed = source.trim();
  if (!trimmed.startsWith('-----BEGIN') && existsSync(trimmed) && statSync(trimmed).isFile()) {
    return { text: readFileSync(trimmed, 'utf8'), what: `the key file ${resolve(trimmed)}` };
  }
  return { text: trimmed, what: 'the key' };
}

/** The public key given as a file path, PEM text or base64 (the auditor's --public-key). */
export function loadSealPublicKey(source: string): KeyObject {
  const { text, what } = keyText(source);
  return parseSealPublicKey(text, what);
}

/** The private key given as a file path, PEM text or base64. */
export function loadSealPrivateKey(source: string): KeyObject {
  const { text, what } = keyText(source);
  return parseSealPrivateKey(text, what);
}

export interface SealKeyFiles extends SealKeyPair {
  privateKeyFile: string;
  publicKeyFile: string;
  /** True when this call generated the pair. */
  generated: boolean;
}

/**
 * The embedded profile's seal keys in `dir`: seal-key.pem (private, mode 600) and seal-key.pub
 * (public, for auditors), generated on first use and read afterwards.
 */
export function ensureSealKeyPair(dir: string): SealKeyFiles {
  const folder = resolve(dir);
  const privateKeyFile = join(folder, SEAL_PRIVATE_KEY_FILE);
  const publicKeyFile = join(folder, SEAL_PUBLIC_KEY_FILE);
  let pair: SealKeyPair;
  let generated = false;
  if (existsSync(privateKeyFile)) {
    const privateKey = parseSealPrivateKey(
      readFileSync(privateKeyFile, 'utf8'),
      `the key file ${privateKeyFile}`,
    );
    pair = describeKeyPair(privateKey, createPublicKey(privateKey));
  } else {
    mkdirSync(folder, { recursive: true });
    pair = generateSealKeyPair();
    // 'wx': never overwrite a key another process wrote meanwhile.
    writeFileSync(privateKeyFile, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    chmodSync(privateKeyFile, 0o600);
    generated = true;
  }
  if (!existsSync(publicKeyFile) || readFileSync(publicKeyFile, 'utf8') !== pair.publicKeyPem) {
    writeFileSync(publicKeyFile, pair.publicKeyPem, { mode: 0o644 });
  }
  return { ...pair, privateKeyFile, publicKeyFile, generated };
}

/**
 * The sealer's private key from configuration: TADAMON_SEAL_PRIVATE_KEY (PEM, base64, or a file
 * path), else, when a data folder is given (embedded profile), the pair kept there (generated on
 * first start). Throws naming the variable when neither is available.
 */
export function sealPrivateKeyFromEnvironment(env: NodeJS.ProcessEnv, dataDir?: string): KeyObject {
  const given = env.TADAMON_SEAL_PRIVATE_KEY;
  if (given !== undefined && given.trim() !== '') {
    try {
      return loadSealPrivateKey(given);
    } catch (error) {
      throw new Error(`TADAMON_SEAL_PRIVATE_KEY: ${(error as Error).message}`);
    }
  }
  if (dataDir !== undefined) return ensureSealKeyPair(dataDir).privateKey;
  throw new Error(
    'TADAMON_SEAL_PRIVATE_KEY is required to seal the log (an Ed25519 key: PEM, base64 or a file path)',
  );
}
