import { randomUUID } from 'node:crypto';
import {
  ChainBreakReason,
  eventHash,
  NewEvent,
  NO_STREAM,
  verifyRecordedStream,
  verifyStreamChain,
} from '@tadamon/eventsourcing';
import { prepareAppend, sealEvents } from '../append-preparation';
import { EventStore, StoredEvent } from '../event-store';
import { ChainTamper, ContractFixture } from './contract-fixture';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'LedgerLineRecorded',
  schemaVersion: 1,
  data: { n, amount: 1000 + n, note: 'تحويل — virement' },
  metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'auditor', roles: [] } },
});

/** A stream of five events (two appends), and its stored rows. */
async function ledger(store: EventStore): Promise<{ streamId: string; stored: StoredEvent[] }> {
  const streamId = `ledger-${randomUUID()}`;
  await store.appendToStream(streamId, [event(0), event(1)], { expectedRevision: NO_STREAM });
  await store.appendToStream(streamId, [event(2), event(3), event(4)], { expectedRevision: 1 });
  return { streamId, stored: await store.readStoredStream(streamId) };
}

/** The chain cases of the contract suite: a clean stream verifies; each kind of tampering is named. */
export function chainTamperingCases(context: () => ContractFixture, store: () => EventStore): void {
  it('seals every stream in a hash chain that verifies from the stored rows and from the read events', async () => {
    const { streamId, stored } = await ledger(store());
    expect(verifyStreamChain(stored)).toEqual({ ok: true, count: 5, lastHash: stored[4].hash });
    const read = await store().readStream(streamId);
    expect(verifyRecordedStream(read)).toEqual({ ok: true, count: 5, lastHash: stored[4].hash });
    read.forEach((e) => expect(eventHash(e)).toBe(e.hash));
    const page = await store().readAllStored({ after: stored[0].globalPosition - 1, maxCount: 1 });
    expect(page).toEqual([stored[0]]);
  });

  const tampering: {
    name: string;
    act: (tamper: ChainTamper, streamId: string, stored: StoredEvent[]) => Promise<void>;
    /** Revision and original revision of the event that must be named, and the acceptable reasons. */
    expected: { revision: number; original: number; reasons: ChainBreakReason[] };
  }[] = [
    {
      name: 'a flipped byte in the stored data',
      act: (tamper, _streamId, stored) => tamper.flipByte(stored[2].id),
      expected: { revision: 2, original: 2, reasons: ['hash-mismatch'] },
    },
    {
      name: 'a deleted event',
      act: (tamper, _streamId, stored) => tamper.deleteEvent(stored[2].id),
      expected: { revision: 3, original: 3, reasons: ['revision-gap', 'broken-link'] },
    },
    {
      name: 'two reordered events',
      act: (tamper, streamId) => tamper.swapRevisions(streamId, 1, 3),
      expected: { revision: 1, original: 3, reasons: ['broken-link', 'out-of-order', 'hash-mismatch'] },
    },
    {
      name: 'an inserted event (even one chained correctly to its predecessor)',
      act: async (tamper, streamId, stored) => {
        const [forged] = sealEvents(prepareAppend(streamId, [event(99)]), {
          streamId,
          lastRevision: 1,
          lastHash: stored[1].hash,
          recordedAt: stored[1].recordedAt,
        });
        await tamper.insertForged(forged);
      },
      // The forged link holds; the event after it no longer does (its revision and prevHash moved).
      expected: { revision: 3, original: 2, reasons: ['broken-link', 'hash-mismatch', 'duplicate-revision'] },
    },
  ];

  for (const { name, act, expected } of tampering) {
    it(`detects ${name} and names the first broken event`, async () => {
      const tamper = context().tamper;
      if (!tamper) {
        process.stderr.write(`\n!!! chain tampering case NOT RUN (the fixture has no tamper): ${name}\n`);
        return;
      }
      const { streamId, stored } = await ledger(store());
      await act(tamper, streamId, stored);
      const result = verifyStreamChain(await store().readStoredStream(streamId));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.broken).toMatchObject({
        streamId,
        revision: expected.revision,
        eventId: stored[expected.original].id,
      });
      expect(expected.reasons).toContain(result.broken.reason);
    });
  }
}
