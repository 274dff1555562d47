import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { GENESIS_HASH } from './hash-chain';
import {
  LOG_SEAL_VERSION,
  LogSealClaim,
  logSealSigningInput,
  parseLogSeal,
  SealDigest,
  sealDigestOf,
  sealKeyId,
  signLogSeal,
  verifyLogSealSignature,
} from './log-seal';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (n: number) => sha256(`event ${n}`);
const keys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');

const claim = (overrides: Partial<LogSealClaim> = {}): LogSealClaim => ({
  version: LOG_SEAL_VERSION,
  position: 1200,
  count: 1180,
  digest: sha256('segment'),
  previousSealDigest: GENESIS_HASH,
  sealedAt: '2026-12-01T10:00:00.000Z',
  keyId: sealKeyId(keys.publicKey),
  ...overrides,
});

describe('SealDigest', () => {
  it('is SHA-256 of the previous digest followed by the hashes of the events, as hex text', () => {
    const hashes = [1, 2, 3].map(hashOf);
    expect(sealDigestOf(GENESIS_HASH, hashes)).toBe(sha256(GENESIS_HASH + hashes.join('')));
    expect(sealDigestOf(GENESIS_HASH, [])).toBe(sha256(GENESIS_HASH));
  });

  it('gives the same digest across its internal chunks (tens of thousands of events)', () => {
    const hashes = Array.from({ length: 25_000 }, (_, n) => hashOf(n));
    const digest = new SealDigest(hashOf(-1));
    hashes.forEach((h) => digest.add(h));
    expect(digest.count).toBe(25_000);
    expect(digest.digest()).toBe(sha256(hashOf(-1) + hashes.join('')));
  });

  it('changes when an event is removed, added, reordered or replaced, and with the previous digest', () => {
    const hashes = [1, 2, 3, 4].map(hashOf);
    const base = sealDigestOf(GENESIS_HASH, hashes);
    const variants = [
      [hashes[0], hashes[1], hashes[2]],
      [...hashes, hashOf(5)],
      [hashes[0], hashes[2], hashes[1], hashes[3]],
      [hashes[0], hashOf(9), hashes[2], hashes[3]],
    ];
    for (const variant of variants) expect(sealDigestOf(GENESIS_HASH, variant)).not.toBe(base);
    expect(sealDigestOf(hashOf(0), hashes)).not.toBe(base);
  });

  it('chains: each seal digest commits to every event before it', () => {
    // Two segments built one after the other equal nothing built from the second segment alone.
    const first = sealDigestOf(GENESIS_HASH, [1, 2].map(hashOf));
    const second = sealDigestOf(first, [3, 4].map(hashOf));
    const forgedFirst = sealDigestOf(GENESIS_HASH, [1, 9].map(hashOf));
    expect(sealDigestOf(forgedFirst, [3, 4].map(hashOf))).not.toBe(second);
  });
});

describe('seal signatures (Ed25519)', () => {
  it('sign the canonical JSON of the claim, whatever the order of its fields', () => {
    const seal = signLogSeal(claim(), keys.privateKey);
    expect(logSealSigningInput(seal).toString()).toBe(
      `{"count":1180,"digest":"${seal.digest}","keyId":"${seal.keyId}","position":1200,` +
        `"previousSealDigest":"${GENESIS_HASH}","sealedAt":"2026-12-01T10:00:00.000Z","version":1}`,
    );
    const reordered = JSON.parse(JSON.stringify({ signature: seal.signature, ...claim() }));
    expect(verifyLogSealSignature(reordered, keys.publicKey)).toBe(true);
    expect(Buffer.from(seal.signature, 'base64')).toHaveLength(64);
  });

  it('do not verify with another key, nor when any signed field changes', () => {
    const seal = signLogSeal(claim(), keys.privateKey);
    expect(verifyLogSealSignature(seal, keys.publicKey)).toBe(true);
    expect(verifyLogSealSignature(seal, otherKeys.publicKey)).toBe(false);
    fc.assert(
      fc.property(
        fc.record(
          {
            position: fc.nat(),
            count: fc.nat(),
            digest: fc.string({ minLength: 64, maxLength: 64, unit: fc.constantFrom(...'0123456789abcdef') }),
            previousSealDigest: fc.string({
              minLength: 64,
              maxLength: 64,
              unit: fc.constantFrom(...'0123456789abcdef'),
            }),
            sealedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            keyId: fc.string({ minLength: 1 }),
          },
          { requiredKeys: [] },
        ),
        (change) => {
          const altered = { ...seal, ...change };
          const same = Object.entries(change).every(([k, v]) => seal[k as keyof typeof seal] === v);
          expect(verifyLogSealSignature(altered, keys.publicKey)).toBe(same);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reject a signature that is not 64 bytes of base64, and keys that are not Ed25519', () => {
    const seal = signLogSeal(claim(), keys.privateKey);
    expect(verifyLogSealSignature({ ...seal, signature: 'AAAA' }, keys.publicKey)).toBe(false);
    expect(verifyLogSealSignature({ ...seal, signature: seal.signature.slice(4) }, keys.publicKey)).toBe(
      false,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signLogSeal(claim(), rsa.privateKey)).toThrow(/Ed25519/);
    expect(() => verifyLogSealSignature(seal, rsa.publicKey)).toThrow(/Ed25519/);
    expect(() => signLogSeal(claim(), keys.publicKey)).toThrow(/private/);
  });

  it('name a key by its public half: the private and the public key give the same keyId', () => {
    expect(sealKeyId(keys.privateKey)).toBe(sealKeyId(keys.publicKey));
    expect(sealKeyId(keys.publicKey)).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(sealKeyId(otherKeys.publicKey)).not.toBe(sealKeyId(keys.publicKey));
  });
});

describe('parseLogSeal', () => {
  const seal = signLogSeal(claim(), keys.privateKey);

  it('accepts a seal as stored and returns only its fields', () => {
    expect(parseLogSeal(JSON.parse(JSON.stringify({ ...seal, extra: 1 })))).toEqual(seal);
  });

  it.each([
    ['not an object', [], /not an object/],
    ['an unknown version', { ...seal, version: 2 }, /version/],
    ['a negative position', { ...seal, position: -1 }, /position/],
    ['a fractional count', { ...seal, count: 1.5 }, /count/],
    ['a digest in upper case', { ...seal, digest: seal.digest.toUpperCase() }, /digest/],
    ['no previous digest', { ...seal, previousSealDigest: undefined }, /previousSealDigest/],
    ['a bad date', { ...seal, sealedAt: 'yesterday' }, /sealedAt/],
    ['an empty key id', { ...seal, keyId: '' }, /keyId/],
    ['a signature that is not base64', { ...seal, signature: 'not base64!' }, /signature/],
  ])('refuses %s', (_name, data, reason) => {
    const parsed = parseLogSeal(data);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(reason);
  });
});
