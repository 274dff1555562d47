import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson } from '@tadamon/eventsourcing';
import { KeyStore, SubjectErased } from './key-store';
import { ErasedPersonalData, SealedPersonalData } from './sealed-personal-data';

const ALGORITHM = 'aes-256-gcm';

export class InvalidMasterKey extends Error {
  constructor(reason: string) {
    super(`master key: ${reason}`);
    this.name = 'InvalidMasterKey';
  }
}

export class PersonalDataTampered extends Error {
  constructor(subjectId: string) {
    super(`sealed personal data of ${subjectId} does not authenticate`);
    this.name = 'PersonalDataTampered';
  }
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

function decrypt(key: Buffer, sealed: { iv: string; ciphertext: string; tag: string }, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
}

/** The 32-byte master key from its base64 configuration value. */
export function masterKeyOf(masterKeyBase64: string): Buffer {
  const key = Buffer.from(masterKeyBase64, 'base64');
  if (key.length !== 32) throw new InvalidMasterKey('must be 32 bytes, base64');
  return key;
}

/**
 * A subject's data key wrapped under the master key, as a key store keeps it (the subject and key
 * ids bound as additional data). Exported for the other keys kept per subject, such as webhook secrets.
 */
export const wrapDataKey = (masterKey: Buffer, subjectId: string, keyId: string, key: Buffer): string =>
  JSON.stringify(encrypt(masterKey, key, `${subjectId}:${keyId}`));

export const unwrapDataKey = (masterKey: Buffer, subjectId: string, keyId: string, wrapped: string): Buffer =>
  decrypt(masterKey, JSON.parse(wrapped), `${subjectId}:${keyId}`);

/**
 * Seals personal data per data subject (AES-256-GCM, one key per subject, the subject and key ids
 * bound as additional data) and opens it again, or reports it erased once the key is destroyed.
 * Data keys are stored wrapped under a 32-byte master key that never leaves configuration.
 */
export class PersonalDataCipher {
  private readonly masterKey: Buffer;

  constructor(
    private readonly keys: KeyStore,
    masterKeyBase64: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.masterKey = masterKeyOf(masterKeyBase64);
  }

  async seal(subjectId: string, data: unknown): Promise<SealedPersonalData> {
    const { keyId, key } = await this.currentKey(subjectId);
    const aad = `${subjectId}:${keyId}`;
    return { subjectId, keyId, ...encrypt(key, Buffer.from(canonicalJson(data)), aad) };
  }

  async open<T = unknown>(sealed: SealedPersonalData): Promise<T | ErasedPersonalData> {
    const stored = await this.keys.find(sealed.subjectId, sealed.keyId);
    if (!stored) {
      if (await this.keys.isErased(sealed.subjectId)) return { erased: true, subjectId: sealed.subjectId };
      throw new Error(`no key ${sealed.keyId} for ${sealed.subjectId}`);
    }
    const key = this.unwrap(stored.wrapped, sealed.subjectId, sealed.keyId);
    try {
      return JSON.parse(decrypt(key, sealed, `${sealed.subjectId}:${sealed.keyId}`).toString('utf8')) as T;
    } catch {
      throw new PersonalDataTampered(sealed.subjectId);
    }
  }

  /** Crypto-shredding: every sealed copy of the subject's data becomes unreadable. */
  async erase(subjectId: string): Promise<void> {
    await this.keys.destroy(subjectId, this.now().toISOString());
  }

  private async currentKey(subjectId: string): Promise<{ keyId: string; key: Buffer }> {
    const existing = await this.keys.current(subjectId);
    if (existing)
      return { keyId: existing.keyId, key: this.unwrap(existing.wrapped, subjectId, existing.keyId) };
    if (await this.keys.isErased(subjectId)) throw new SubjectErased(subjectId);
    const keyId = randomUUID();
    const wrapped = wrapDataKey(this.masterKey, subjectId, keyId, randomBytes(32));
    const kept = await this.keys.addIfAbsent({
      subjectId,
      keyId,
      wrapped,
      createdAt: this.now().toISOString(),
    });
    return { keyId: kept.keyId, key: this.unwrap(kept.wrapped, subjectId, kept.keyId) };
  }

  private unwrap(wrapped: string, subjectId: string, keyId: string): Buffer {
    return unwrapDataKey(this.masterKey, subjectId, keyId, wrapped);
  }
}
