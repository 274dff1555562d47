import { Pool } from 'pg';
import { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store';

interface Row {
  fingerprint: string;
  response: StoredResponse | null;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const PURGE_EVERY_MS = 60_000;

// Keys are `<actor>\u0000<Idempotency-Key>`: PostgreSQL text cannot hold a NUL, bytea can.
const bytesOf = (key: string): Buffer => Buffer.from(key, 'utf8');

/**
 * Idempotency keys in PostgreSQL, for a distributed service: they survive restarts and every
 * instance of the service sees the same claims. A claim is one INSERT ... ON CONFLICT, which
 * takes a key that is free or expired and leaves a live one alone.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private nextPurge = 0;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly now: () => number,
  ) {}

  static async create(
    pool: Pool,
    options: { schema?: string; now?: () => number } = {},
  ): Promise<PostgresIdempotencyStore> {
    const schema = options.schema ?? 'tadamon_http';
    if (!IDENTIFIER.test(schema)) throw new Error(`not a schema name: ${schema}`);
    const table = `"${schema}".idempotency_keys`;
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (
      key bytea PRIMARY KEY,
      fingerprint text NOT NULL,
      response jsonb,
      expires_at bigint NOT NULL
    )`);
    return new PostgresIdempotencyStore(pool, table, options.now ?? Date.now);
  }

  async reserve(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyRecord | undefined> {
    // Expired keys are ignored by claims; dropping them at most once a minute keeps the table small.
    if (this.now() >= this.nextPurge) {
      this.nextPurge = this.now() + PURGE_EVERY_MS;
      await this.purgeExpired();
    }
    for (;;) {
      const now = this.now();
      const claimed = await this.pool.query(
        `INSERT INTO ${this.table} AS k (key, fingerprint, response, expires_at) VALUES ($1, $2, NULL, $3)
         ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, response = NULL,
           expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= $4
         RETURNING key`,
        [bytesOf(key), fingerprint, now + ttlMs, now],
      );
      if (claimed.rowCount === 1) return undefined;
      const found = await this.pool.query<Row>(
        `SELECT fingerprint, response FROM ${this.table} WHERE key = $1 AND expires_at > $2`,
        [bytesOf(key), now],
      );
      // Released or expired between the two statements: claim again.
      if (found.rowCount === 0) continue;
      const row = found.rows[0];
      return row.response === null
        ? { state: 'in-flight', fingerprint: row.fingerprint }
        : { state: 'completed', fingerprint: row.fingerprint, response: row.response };
    }
  }

  async complete(key: string, response: StoredResponse, ttlMs: number): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET response = $2, expires_at = $3 WHERE key = $1`, [
      bytesOf(key),
      JSON.stringify(response),
      this.now() + ttlMs,
    ]);
  }

  async release(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE key = $1 AND response IS NULL`, [bytesOf(key)]);
  }

  /** Drops the keys whose time is up (claims already ignore them; this only frees the space). Returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at <= $1`, [this.now()]);
    return result.rowCount ?? 0;
  }
}
