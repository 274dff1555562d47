import { Pool } from 'pg';
import { RateLimitStore, RateLimitWindow } from './rate-limit-store';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const PURGE_EVERY_MS = 60_000;

/**
 * Request counts in PostgreSQL, shared by every instance of a service behind one load balancer.
 * A hit is one upsert (a round trip, the price of sharing); the table is UNLOGGED: counters are
 * not worth a WAL write, and losing them in a crash only forgives the clients of that minute.
 * Ended windows are dropped at most once a minute, by a hit, not by a timer.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private nextPurge = 0;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  static async create(pool: Pool, options: { schema?: string } = {}): Promise<PostgresRateLimitStore> {
    const schema = options.schema ?? 'tadamon_http';
    if (!IDENTIFIER.test(schema)) throw new Error(`not a schema name: ${schema}`);
    const table = `"${schema}".rate_limit_windows`;
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await pool.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${table} (
      key text PRIMARY KEY,
      count bigint NOT NULL,
      reset_at bigint NOT NULL
    )`);
    return new PostgresRateLimitStore(pool, table);
  }

  async hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow> {
    if (nowMs >= this.nextPurge) {
      this.nextPurge = nowMs + PURGE_EVERY_MS;
      await this.purgeEnded(nowMs);
    }
    const { rows } = await this.pool.query<{ count: string; reset_at: string }>(
      `INSERT INTO ${this.table} AS w (key, count, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN w.reset_at <= $2::bigint THEN 1 ELSE w.count + 1 END,
         reset_at = CASE WHEN w.reset_at <= $2::bigint THEN EXCLUDED.reset_at ELSE w.reset_at END
       RETURNING count, reset_at`,
      [key, nowMs, windowMs],
    );
    return { count: Number(rows[0].count), resetAtMs: Number(rows[0].reset_at) };
  }

  /** Drops ended windows (hits already start them again); returns how many. */
  async purgeEnded(nowMs: number): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE reset_at <= $1`, [nowMs]);
    return result.rowCount ?? 0;
  }

  close(): void {
    // Nothing of its own: the pool belongs to the service, which closes it.
  }
}
