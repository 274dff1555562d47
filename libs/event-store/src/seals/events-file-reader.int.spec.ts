import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashInput, NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { eventsFileAtRest, stillAtRest } from './events-file-layout';
import { EVENTS_FILE_READER_SOURCE } from './events-file-reader';

interface FileReader {
  leafCount: number;
  finished: boolean;
  block(from: number, to: number): void;
  firstPosition(leaf: number): number | undefined;
  position: number;
  slot: number;
  plain: boolean;
  revision: number;
  text: Buffer;
  textStart: number;
  textEnd: number;
  next(): boolean;
  close(): void;
  streamIdOf(slot: number): string | null;
  hashIs(other: DataView, offset: number): boolean;
}
interface ReaderOptions {
  filename: string;
  rootPage: number;
  pageSize: number;
  usableSize: number;
  head: number;
}
type OpenEventsFile = (files: typeof fs, options: ReaderOptions) => FileReader;

// The reader is JavaScript source the worker threads evaluate; here it is evaluated the same way.
const { openEventsFile, EventsFileCorrupt } = new Function(
  `${EVENTS_FILE_READER_SOURCE}; return { openEventsFile, EventsFileCorrupt };`,
)() as { openEventsFile: OpenEventsFile; EventsFileCorrupt: new () => Error };

/** Whether the reader's row has this hex digest as its stored hash. */
function storedHashIs(reader: FileReader, hex: string): boolean {
  const bytes = Buffer.from(hex, 'latin1');
  return reader.hashIs(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
}

type Row = [number, unknown, number, string, string, number, string, string, string, string, string];

const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  actor: { id: 'officer-1', roles: ['officer'] },
};
const event = (data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type: 'BudgetCommitted',
  schemaVersion: 1,
  data,
  metadata,
});

/**
 * A closed log with what a reader meets: small events, events larger than a page (overflow pages)
 * and than 64 KiB (the reader's buffers grow), text that JSON escapes, Arabic; then rows SQLite
 * holds in ways the reader leaves to SQLite (a REAL schema version, a quote in an id, a BLOB
 * stream id, a stream id beyond ASCII).
 */
async function writeLog(): Promise<{ filename: string; odd: Set<number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-file-reader-'));
  directories.push(dir);
  const filename = join(dir, 'events.db');
  const store = SqliteEventStore.open({ filename, synchronous: 'OFF' });
  // Two ids where one is a prefix of the other, written one after the other: their rows must not mix.
  const prefix = `grantApplication-${randomUUID()}`;
  const streams = [
    ...Array.from({ length: 5 }, (_, i) => `grantApplication-${i}-${randomUUID()}`),
    `${prefix}0`,
    prefix,
  ];
  for (let round = 0; round < 30; round++) {
    for (const [i, streamId] of streams.entries()) {
      const size = (round * 7 + i) % 23 === 0 ? 70_000 : (round + i) % 9 === 0 ? 5_000 : 40;
      await store.appendToStream(
        streamId,
        [
          event({
            n: round,
            note: `Figuig "coopérative" \\ تعاونية\n${'x'.repeat(size)}`,
          }),
        ],
        { expectedRevision: round === 0 ? NO_STREAM : round - 1 },
      );
    }
  }
  await store.close();
  const db = new Database(filename);
  const positions = db.prepare('SELECT position FROM events ORDER BY position').pluck().all() as number[];
  const odd = new Set([positions[10], positions[20], positions[30], positions[40]]);
  db.prepare('UPDATE events SET schema_version = 1.5 WHERE position = ?').run(positions[10]);
  db.prepare(`UPDATE events SET id = 'a"quote' WHERE position = ?`).run(positions[20]);
  db.prepare('UPDATE events SET stream_id = CAST(stream_id AS BLOB) WHERE position = ?').run(positions[30]);
  db.prepare("UPDATE events SET type = 'Versé' WHERE position = ?").run(positions[40]);
  db.close();
  return { filename, odd };
}

/** The rows of leaves [from, to), or of every leaf. */
function readAll(
  options: ReaderOptions,
  from = 0,
  to = Infinity,
): { position: number; streamId: string | null; reader: FileReader }[] {
  const reader = openEventsFile(fs, options);
  reader.block(from, Math.min(to, reader.leafCount));
  const rows: { position: number; streamId: string | null; reader: FileReader }[] = [];
  while (reader.next()) {
    rows.push({ position: reader.position, streamId: reader.streamIdOf(reader.slot), reader });
  }
  reader.close();
  return rows;
}

describe('openEventsFile: the worker threads’ reader of a SQLite log at rest', () => {
  let filename: string;
  let odd: Set<number>;
  let stored: Row[];
  let options: ReaderOptions;

  beforeAll(async () => {
    ({ filename, odd } = await writeLog());
    const db = new Database(filename, { readonly: true });
    stored = db
      .prepare(
        'SELECT position, CAST(stream_id AS TEXT), revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash FROM events ORDER BY position',
      )
      .raw(true)
      .all() as Row[];
    db.close();
    const atRest = eventsFileAtRest(filename);
    if (!atRest) throw new Error('the closed log is not at rest');
    options = { filename, head: stored[stored.length - 1][0], ...atRest.layout };
  }, 60000);

  it('gives every row in position order, each plain row with exactly the bytes its hash covers', () => {
    const reader = openEventsFile(fs, options);
    reader.block(0, reader.leafCount);
    const seen: number[] = [];
    let plain = 0;
    for (const row of stored) {
      expect(reader.next()).toBe(true);
      expect(reader.position).toBe(row[0]);
      seen.push(reader.position);
      expect(reader.streamIdOf(reader.slot)).toBe(row[1]);
      if (odd.has(row[0])) {
        expect(reader.plain).toBe(false);
        continue;
      }
      expect(reader.plain).toBe(true);
      plain++;
      expect(reader.revision).toBe(row[2]);
      const text = reader.text.subarray(reader.textStart, reader.textEnd);
      const fields = {
        streamId: row[1] as string,
        revision: row[2],
        id: row[3],
        type: row[4],
        schemaVersion: row[5],
        recordedAt: row[8],
        prevHash: row[9],
      };
      expect(text.toString('utf8')).toBe(hashInput(fields, row[6], row[7]) + row[9]);
      expect(storedHashIs(reader, createHash('sha256').update(text).digest('hex'))).toBe(true);
      expect(storedHashIs(reader, row[10])).toBe(true);
      expect(
        storedHashIs(
          reader,
          row[10].replace(/.$/, (c) => (c === '0' ? '1' : '0')),
        ),
      ).toBe(false);
    }
    expect(reader.next()).toBe(false);
    reader.close();
    expect(plain).toBe(stored.length - odd.size);
    // Overflowing and very large records were among them.
    expect(stored.some((row) => row[6].length > 65536)).toBe(true);
  });

  it('stops at the head it is given', () => {
    const head = stored[99][0];
    expect(readAll({ ...options, head }).map((row) => row.position)).toEqual(
      stored.slice(0, 100).map((row) => row[0]),
    );
  });

  it('reads blocks of leaves: together every row once, in order, and says where a block starts', () => {
    const reader = openEventsFile(fs, options);
    const leaves = reader.leafCount;
    reader.close();
    expect(leaves).toBeGreaterThan(6);
    const bounds = [0, 2, 5, leaves];
    const parts = bounds
      .slice(0, -1)
      .map((from, i) => readAll(options, from, bounds[i + 1]).map((row) => row.position));
    expect(parts.flat()).toEqual(stored.map((row) => row[0]));
    const starts = openEventsFile(fs, options);
    for (const [i, from] of bounds.slice(0, -1).entries())
      expect(starts.firstPosition(from)).toBe(parts[i][0]);
    starts.close();
  });

  it('reads a file of another page size the same', () => {
    const copy = join(directories[0], 'small-pages.db');
    copyFileSync(filename, copy);
    const db = new Database(copy);
    db.pragma('journal_mode = DELETE');
    db.pragma('page_size = 1024');
    db.exec('VACUUM');
    db.close();
    const atRest = eventsFileAtRest(copy);
    expect(atRest?.layout.pageSize).toBe(1024);
    const small = { ...options, filename: copy, ...atRest?.layout };
    const reread = readAll(small);
    expect(reread.map((row) => [row.position, row.streamId])).toEqual(stored.map((row) => [row[0], row[1]]));
    // Records spill onto overflow pages far more often with 1 KiB pages: every plain row still hashes right.
    const reader = openEventsFile(fs, small);
    reader.block(0, reader.leafCount);
    let plain = 0;
    while (reader.next()) {
      if (!reader.plain) continue;
      plain++;
      const text = reader.text.subarray(reader.textStart, reader.textEnd);
      expect(storedHashIs(reader, createHash('sha256').update(text).digest('hex'))).toBe(true);
    }
    reader.close();
    expect(plain).toBe(stored.length - odd.size);
  });

  it('decodes integers of every stored width, as the hashed text writes them', () => {
    const copy = join(directories[0], 'integers.db');
    copyFileSync(filename, copy);
    const values = [-1, 127, -129, 300, 70_000, -8_388_000, 2 ** 31 - 5, -(2 ** 40), 2 ** 53 - 1];
    const db = new Database(copy);
    const plainRows = stored.filter((row) => !odd.has(row[0])).slice(0, values.length);
    values.forEach((value, i) =>
      db.prepare('UPDATE events SET revision = ? WHERE position = ?').run(value, plainRows[i][0]),
    );
    db.close();
    const reader = openEventsFile(fs, { ...options, filename: copy });
    reader.block(0, reader.leafCount);
    const seen = new Map<number, { revision: number; text: string }>();
    while (reader.next()) {
      if (reader.plain)
        seen.set(reader.position, {
          revision: reader.revision,
          text: reader.text.toString('latin1', reader.textStart, reader.textEnd),
        });
    }
    reader.close();
    values.forEach((value, i) => {
      const row = seen.get(plainRows[i][0]);
      expect(row?.revision).toBe(value);
      expect(row?.text).toContain(`,"revision":${value},"schemaVersion":`);
    });
  });

  it('throws EventsFileCorrupt on a page it does not expect', () => {
    const copy = join(directories[0], 'corrupt.db');
    copyFileSync(filename, copy);
    const fd = fs.openSync(copy, 'r+');
    // The table's root page made an index page.
    fs.writeSync(fd, Buffer.from([0x02]), 0, 1, (options.rootPage - 1) * options.pageSize);
    fs.closeSync(fd);
    expect(() => readAll({ ...options, filename: copy })).toThrow(EventsFileCorrupt);
  });
});

describe('eventsFileAtRest', () => {
  it('finds a closed log at rest, not a live one, and sees a write after it looked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-at-rest-'));
    directories.push(dir);
    const filename = join(dir, 'events.db');
    const store = SqliteEventStore.open({ filename, synchronous: 'OFF' });
    await store.appendToStream(`grantApplication-${randomUUID()}`, [event({ n: 1 })], {
      expectedRevision: NO_STREAM,
    });
    // Live: the write-ahead log holds frames the file does not.
    expect(eventsFileAtRest(filename)).toBeUndefined();
    await store.close();
    const atRest = eventsFileAtRest(filename);
    expect(atRest?.layout).toMatchObject({ pageSize: 4096, usableSize: 4096 });
    expect(atRest && stillAtRest(filename, atRest)).toBe(true);

    const writer = SqliteEventStore.open({ filename, synchronous: 'OFF' });
    await writer.appendToStream(`grantApplication-${randomUUID()}`, [event({ n: 2 })], {
      expectedRevision: NO_STREAM,
    });
    expect(atRest && stillAtRest(filename, atRest)).toBe(false);
    await writer.close();
    // Closed again, the file changed all the same.
    expect(atRest && stillAtRest(filename, atRest)).toBe(false);
  });

  it('refuses a table that is not the store’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-at-rest-'));
    directories.push(dir);
    const filename = join(dir, 'other.db');
    const db = new Database(filename);
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT, payload TEXT)');
    db.close();
    expect(eventsFileAtRest(filename)).toBeUndefined();
  });
});
