import { createHash } from 'node:crypto';
import { Pool } from 'pg';

/** A schema change, applied once per schema and recorded in `<schema>.schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  /** SQL for the given (already quoted) schema identifier. */
  sql(schema: string): string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*`);
  }
}

/**
 * Versions are never edited once released: a change is a new migration.
 *
 * Data and metadata are TEXT holding the canonical JSON that was hashed, so a read returns the
 * hashed bytes exactly (jsonb would reorder keys and normalise numbers).
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'streams, events and the log position',
    sql: (s) => `
      CREATE TABLE ${s}.streams (
        stream_id text PRIMARY KEY,
        category text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        last_hash text NOT NULL
      );

      CREATE TABLE ${s}.events (
        global_position bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        category text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        metadata text NOT NULL,
        recorded_at text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        -- The last line of defence against two writers at one revision.
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
      );
      CREATE INDEX events_category_position ON ${s}.events (category, global_position);
      CREATE INDEX events_type_position ON ${s}.events (type, global_position);

      -- One row: the last global position handed out. Its row lock orders appends (see append_events).
      CREATE TABLE ${s}.log_position (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_position bigint NOT NULL
      );
      INSERT INTO ${s}.log_position (last_position) VALUES (0);

      -- One statement per append (one round trip, committed by the server right after it).
      -- Sealed events come from the client (hashes are computed by the shared sealEvents), along
      -- with the stream head they were sealed on; a different head raises TD409 with the actual
      -- revision and hash in DETAIL.
      CREATE FUNCTION ${s}.append_events(
        p_stream_id text, p_category text, p_head_revision bigint, p_head_hash text,
        p_ids uuid[], p_types text[], p_schema_versions integer[], p_data text[], p_metadata text[],
        p_recorded_at text, p_prev_hashes text[], p_hashes text[]
      ) RETURNS bigint LANGUAGE plpgsql AS $fn$
      DECLARE
        n integer := cardinality(p_ids);
        actual_revision bigint;
        actual_hash text;
        last_pos bigint;
      BEGIN
        IF p_head_revision < 0 THEN
          INSERT INTO ${s}.streams (stream_id, category, revision, last_hash)
          VALUES (p_stream_id, p_category, n - 1, p_hashes[n])
          ON CONFLICT (stream_id) DO NOTHING;
        ELSE
          UPDATE ${s}.streams SET revision = p_head_revision + n, last_hash = p_hashes[n]
          WHERE stream_id = p_stream_id AND revision = p_head_revision AND last_hash = p_head_hash;
        END IF;
        IF NOT FOUND THEN
          SELECT revision, last_hash INTO actual_revision, actual_hash
          FROM ${s}.streams WHERE stream_id = p_stream_id;
          RAISE EXCEPTION 'stream % is not at the head the append was sealed on', p_stream_id
            USING ERRCODE = 'TD409',
                  DETAIL = coalesce(actual_revision, -1)::text || ' ' || coalesce(actual_hash, '');
        END IF;

        -- Global positions: taken under the log_position row lock, held until this transaction
        -- commits. The next append gets its positions only after this one is visible, so positions
        -- become visible in order and a reader never sees position p+1 while p is still in flight.
        UPDATE ${s}.log_position SET last_position = last_position + n
        RETURNING last_position INTO last_pos;

        INSERT INTO ${s}.events (global_position, event_id, stream_id, category, revision, type,
          schema_version, data, metadata, recorded_at, prev_hash, hash)
        SELECT last_pos - n + e.i, e.id, p_stream_id, p_category, p_head_revision + e.i, e.type,
          e.schema_version, e.data, e.metadata, p_recorded_at, e.prev_hash, e.hash
        FROM unnest(p_ids, p_types, p_schema_versions, p_data, p_metadata, p_prev_hashes, p_hashes)
          WITH ORDINALITY AS e(id, type, schema_version, data, metadata, prev_hash, hash, i);
        RETURN last_pos;
      END
      $fn$;
    `,
  },
];

/** An advisory-lock key per schema, so stores on different schemas migrate independently. */
function lockKey(schema: string): string {
  return createHash('sha256').update(`tadamon-event-store:${schema}`).digest().readBigInt64BE(0).toString();
}

/**
 * Applies the migrations this schema lacks, each in its own transaction, under a session advisory
 * lock: processes starting together wait for each other, and the later ones find nothing to do.
 */
export async function migrate(pool: Pool, schema: string, migrations = MIGRATIONS): Promise<number[]> {
  assertSchemaName(schema);
  // Up to date: nothing is created, so a service role with no DDL right (docs/audit.md) starts too.
  if (await isMigrated(pool, schema, migrations)) return [];
  const s = `"${schema}"`;
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey(schema)]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`,
      );
      const done = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
      const versions = new Set(done.rows.map((row) => row.version));
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (versions.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql(s));
          await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(
            `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
          );
        }
        applied.push(migration.version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey(schema)]);
    }
  } finally {
    client.release();
  }
  return applied;
}

async function isMigrated(pool: Pool, schema: string, migrations: Migration[]): Promise<boolean> {
  const exists = await pool.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'schema_migrations'`,
    [schema],
  );
  if (exists.rowCount === 0) return false;
  const done = await pool.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations`);
  const versions = new Set(done.rows.map((row) => row.version));
  return migrations.every((migration) => versions.has(migration.version));
}

/** For read-only use: the schema must exist and hold every migration this code knows. */
export async function assertMigrated(pool: Pool, schema: string, migrations = MIGRATIONS): Promise<void> {
  assertSchemaName(schema);
  const exists = await pool.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'schema_migrations'`,
    [schema],
  );
  if (exists.rowCount === 0) throw new Error(`schema ${schema} holds no Tadamon event store`);
  const done = await pool.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations`);
  const versions = new Set(done.rows.map((row) => row.version));
  const missing = migrations.filter((migration) => !versions.has(migration.version));
  if (missing.length > 0) {
    throw new Error(
      `schema ${schema} lacks migration(s) ${missing.map((m) => m.version).join(', ')}: ` +
        'open it read-write once (start the service) before reading it read-only',
    );
  }
}
