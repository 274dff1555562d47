import { generateKeyPairSync } from 'node:crypto';
import { LOG_SEAL_VERSION, sealKeyId, signLogSeal, verifyLogSealSignature } from '@tadamon/eventsourcing';
import {
  generateSealKeyPair,
  parseSealPrivateKey,
  parseSealPublicKey,
  sealPrivateKeyFromEnvironment,
} from './seal-keys';

const pair = generateSealKeyPair();
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

describe('seal keys', () => {
  it('generates an Ed25519 pair named by its public key', () => {
    expect(pair.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(pair.keyId).toBe(sealKeyId(pair.publicKey));
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('reads a private key as PEM, base64 DER or base64 of the raw 32-byte seed, all signing alike', () => {
    const raw = pair.privateKey.export({ format: 'jwk' }).d as string;
    const forms = [
      pair.privateKeyPem,
      body(pair.privateKeyPem),
      Buffer.from(raw, 'base64url').toString('base64'),
      raw,
    ];
    const claim = {
      version: LOG_SEAL_VERSION,
      position: 1,
      count: 1,
      digest: '0'.repeat(64),
      previousSealDigest: '0'.repeat(64),
      sealedAt: '2026-12-01T00:00:00.000Z',
      keyId: pair.keyId,
    };
    for (const form of forms) {
      const key = parseSealPrivateKey(form);
      expect(sealKeyId(key)).toBe(pair.keyId);
      expect(verifyLogSealSignature(signLogSeal(claim, key), pair.publicKey)).toBe(true);
    }
  });

  it('reads a public key as PEM, base64 DER or base64 of the raw 32 bytes', () => {
    const raw = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString(
      'base64',
    );
    for (const form of [pair.publicKeyPem, body(pair.publicKeyPem), raw, `  ${raw}\n`]) {
      expect(sealKeyId(parseSealPublicKey(form))).toBe(pair.keyId);
    }
  });

  it('refuses text that is no key, and keys that are not Ed25519, saying what was read', () => {
    expect(() => parseSealPublicKey('not a key!')).toThrow(
      /the seal public key cannot be read: .*neither PEM nor base64/,
    );
    expect(() => parseSealPublicKey('AAAA')).toThrow(/cannot be read/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    expect(() => parseSealPublicKey(rsaPem)).toThrow(/rsa key; log seals use Ed25519/);
    expect(() => parseSealPrivateKey(pair.publicKeyPem)).toThrow(/cannot be read/);
  });

  it('takes the sealer key from TADAMON_SEAL_PRIVATE_KEY, and says what is missing without it', () => {
    const key = sealPrivateKeyFromEnvironment({ TADAMON_SEAL_PRIVATE_KEY: pair.privateKeyPem });
    expect(sealKeyId(key)).toBe(pair.keyId);
    expect(() => sealPrivateKeyFromEnvironment({})).toThrow(/TADAMON_SEAL_PRIVATE_KEY is required/);
    expect(() => sealPrivateKeyFromEnvironment({ TADAMON_SEAL_PRIVATE_KEY: 'nonsense!' })).toThrow(
      /^TADAMON_SEAL_PRIVATE_KEY: /,
    );
  });
});
