import { createHash } from 'node:crypto';
import { Pool } from 'pg';

export interface ContentMigration {
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
 * An object's bytes are rows of `chunks` under a blob id drawn at upload; the `objects` row that
 * names the blob by its SHA-256 is inserted in the same transaction as the chunks, so an object is
 * visible whole or not at all, and a failed upload leaves no row.
 */
export const CONTENT_MIGRATIONS: ContentMigration[] = [
  {
    version: 1,
    name: 'objects and their chunks',
    sql: (s) => `
      CREATE TABLE ${s}.objects (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        blob_id uuid NOT NULL UNIQUE,
        size bigint NOT NULL CHECK (size >= 0),
        chunk_count integer NOT NULL CHECK (chunk_count >= 0),
        stored_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${s}.chunks (
        blob_id uuid NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (blob_id, seq)
      );
      -- Already compressed documents (PDF, images) gain nothing from TOAST compression.
      ALTER TABLE ${s}.chunks ALTER COLUMN data SET STORAGE EXTERNAL;
    `,
  },
];

function lockKey(schema: string): string {
  return createHash('sha256').update(`tadamon-content-store:${schema}`).digest().readBigInt64BE(0).toString();
}

/** Applies the migrations the schema lacks under a session advisory lock (concurrent starts wait). */
export async function migrateContentSchema(pool: Pool, schema: string): Promise<number[]> {
  assertSchemaName(schema);
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
      for (const migration of CONTENT_MIGRATIONS) {
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
            `content store migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
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
