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
import { SQLITE_EVENT_COLUMNS, SqliteEventColumn, SqliteStorageTamper } from './log-tamper';

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

/**
 * A value stored as no adapter writes it, in one row of a SQLite log: every verification mode
 * (threads, the file reader, through SQLite) must name that row, the column and what it holds
 * (`unexpected-storage`), and agree. The row's data must hold U+FFFD (whose bytes are swapped for
 * bytes that are not UTF-8 but that reading as text turns into U+FFFD again).
 */
export interface StorageTamperCase {
  name: string;
  act(tamper: SqliteStorageTamper, position: number): void;
  /** The column named in the break. */
  column: SqliteEventColumn;
  /** The column written, when it is another one. */
  written?: SqliteEventColumn;
  found:
    | 'NULL'
    | 'INTEGER'
    | 'REAL'
    | 'TEXT'
    | 'BLOB'
    | 'text that is not valid UTF-8'
    | 'an integer beyond ±(2^53 − 1)'
    | "a category other than its stream id's";
}

const INTEGER_COLUMNS: SqliteEventColumn[] = ['revision', 'schema_version'];
const TEXT_COLUMNS = SQLITE_EVENT_COLUMNS.filter((column) => !INTEGER_COLUMNS.includes(column));
const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD', 'utf8');
const NOT_UTF8 = 'text that is not valid UTF-8';

export const STORAGE_TAMPER_CASES: StorageTamperCase[] = [
  // The same bytes in another class: every column.
  ...SQLITE_EVENT_COLUMNS.map((column): StorageTamperCase => ({
    name: `${column}: the same bytes stored as a BLOB`,
    act: (tamper, position) => tamper.asBlob(position, column),
    column,
    found: 'BLOB',
  })),
  // INTEGER, REAL, NULL where TEXT is expected.
  ...TEXT_COLUMNS.flatMap((column) =>
    (
      [
        [7n, 'INTEGER'],
        [2.5, 'REAL'],
        [null, 'NULL'],
      ] as const
    ).map(([value, found]): StorageTamperCase => ({
      name: `${column}: ${found} where TEXT is expected`,
      act: (tamper, position) => tamper.store(position, column, value),
      column,
      found,
    })),
  ),
  // TEXT, REAL (even one equal to an integer), NULL and unsafe integers where INTEGER is expected.
  ...INTEGER_COLUMNS.flatMap((column) =>
    (
      [
        ['1', 'TEXT'],
        [1.5, 'REAL'],
        [1.0, 'REAL'],
        [null, 'NULL'],
        [2n ** 53n + 1n, 'an integer beyond ±(2^53 − 1)'],
        [-(2n ** 60n), 'an integer beyond ±(2^53 − 1)'],
      ] as const
    ).map(([value, found]): StorageTamperCase => ({
      name: `${column}: ${typeof value === 'bigint' ? `the integer ${value}` : found} where a safe INTEGER is expected`,
      act: (tamper, position) => tamper.store(position, column, value),
      column,
      found,
    })),
  ),
  // U+FFFD's bytes swapped for bytes that are not UTF-8 (read as text, each is U+FFFD again).
  ...(
    [
      ['ff', 'a byte never in UTF-8'],
      ['fe', 'another'],
      ['c080', 'an overlong NUL'],
      ['e08080', 'an overlong three-byte form'],
      ['eda080', 'an encoded UTF-16 surrogate'],
      ['f4908080', 'a code point above U+10FFFF'],
      ['efbf', 'U+FFFD cut short'],
      ['80', 'a lone continuation byte'],
    ] as const
  ).map(([hex, what]): StorageTamperCase => ({
    name: `data: U+FFFD's bytes swapped for ${hex} (${what})`,
    act: (tamper, position) =>
      tamper.replaceBytes(position, 'data', REPLACEMENT_CHARACTER, Buffer.from(hex, 'hex')),
    column: 'data',
    found: NOT_UTF8,
  })),
  // A byte that is not UTF-8 in every other text column (the hashes too: not a mismatch first).
  ...TEXT_COLUMNS.filter((column) => column !== 'data').map((column): StorageTamperCase => ({
    name: `${column}: its second byte replaced by ff`,
    act: (tamper, position) => tamper.replaceBytes(position, column, 1, Buffer.from('ff', 'hex')),
    column,
    found: NOT_UTF8,
  })),
  // The category, which is not hashed: another one, none, one with the dash, and a stream id whose
  // category no longer matches (named before the hash it also breaks).
  ...(
    [
      ['category', 'evaluation'],
      ['category', ''],
      ['category', 'grantApplication-'],
      ['stream_id', 'ledger-0'],
    ] as const
  ).map(([column, value]): StorageTamperCase => ({
    name: `${column}: set to ${JSON.stringify(value)}`,
    act: (tamper, position) => tamper.store(position, column, value),
    column: 'category',
    written: column,
    found: "a category other than its stream id's",
  })),
];
