import {
  RegistryAssociationStatus,
  RegistryDirectory,
  RegistryDirectoryChange,
  RegistryNames,
  RegistryOrganisation,
} from '@tadamon/partnerships';
import { Pool, PoolClient } from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

interface Row {
  id: string;
  kind: 'association' | 'actor';
  names: RegistryNames;
  status: string | null;
  merged_into: string | null;
  actor_kind: string | null;
  position: string;
}

/**
 * Partnerships' directory of Registry organisations in PostgreSQL (schema `tadamon_partnerships`),
 * beside the consumer's inbox: `record` writes with the delivery's transaction, so an entry and its
 * inbox row commit together; a change at a position not after the entry's changes nothing.
 */
export class PostgresRegistryDirectory implements RegistryDirectory<PoolClient> {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async create(pool: Pool, schema = 'tadamon_partnerships'): Promise<PostgresRegistryDirectory> {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Serialises concurrent starts: CREATE ... IF NOT EXISTS races on the catalog otherwise.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `tadamon-partnerships-directory:${schema}`,
      ]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".registry_organisations (
        id text PRIMARY KEY,
        kind text NOT NULL,
        names jsonb NOT NULL,
        status text,
        merged_into text,
        actor_kind text,
        position bigint NOT NULL
      )`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return new PostgresRegistryDirectory(pool, schema);
  }

  async record(tx: PoolClient, change: RegistryDirectoryChange): Promise<void> {
    if (change.kind === 'actor') {
      await tx.query(
        `INSERT INTO "${this.schema}".registry_organisations AS known (id, kind, names, actor_kind, position)
         VALUES ($1, 'actor', $2::jsonb, $3, $4)
         ON CONFLICT (id) DO UPDATE SET kind = 'actor', names = excluded.names, status = NULL,
           merged_into = NULL, actor_kind = excluded.actor_kind, position = excluded.position
         WHERE known.position < excluded.position`,
        [change.id, JSON.stringify(change.names), change.actorKind, change.position],
      );
      return;
    }
    const names = change.names === undefined ? null : JSON.stringify(change.names);
    // Names and the survivor are given by some events only: the others keep what is known.
    await tx.query(
      `INSERT INTO "${this.schema}".registry_organisations AS known
         (id, kind, names, status, merged_into, position)
       VALUES ($1, 'association', COALESCE($2::jsonb, '{}'::jsonb), $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET
         kind = 'association',
         names = COALESCE($2::jsonb, CASE WHEN known.kind = 'association' THEN known.names ELSE '{}'::jsonb END),
         status = excluded.status,
         merged_into = COALESCE($4, CASE WHEN known.kind = 'association' THEN known.merged_into END),
         actor_kind = NULL,
         position = excluded.position
       WHERE known.position < excluded.position`,
      [change.id, names, change.status, change.mergedInto ?? null, change.position],
    );
  }

  async organisations(ids: readonly string[]): Promise<RegistryOrganisation[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM "${this.schema}".registry_organisations WHERE id = ANY($1::text[])`,
      [[...ids]],
    );
    return rows.map((row) =>
      row.kind === 'actor'
        ? {
            kind: 'actor',
            id: row.id,
            names: row.names,
            actorKind: row.actor_kind ?? '',
            position: Number(row.position),
          }
        : {
            kind: 'association',
            id: row.id,
            names: row.names,
            status: row.status as RegistryAssociationStatus,
            mergedInto: row.merged_into,
            position: Number(row.position),
          },
    );
  }
}
