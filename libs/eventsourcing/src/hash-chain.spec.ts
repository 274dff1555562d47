import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { RecordedEvent } from './envelope';
import {
  chainHash,
  chainHashOfJson,
  eventHash,
  GENESIS_HASH,
  HashedFields,
  hashInput,
  hashInputOfJson,
} from './hash-chain';

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

  it('hashes the same bytes through chainHashOfJson, for any text and any size', () => {
    const json = (value: string) => JSON.stringify(value);
    fc.assert(
      fc.property(
        fc.json(),
        fc.json(),
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'binary' }),
        fc.nat(),
        (dataJson, metadataJson, streamId, type, revision) => {
          const parts = [
            dataJson,
            json(fields.id),
            metadataJson,
            json(GENESIS_HASH),
            json(fields.recordedAt),
            String(revision),
            '1',
            json(streamId),
            json(type),
          ] as const;
          expect(chainHashOfJson(...parts, GENESIS_HASH)).toBe(
            chainHash(hashInputOfJson(...parts), GENESIS_HASH),
          );
        },
      ),
      { numRuns: 300 },
    );
    // Larger than the reused buffer: it grows.
    const big = JSON.stringify({ text: 'تضامن é '.repeat(200_000) });
    const parts = [big, '"i"', '{}', '"p"', '"r"', '0', '1', '"s-1"', '"T"'] as const;
    expect(chainHashOfJson(...parts, 'p')).toBe(chainHash(hashInputOfJson(...parts), 'p'));
  });
});
