import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_SCHEMA } from '../../libs/event-store/src/sqlite/sqlite-schema';

/** An events row as the store writes it (column order of the INSERT). */
export type RowTemplate = [
  streamId: string,
  category: string,
  revision: number,
  id: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
];

/** The last AssociationRegistered row a command stored in the platform's event log. */
export function storedCommandRow(eventStoreFile: string): RowTemplate {
  const db = new Database(eventStoreFile, { readonly: true });
  try {
    const row = db
      .prepare(
        'SELECT stream_id, category, revision, id, type, schema_version, data, metadata, recorded_at, ' +
          "prev_hash, hash FROM events WHERE type = 'AssociationRegistered' ORDER BY position DESC LIMIT 1",
      )
      .raw(true)
      .get() as RowTemplate | undefined;
    if (!row) throw new Error(`no AssociationRegistered event in ${eventStoreFile}`);
    return row;
  } finally {
    db.close();
  }
}

/** Counts the events the bench's commands stored (streams association-bench-*). */
export function countBenchEvents(eventStoreFile: string): number {
  const db = new Database(eventStoreFile, { readonly: true });
  try {
    return (
      db
        .prepare(
          "SELECT count(*) AS n FROM events WHERE type = 'AssociationRegistered' AND stream_id LIKE 'association-bench-%'",
        )
        .get() as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

/**
 * The raw durable append: a plain better-sqlite3 connection on its own file, WAL and
 * synchronous=FULL like the event store, the same table DDL, and one IMMEDIATE transaction of
 * one INSERT per append, of a row the size of the one a register command stores.
 */
export class RawDurableAppend {
  readonly filename: string;
  private readonly db: Database.Database;
  private readonly insertOne: (row: RowTemplate) => void;
  private appended = 0;

  constructor(
    dir: string,
    private readonly template: RowTemplate,
  ) {
    this.filename = join(dir, 'raw-append.db');
    this.db = new Database(this.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SQLITE_SCHEMA);
    const insert = this.db.prepare(
      'INSERT INTO events (stream_id, category, revision, id, type, schema_version, data, metadata, ' +
        'recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const tx = this.db.transaction((row: RowTemplate) => void insert.run(...row));
    this.insertOne = (row) => tx.immediate(row);
  }

  /** Sequential appends for `durationMs`; each timed alone (the row is built before the clock starts). */
  run(durationMs: number): { appends: number; seconds: number; samplesNs: number[] } {
    const samplesNs: number[] = [];
    let total = 0;
    const deadline = process.hrtime.bigint() + BigInt(durationMs) * 1_000_000n;
    while (process.hrtime.bigint() < deadline) {
      const row = this.nextRow();
      const start = process.hrtime.bigint();
      this.insertOne(row);
      const elapsed = Number(process.hrtime.bigint() - start);
      samplesNs.push(elapsed);
      total += elapsed;
    }
    return { appends: samplesNs.length, seconds: total / 1e9, samplesNs };
  }

  /** Bytes of the row written per append (text columns). */
  get rowBytes(): number {
    return this.template.reduce<number>(
      (sum, value) => sum + (typeof value === 'string' ? Buffer.byteLength(value) : 8),
      0,
    );
  }

  close(): void {
    this.db.close();
  }

  private nextRow(): RowTemplate {
    const n = this.appended++;
    const row = [...this.template] as RowTemplate;
    row[0] = `association-raw-${String(n).padStart(6, '0')}`;
    row[2] = 0;
    row[3] = randomUUID();
    return row;
  }
}
