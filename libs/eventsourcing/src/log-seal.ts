import { createHash, createPublicKey, Hash, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH } from './hash-chain';

/**
 * Signed checkpoints of the global log ("log seals", docs/audit.md). A seal is an event of the
 * stream LOG_SEAL_STREAM; it states that the log held `count` events up to global position
 * `position`, and that the SHA-256 chain of their hashes is `digest`. Pure: no I/O here.
 */
export const LOG_SEAL_STREAM = 'logSeal-global';
export const LOG_SEAL_EVENT_TYPE = 'LogSealed';
/** The version of the seal format; part of what is signed. */
export const LOG_SEAL_VERSION = 1;

/** What a seal states, and what its signature covers (canonical JSON of these fields). */
export interface LogSealClaim {
  version: number;
  /** Global position of the last event covered. */
  position: number;
  /** Number of events in the log up to and including `position`, from the start of the log. */
  count: number;
  /** SHA-256 (hex) of previousSealDigest followed by the hash of every event after the previous seal's position up to `position`, in global order. */
  digest: string;
  /** The previous seal's digest; GENESIS_HASH for the first seal. */
  previousSealDigest: string;
  sealedAt: string;
  /** Names the key that signed (sealKeyId of its public key by default). */
  keyId: string;
}

export interface LogSeal extends LogSealClaim {
  /** Ed25519 signature (base64) of the canonical JSON of the claim. */
  signature: string;
}

/** The exact bytes a seal's signature covers: RFC 8785 canonical JSON of the claim's fields. */
export function logSealSigningInput(claim: LogSealClaim): Buffer {
  const { version, position, count, digest, previousSealDigest, sealedAt, keyId } = claim;
  return Buffer.from(
    canonicalJson({ version, position, count, digest, previousSealDigest, sealedAt, keyId }),
    'utf8',
  );
}

function assertEd25519(key: KeyObject, kind: 'private' | 'public'): void {
  if (key.type !== kind || key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `a log seal needs an Ed25519 ${kind} key, got a ${key.asymmetricKeyType ?? key.type} key`,
    );
  }
}

/** A short, stable name for a public key: "ed25519:" and the first 16 hex digits of SHA-256 of its SPKI form. */
export function sealKeyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(publicKey, 'public');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

export function signLogSeal(claim: LogSealClaim, privateKey: KeyObject): LogSeal {
  assertEd25519(privateKey, 'private');
  const signature = sign(null, logSealSigningInput(claim), privateKey).toString('base64');
  return { ...claim, signature };
}

export function verifyLogSealSignature(seal: LogSeal, publicKey: KeyObject): boolean {
  assertEd25519(publicKey, 'public');
  const signature = Buffer.from(seal.signature, 'base64');
  // Ed25519 signatures are 64 bytes; anything else (or bad base64) is simply not valid.
  if (signature.length !== 64) return false;
  return verify(null, logSealSigningInput(seal), publicKey, signature);
}

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Checks a seal event's data; returns the seal, or the reason it is malformed. */
export function parseLogSeal(data: unknown): LogSeal | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the seal is not an object';
  const d = data as Record<string, unknown>;
  if (d.version !== LOG_SEAL_VERSION) return `unknown seal version ${JSON.stringify(d.version)}`;
  for (const field of ['position', 'count'] as const) {
    if (!Number.isSafeInteger(d[field]) || (d[field] as number) < 0) return `${field} is not an integer >= 0`;
  }
  for (const field of ['digest', 'previousSealDigest'] as const) {
    if (typeof d[field] !== 'string' || !HEX64.test(d[field] as string))
      return `${field} is not a SHA-256 hex digest`;
  }
  if (typeof d.sealedAt !== 'string' || Number.isNaN(Date.parse(d.sealedAt))) return 'sealedAt is not a date';
  if (typeof d.keyId !== 'string' || d.keyId.length === 0 || d.keyId.length > 200) return 'keyId is missing';
  if (typeof d.signature !== 'string' || !BASE64.test(d.signature)) return 'signature is not base64';
  return {
    version: d.version,
    position: d.position as number,
    count: d.count as number,
    digest: d.digest as string,
    previousSealDigest: d.previousSealDigest as string,
    sealedAt: d.sealedAt,
    keyId: d.keyId,
    signature: d.signature,
  };
}

/** Hex characters gathered before one update of the hash: fewer native calls on the hot path. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The digest of one sealed segment of the log, built event by event:
 * SHA-256(previousSealDigest ‖ hash₁ ‖ … ‖ hashₙ) over the lower-case hex text, for the events
 * after the previous seal's position up to this seal's position, in global order. Each digest
 * starts from the one before, so a seal's digest commits to the whole log up to its position, while
 * a sealer (or an incremental verifier) can resume from the last seal without re-reading the log.
 */
export class SealDigest {
  private readonly hasher: Hash;
  private chunk = '';
  private added = 0;

  constructor(readonly previousSealDigest: string = GENESIS_HASH) {
    this.hasher = createHash('sha256').update(previousSealDigest, 'latin1');
  }

  /** Adds the next event's hash (64 lower-case hex digits, as the chain stores it). */
  add(eventHash: string): void {
    this.chunk += eventHash;
    this.added++;
    if (this.chunk.length >= CHUNK_CHARS) {
      this.hasher.update(this.chunk, 'latin1');
      this.chunk = '';
    }
  }

  /** Events added so far. */
  get count(): number {
    return this.added;
  }

  /** The digest (hex); the object is spent after this call. */
  digest(): string {
    return this.hasher.update(this.chunk, 'latin1').digest('hex');
  }
}

/** The digest of a segment at once (tests, small logs). */
export function sealDigestOf(previousSealDigest: string, eventHashes: Iterable<string>): string {
  const digest = new SealDigest(previousSealDigest);
  for (const h of eventHashes) digest.add(h);
  return digest.digest();
}
