import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { RecordedEvent } from './envelope';
import { chainHash, eventHash, GENESIS_HASH, HashedFields, hashInput } from './hash-chain';

const fields: HashedFields = {
  id: '2ed6657d-e927-568b-95e1-2665a8aea6a2',
  type: 'ApplicationSubmitted',
  schemaVersion: 1,
  streamId: 'grantApplication-1',
  revision: 0,
  recordedAt: '2025-03-01T10:00:00.000Z',
  prevHash: GENESIS_HASH,
};
const data = { amount: 1500, title: 'Atelier de couture — ورشة خياطة' };
const metadata = {
  actor: { id: 'u1', roles: ['officer'] },
  causationId: 'c1',
  commandId: 'c1',
  correlationId: 'c1',
};

describe('hash chain', () => {
  it('starts every stream from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('hashes the canonical JSON of the envelope without its hash', () => {
    expect(hashInput(fields, canonicalJson(data), canonicalJson(metadata))).toBe(
      canonicalJson({ ...fields, data, metadata }),
    );
  });

  it('writes the members in RFC 8785 order for any field values', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string(),
          type: fc.string(),
          schemaVersion: fc.integer({ min: 1, max: 1000 }),
          streamId: fc.string(),
          revision: fc.nat(),
          recordedAt: fc.string(),
          prevHash: fc.string(),
        }),
        fc.jsonValue(),
        (random, randomData) => {
          const text = hashInput(random, canonicalJson(randomData), canonicalJson(metadata));
          expect(text).toBe(canonicalJson({ ...random, data: randomData, metadata }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is SHA-256 of the hashed text followed by the previous hash, in hex', () => {
    const input = hashInput(fields, canonicalJson(data), canonicalJson(metadata));
    const expected = createHash('sha256')
      .update(Buffer.from(input + GENESIS_HASH, 'utf8'))
      .digest('hex');
    expect(chainHash(input, GENESIS_HASH)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('computes a recorded event hash from its parsed data, ignoring globalPosition', () => {
    const input = hashInput(fields, canonicalJson(data), canonicalJson(metadata));
    const event: RecordedEvent = {
      ...fields,
      data,
      metadata,
      globalPosition: 99,
      hash: chainHash(input, GENESIS_HASH),
    };
    expect(eventHash(event)).toBe(event.hash);
    expect(eventHash({ ...event, data: { ...data, amount: 1501 } })).not.toBe(event.hash);
  });

  it('changes when the previous hash changes', () => {
    const input = hashInput(fields, canonicalJson(data), canonicalJson(metadata));
    expect(chainHash(input, GENESIS_HASH)).not.toBe(chainHash(input, '1'.repeat(64)));
  });
});
