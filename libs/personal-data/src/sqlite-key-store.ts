import Database from 'better-sqlite3';
import { keyFromRow, KeyRow, KeyStore, SubjectErased, WrappedKey } from './key-store';

/** The embedded profile's key store: its own SQLite file, never the event store's. */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subject_keys (
        subject_id TEXT PRIMARY KEY, key_id TEXT NOT NULL, wrapped TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL);`);
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
      this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId);
      this.db
        .prepare('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)')
        .run(subjectId, at);
    })();
  }

  async isErased(subjectId: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject_id = ?').get(subjectId) !== undefined;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
