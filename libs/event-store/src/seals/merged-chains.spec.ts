import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '@tadamon/eventsourcing';
import { MergedChains } from './merged-chains';
import { ROW_HASH_OK, ROW_ID_TEXT, ROW_PREV_COMPARABLE } from './verify-log-worker';

const SOUND = ROW_HASH_OK | ROW_ID_TEXT | ROW_PREV_COMPARABLE;
const hex = (n: number) => createHash('sha256').update(String(n)).digest('hex');

/** One row's prevHash and hash as the workers hand them over (64 ASCII bytes each). */
function row(prevHash: string, hash: string): { prevs: Int32Array; hashes: Int32Array } {
  const view = (text: string) => new Int32Array(Uint8Array.from(Buffer.from(text, 'latin1')).buffer);
  return { prevs: view(prevHash), hashes: view(hash) };
}

describe('MergedChains: the chains checked on the coordinating thread', () => {
  it('accepts a chain from the genesis hash, link by link, and counts its stream once', () => {
    const chains = new MergedChains();
    const slot = chains.slotOf('sgrantApplication-1');
    let previous = GENESIS_HASH;
    for (let revision = 0; revision < 3; revision++) {
      const { prevs, hashes } = row(previous, hex(revision));
      expect(chains.check(slot, 0, revision, SOUND, prevs, hashes, 0)).toBeUndefined();
      previous = hex(revision);
    }
    expect(chains.verifiedStreams).toBe(1);
    expect(chains.slotOf('sgrantApplication-1')).toBe(slot);
    expect(chains.slotOf('sgrantApplication-2')).not.toBe(slot);
  });

  it('names what breaks, in the single-threaded order: revision, link, stream id, hash', () => {
    const chains = new MergedChains();
    const slot = chains.slotOf('s1');
    const first = row(GENESIS_HASH, hex(0));
    expect(chains.check(slot, 0, 2, SOUND, first.prevs, first.hashes, 0)).toEqual({
      reason: 'jump',
      expected: 0,
    });
    expect(chains.check(slot, 0, Number.NaN, SOUND, first.prevs, first.hashes, 0)).toEqual({
      reason: 'out-of-order',
    });
    const wrongGenesis = row(hex(9), hex(0));
    expect(chains.check(slot, 0, 0, SOUND, wrongGenesis.prevs, wrongGenesis.hashes, 0)).toEqual({
      reason: 'bad-genesis',
    });
    expect(chains.check(slot, 0, 0, SOUND & ~ROW_PREV_COMPARABLE, first.prevs, first.hashes, 0)).toEqual({
      reason: 'bad-genesis',
    });
    expect(chains.check(slot, 0, 0, SOUND & ~ROW_ID_TEXT, first.prevs, first.hashes, 0)).toEqual({
      reason: 'hash-mismatch',
    });
    expect(chains.check(slot, 0, 0, SOUND & ~ROW_HASH_OK, first.prevs, first.hashes, 0)).toEqual({
      reason: 'hash-mismatch',
    });
    expect(chains.verifiedStreams).toBe(0);

    expect(chains.check(slot, 0, 0, SOUND, first.prevs, first.hashes, 0)).toBeUndefined();
    expect(chains.check(slot, 0, 0, SOUND, first.prevs, first.hashes, 0)).toEqual({
      reason: 'duplicate-revision',
    });
    const unlinked = row(hex(7), hex(1));
    expect(chains.check(slot, 0, 1, SOUND, unlinked.prevs, unlinked.hashes, 0)).toEqual({
      reason: 'broken-link',
    });
  });

  it('names a stored value fault before anything else, and records nothing of its row', () => {
    const chains = new MergedChains();
    const slot = chains.slotOf('s1');
    const first = row(GENESIS_HASH, hex(0));
    // data (cid 7) held as a BLOB (5): the row is otherwise perfect.
    expect(chains.check(slot, 16 * 7 + 5, 0, SOUND, first.prevs, first.hashes, 0)).toEqual({
      reason: 'unexpected-storage',
      fault: 117,
    });
    expect(chains.verifiedStreams).toBe(0);
    expect(chains.check(slot, 0, 0, SOUND, first.prevs, first.hashes, 0)).toBeUndefined();
  });

  it('keeps thousands of streams apart (its tables grow)', () => {
    const chains = new MergedChains();
    const slots = Array.from({ length: 5000 }, (_, i) => chains.slotOf(`s${i}`));
    for (const slot of slots) {
      const { prevs, hashes } = row(GENESIS_HASH, hex(slot));
      expect(chains.check(slot, 0, 0, SOUND, prevs, hashes, 0)).toBeUndefined();
    }
    for (const slot of slots) {
      const { prevs, hashes } = row(hex(slot), hex(-slot));
      expect(chains.check(slot, 0, 1, SOUND, prevs, hashes, 0)).toBeUndefined();
    }
    expect(chains.verifiedStreams).toBe(5000);
  });
});
