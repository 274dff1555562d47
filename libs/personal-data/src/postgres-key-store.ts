import { Pool, PoolClient } from 'pg';
import { keyFromRow, KeyRow, KeyStore, SubjectErased, WrappedKey } from './key-store';

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** The distributed profile's key store: a schema of its own (grant it to no other service). */
export class PostgresKeyStore implements KeyStore {
  private constructor(
    /** Read by the service's pool gauges. */
    readonly pool: Pool,
    private readonly s: string,
  ) {}

  static async connect(connectionString: string, schema = 'tadamon_keys'): Promise<PostgresKeyStore> {
    if (!SCHEMA.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
    // A client within 5 s or an error, rather than a wait for ever on an exhausted pool.
    const pool = new Pool({ connectionString, max: 5, connectionTimeoutMillis: 5_000 });
    // A connection lost (a server restart) fails the query of the client in use and is dropped by the
    // pool when idle; unheard, either would crash the process.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${schema}.subject_keys (
        subject_id text PRIMARY KEY, key_id text NOT NULL, wrapped text NOT NULL, created_at text NOT NULL);
      CREATE TABLE IF NOT EXISTS ${schema}.erased_subjects (subject_id text PRIMARY KEY, erased_at text NOT NULL);`);
    return new PostgresKeyStore(pool, schema);
  }

  async current(subjectId: string): Promise<WrappedKey | undefined> {
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT * FROM ${this.s}.subject_keys WHERE subject_id = $1`,
      [subjectId],
    );
    return keyFromRow(rows[0]);
  }

  async find(subjectId: string, keyId: string): Promise<WrappedKey | undefined> {
    const key = await this.current(subjectId);
    return key?.keyId === keyId ? key : undefined;
  }

  async addIfAbsent(key: WrappedKey): Promise<WrappedKey> {
    return this.forSubject(key.subjectId, async (client) => {
      const erased = await client.query(`SELECT 1 FROM ${this.s}.erased_subjects WHERE subject_id = $1`, [
        key.subjectId,
      ]);
      if (erased.rowCount) throw new SubjectErased(key.subjectId);
      await client.query(
        `INSERT INTO ${this.s}.subject_keys (subject_id, key_id, wrapped, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subject_id) DO NOTHING`,
        [key.subjectId, key.keyId, key.wrapped, key.createdAt],
      );
      const { rows } = await client.query<KeyRow>(
        `SELECT * FROM ${this.s}.subject_keys WHERE subject_id = $1`,
        [key.subjectId],
      );
      return keyFromRow(rows[0]) as WrappedKey;
    });
  }

  /**
   * Overwrites the key, deletes it, then rewrites the table (VACUUM FULL), so that no version of the
   * row stays in the table's files. PostgreSQL's write-ahead log, replicas and backups still hold
   * it until they are recycled: docs/personal-data.md says what the operator must do.
   */
  async destroy(subjectId: string, at: string): Promise<void> {
    await this.forSubject(subjectId, async (client) => {
      await client.query(
        `UPDATE ${this.s}.subject_keys SET wrapped = repeat('0', length(wrapped)) WHERE subject_id = $1`,
        [subjectId],
      );
      await client.query(`DELETE FROM ${this.s}.subject_keys WHERE subject_id = $1`, [subjectId]);
      await client.query(
        `INSERT INTO ${this.s}.erased_subjects (subject_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [subjectId, at],
      );
    });
    // Outside the transaction (VACUUM cannot run in one); dead row versions otherwise stay in pages.
    await this.pool.query(`VACUUM FULL ${this.s}.subject_keys`);
  }

  /** One transaction holding a per-subject lock, so an erasure and a first seal cannot cross. */
  private async forSubject<T>(subjectId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [subjectId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async isErased(subjectId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${this.s}.erased_subjects WHERE subject_id = $1`,
      [subjectId],
    );
    return (rowCount ?? 0) > 0;
  }

  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.s} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
