import Database from 'better-sqlite3';
import { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store';

interface Row {
  fingerprint: string;
  response: string | null;
}

/** Survives restarts of the embedded profile; one SQLite file, shared by the process's routes. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      key TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      response TEXT,
      expires_at INTEGER NOT NULL
    )`);
    this.statements = {
      purgeExpired: this.db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?'),
      claim: this.db.prepare(
        'INSERT OR IGNORE INTO idempotency_keys (key, fingerprint, response, expires_at) VALUES (?, ?, NULL, ?)',
      ),
      find: this.db.prepare<[string], Row>(
        'SELECT fingerprint, response FROM idempotency_keys WHERE key = ?',
      ),
      complete: this.db.prepare('UPDATE idempotency_keys SET response = ?, expires_at = ? WHERE key = ?'),
      release: this.db.prepare('DELETE FROM idempotency_keys WHERE key = ? AND response IS NULL'),
    };
  }

  async reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined> {
    const now = this.now();
    // One synchronous transaction: no other request of this process interleaves.
    return this.db.transaction(() => {
      this.statements.purgeExpired.run(now);
      if (this.statements.claim.run(key, fingerprint, now + ttlMs).changes === 1) return undefined;
      const row = this.statements.find.get(key);
      if (!row) return undefined;
      return row.response === null
        ? ({ state: 'in-flight', fingerprint: row.fingerprint } as const)
        : ({
            state: 'completed',
            fingerprint: row.fingerprint,
            response: JSON.parse(row.response) as StoredResponse,
          } as const);
    })();
  }

  async complete(key: string, response: StoredResponse, ttlMs: number): Promise<void> {
    this.statements.complete.run(JSON.stringify(response), this.now() + ttlMs, key);
  }

  async release(key: string): Promise<void> {
    this.statements.release.run(key);
  }

  close(): void {
    this.db.close();
  }
}
