import Database from 'better-sqlite3';
import { keyFromRow, KeyRow, KeyStore, SubjectErased, WrappedKey } from './key-store';

export class KeyStoreNotShredded extends Error {
  constructor(filename: string) {
    super(`${filename}: the write-ahead log could not be emptied after an erasure (a reader holds it)`);
    this.name = 'KeyStoreNotShredded';
  }
}

/**
 * The embedded profile's key store: its own SQLite file, never the event store's.
 *
 * Erasure must leave no readable copy of a key in any of its files: `secure_delete` zeroes what a
 * delete frees in the pages, the value is overwritten before the row goes, and a TRUNCATE checkpoint
 * empties the write-ahead log, whose older frames would otherwise keep the key until reused.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;

  constructor(private readonly filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subject_keys (
        subject_id TEXT PRIMARY KEY, key_id TEXT NOT NULL, wrapped TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL);`);
    // A crash between an erasure and its checkpoint, or a file written before secure delete was on,
    // may still hold a destroyed key: VACUUM rewrites every page, the checkpoint empties the log.
    this.db.exec('VACUUM');
    this.shred();
  }

  async current(subjectId: string): Promise<WrappedKey | undefined> {
    return keyFromRow(
      this.db.prepare('SELECT * FROM subject_keys WHERE subject_id = ?').get(subjectId) as KeyRow | undefined,
    );
  }

  async find(subjectId: string, keyId: string): Promise<WrappedKey | undefined> {
    const key = await this.current(subjectId);
    return key?.keyId === keyId ? key : undefined;
  }

  async addIfAbsent(key: WrappedKey): Promise<WrappedKey> {
    return this.db
      .transaction(() => {
        if (this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject_id = ?').get(key.subjectId)) {
          throw new SubjectErased(key.subjectId);
        }
        this.db
          .prepare(
            'INSERT OR IGNORE INTO subject_keys (subject_id, key_id, wrapped, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(key.subjectId, key.keyId, key.wrapped, key.createdAt);
        return keyFromRow(
          this.db.prepare('SELECT * FROM subject_keys WHERE subject_id = ?').get(key.subjectId) as KeyRow,
        );
      })
      .immediate() as WrappedKey;
  }

  async destroy(subjectId: string, at: string): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE subject_keys SET wrapped = printf('%.*c', length(wrapped), '0') WHERE subject_id = ?",
        )
        .run(subjectId);
      this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId);
      this.db
        .prepare('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)')
        .run(subjectId, at);
    })();
    this.shred();
  }

  async isErased(subjectId: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject_id = ?').get(subjectId) !== undefined;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.shred();
    this.db.close();
  }

  /** Copies the log into the file (whose freed space secure delete zeroed) and truncates the log. */
  private shred(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) throw new KeyStoreNotShredded(this.filename);
  }
}
