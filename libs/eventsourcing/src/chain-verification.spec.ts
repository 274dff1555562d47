import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { ChainLink, chainLinkOf, verifyRecordedStream, verifyStreamChain } from './chain-verification';
import { RecordedEvent } from './envelope';
import { eventIdFor } from './event-id';
import { chainHash, GENESIS_HASH, hashInput } from './hash-chain';

const STREAM = 'grantApplication-7';
const metadataJson = canonicalJson({
  actor: { id: 'u1', roles: ['officer'] },
  causationId: 'c',
  commandId: 'c',
  correlationId: 'c',
});

/** Seals links the way a store does (through hashInput, not the verifier's own fast path). */
function seal(link: Omit<ChainLink, 'hash'>): ChainLink {
  return { ...link, hash: chainHash(hashInput(link, link.dataJson, link.metadataJson), link.prevHash) };
}

function chainOf(
  length: number,
  streamId = STREAM,
  from = { revision: -1, hash: GENESIS_HASH },
): ChainLink[] {
  const links: ChainLink[] = [];
  let prevHash = from.hash;
  for (let i = 0; i < length; i++) {
    const revision = from.revision + 1 + i;
    const link = seal({
      id: eventIdFor(`${streamId}-command`, revision),
      type: revision % 2 ? 'AmountRevised' : 'ApplicationSubmitted',
      schemaVersion: revision % 3 ? 1 : 2,
      streamId,
      revision,
      recordedAt: `2025-03-01T10:00:0${Math.floor(revision / 3)}.000Z`,
      prevHash,
      dataJson: canonicalJson({ amount: revision * 100, note: `مشروع رقم ${revision} — élève` }),
      metadataJson,
    });
    links.push(link);
    prevHash = link.hash;
  }
  return links;
}

function flipCharacter(text: string, at: number): string {
  const replacement = text[at] === 'x' ? 'y' : 'x';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

describe('verifyStreamChain', () => {
  it('accepts an intact chain and returns its length and last hash', () => {
    const links = chainOf(10);
    expect(verifyStreamChain(links)).toEqual({ ok: true, count: 10, lastHash: links[9].hash });
  });

  it('accepts an empty stream', () => {
    expect(verifyStreamChain([])).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('reads links from any iterable, e.g. a generator over pages', () => {
    const links = chainOf(5);
    function* pages() {
      yield* links.slice(0, 2);
      yield* links.slice(2);
    }
    expect(verifyStreamChain(pages())).toMatchObject({ ok: true, count: 5 });
  });

  it('names an event whose data had one byte flipped (hash-mismatch)', () => {
    const links = chainOf(8);
    links[5] = { ...links[5], dataJson: flipCharacter(links[5].dataJson, 3) };
    expect(verifyStreamChain(links)).toEqual({
      ok: false,
      broken: { streamId: STREAM, revision: 5, eventId: links[5].id, reason: 'hash-mismatch' },
    });
  });

  it('detects a changed Arabic character in the data', () => {
    const links = chainOf(4);
    links[2] = { ...links[2], dataJson: links[2].dataJson.replace('مشروع', 'مشروح') };
    expect(verifyStreamChain(links)).toMatchObject({
      ok: false,
      broken: { revision: 2, reason: 'hash-mismatch' },
    });
  });

  it.each([
    ['the metadata', (link: ChainLink) => ({ ...link, metadataJson: link.metadataJson.replace('u1', 'u2') })],
    ['the type', (link: ChainLink) => ({ ...link, type: 'ApplicationWithdrawn' })],
    ['the schema version', (link: ChainLink) => ({ ...link, schemaVersion: link.schemaVersion + 1 })],
    ['the recording time', (link: ChainLink) => ({ ...link, recordedAt: '2030-01-01T00:00:00.000Z' })],
    ['the event id', (link: ChainLink) => ({ ...link, id: eventIdFor('forged', 0) })],
    ['the stored hash', (link: ChainLink) => ({ ...link, hash: flipCharacter(link.hash, 10) })],
  ])('names an event whose %s was altered (hash-mismatch)', (_field, alter) => {
    const links = chainOf(6);
    links[3] = alter(links[3]);
    expect(verifyStreamChain(links)).toMatchObject({
      ok: false,
      broken: { revision: 3, reason: 'hash-mismatch' },
    });
  });

  it('names the event after a deleted one (revision-gap)', () => {
    const links = chainOf(8);
    const [deleted] = links.splice(4, 1);
    expect(deleted.revision).toBe(4);
    expect(verifyStreamChain(links)).toEqual({
      ok: false,
      broken: { streamId: STREAM, revision: 5, eventId: links[4].id, reason: 'revision-gap' },
    });
  });

  it('names a deleted last-but-one event even when it ends the read (revision-gap)', () => {
    const links = chainOf(5);
    links.splice(3, 1);
    expect(verifyStreamChain(links)).toMatchObject({
      ok: false,
      broken: { revision: 4, reason: 'revision-gap' },
    });
  });

  it('names the event after a deletion hidden by renumbering (broken-link)', () => {
    const links = chainOf(8);
    links.splice(4, 1);
    const renumbered = links.map((link, i) => ({ ...link, revision: i }));
    expect(verifyStreamChain(renumbered)).toEqual({
      ok: false,
      broken: { streamId: STREAM, revision: 4, eventId: links[4].id, reason: 'broken-link' },
    });
  });

  it('names the first of two swapped events (out-of-order)', () => {
    const links = chainOf(8);
    [links[3], links[4]] = [links[4], links[3]];
    expect(verifyStreamChain(links)).toEqual({
      ok: false,
      broken: { streamId: STREAM, revision: 4, eventId: links[3].id, reason: 'out-of-order' },
    });
  });

  it('tells a gap from a reordering by what follows the jump', () => {
    const links = chainOf(6);
    const [moved] = links.splice(1, 1);
    links.push(moved);
    expect(verifyStreamChain(links)).toMatchObject({
      ok: false,
      broken: { revision: 2, reason: 'revision-gap' },
    });
    expect(verifyStreamChain([...links.slice(0, 1), links[4], ...links.slice(1, 4), moved])).toMatchObject({
      ok: false,
      broken: { revision: 5, reason: 'out-of-order' },
    });
  });

  it('names an inserted event that reuses a revision (duplicate-revision)', () => {
    const links = chainOf(6);
    const forged = seal({ ...links[2], id: eventIdFor('forged', 0), dataJson: '{"amount":1}' });
    links.splice(3, 0, forged);
    expect(verifyStreamChain(links)).toEqual({
      ok: false,
      broken: { streamId: STREAM, revision: 2, eventId: forged.id, reason: 'duplicate-revision' },
    });
  });

  it('names the event after a well-sealed inserted one (broken-link)', () => {
    const links = chainOf(6);
    const forged = seal({ ...links[3], id: eventIdFor('forged', 0), dataJson: '{"amount":1}' });
    const tampered = [
      ...links.slice(0, 3),
      forged,
      ...links.slice(3).map((l) => ({ ...l, revision: l.revision + 1 })),
    ];
    expect(verifyStreamChain(tampered)).toEqual({
      ok: false,
      broken: { streamId: STREAM, revision: 4, eventId: links[3].id, reason: 'broken-link' },
    });
  });

  it('names an event of another stream (wrong-stream)', () => {
    const links = chainOf(4);
    const other = chainOf(4, 'grantApplication-8');
    links[2] = other[2];
    expect(verifyStreamChain(links)).toEqual({
      ok: false,
      broken: { streamId: 'grantApplication-8', revision: 2, eventId: other[2].id, reason: 'wrong-stream' },
    });
  });

  it('checks the links against the stream the caller names', () => {
    expect(verifyStreamChain(chainOf(2), { streamId: 'grantApplication-9' })).toMatchObject({
      ok: false,
      broken: { revision: 0, reason: 'wrong-stream' },
    });
  });

  it('names a first event that does not start from the genesis hash (bad-genesis)', () => {
    const links = chainOf(3, STREAM, { revision: -1, hash: 'f'.repeat(64) });
    expect(verifyStreamChain(links)).toMatchObject({
      ok: false,
      broken: { revision: 0, eventId: links[0].id, reason: 'bad-genesis' },
    });
  });

  it('names a stream that lost its first events (revision-gap)', () => {
    expect(verifyStreamChain(chainOf(5).slice(2))).toMatchObject({
      ok: false,
      broken: { revision: 2, reason: 'revision-gap' },
    });
  });

  it('verifies a tail after a trusted event', () => {
    const links = chainOf(10);
    const after = { revision: links[5].revision, hash: links[5].hash };
    expect(verifyStreamChain(links.slice(6), { after })).toEqual({
      ok: true,
      count: 4,
      lastHash: links[9].hash,
    });
    expect(verifyStreamChain(links.slice(7), { after })).toMatchObject({
      ok: false,
      broken: { revision: 7, reason: 'revision-gap' },
    });
    expect(verifyStreamChain(links.slice(6), { after: { revision: 5, hash: links[4].hash } })).toMatchObject({
      ok: false,
      broken: { revision: 6, reason: 'broken-link' },
    });
    expect(verifyStreamChain(links.slice(5), { after })).toMatchObject({
      ok: false,
      broken: { revision: 5, reason: 'out-of-order' },
    });
  });

  it('names exactly the event whose stored text changed, wherever the change is', () => {
    const links = chainOf(12);
    const fields = ['dataJson', 'metadataJson', 'id', 'recordedAt', 'type', 'hash'] as const;
    fc.assert(
      fc.property(
        fc.nat({ max: links.length - 1 }),
        fc.constantFrom(...fields),
        fc.nat(),
        (index, field, position) => {
          const tampered = [...links];
          const text = links[index][field];
          tampered[index] = { ...links[index], [field]: flipCharacter(text, position % text.length) };
          const result = verifyStreamChain(tampered);
          expect(result).toMatchObject({ ok: false, broken: { revision: index, reason: 'hash-mismatch' } });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('verifyRecordedStream', () => {
  function recorded(link: ChainLink, globalPosition: number): RecordedEvent {
    const { dataJson, metadataJson, ...fields } = link;
    return { ...fields, globalPosition, data: JSON.parse(dataJson), metadata: JSON.parse(metadataJson) };
  }

  it('verifies events read through the port, re-canonicalising parsed data', () => {
    const links = chainOf(5);
    const events = links.map((link, i) => recorded(link, 100 + i));
    expect(chainLinkOf(events[2])).toEqual(links[2]);
    expect(verifyRecordedStream(events)).toEqual({ ok: true, count: 5, lastHash: links[4].hash });
  });

  it('names a recorded event whose parsed data was altered', () => {
    const events = chainOf(5).map((link, i) => recorded(link, i));
    events[1] = { ...events[1], data: { ...(events[1].data as object), amount: 1 } };
    expect(verifyRecordedStream(events)).toMatchObject({
      ok: false,
      broken: { revision: 1, reason: 'hash-mismatch' },
    });
  });
});
