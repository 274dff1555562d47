import {
  ActorRecord,
  ApplicantRecord,
  AssociationStatus,
  RegistryFactChange,
  RegistryFacts,
} from '@tadamon/funding';
import { ProblemException } from '@tadamon/nest-kit';
import { Pool, PoolClient } from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** PostgreSQL's lock_not_available: a lock not granted within lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

export interface RegistryFactsOptions {
  /** How long a read of an applicant waits for a delivery's commit (default 5 s), then 503. */
  lockTimeoutMs?: number;
  /** Clients of the readers' own pool (default 4). */
  readers?: number;
}

interface ApplicantRow {
  association_id: string;
  status: string;
  host_countries: string[];
  survivor_id: string | null;
  position: string;
  changed_at: string;
}

/**
 * Registry facts in PostgreSQL (schema `tadamon_funding`), beside the consumer's inbox:
 * `record` writes with the delivery's transaction, so a fact and its inbox row commit together;
 * an older fact (by Registry log position) changes nothing.
 *
 * Reads of an applicant lock its row for share: while a delivery has written a fact and not yet
 * committed it (it is flagging the association's applications), a submission waits for the
 * commit and sees the new status, as the SQLite store's single connection gives in the embedded
 * profile. Conflict checks read networks without waiting.
 *
 * Those reads wait on clients of a pool of their own: a delivery holding the row takes more
 * clients of the service's pool to flag the applications, and readers waiting on the row must
 * never hold them (that was a permanent deadlock). A read waits at most `lockTimeoutMs`, then
 * answers 503 with Retry-After.
 */
export class PostgresRegistryFacts implements RegistryFacts<PoolClient> {
  private constructor(
    private readonly pool: Pool,
    /** The readers' own pool (read by the service's pool gauges). */
    readonly readers: Pool,
    private readonly schema: string,
    private readonly lockTimeoutMs: number,
  ) {}

  static async create(
    pool: Pool,
    schema = 'tadamon_funding',
    options: RegistryFactsOptions = {},
  ): Promise<PostgresRegistryFacts> {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Serialises concurrent starts: CREATE ... IF NOT EXISTS races on the catalog otherwise.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tadamon-funding-facts:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".applicants (
        association_id text PRIMARY KEY,
        status text NOT NULL,
        host_countries jsonb NOT NULL,
        survivor_id text,
        position bigint NOT NULL,
        changed_at text NOT NULL
      )`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".network_members (
        network_id text NOT NULL,
        association_id text NOT NULL,
        member boolean NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (network_id, association_id)
      )`);
      await client.query(
        `CREATE INDEX IF NOT EXISTS network_members_by_association ON "${schema}".network_members (association_id)`,
      );
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".actors (
        actor_id text PRIMARY KEY,
        kind text NOT NULL,
        position bigint NOT NULL
      )`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const readers = new Pool({ ...pool.options, max: options.readers ?? 4 });
    // A connection lost (a server restart) fails the query of the client in use and is dropped by the
    // pool when idle; unheard, either would crash the process.
    readers.on('error', () => undefined);
    readers.on('connect', (client) => client.on('error', () => undefined));
    return new PostgresRegistryFacts(pool, readers, schema, options.lockTimeoutMs ?? 5_000);
  }

  /** Ends the readers' pool (the service's pool is its owner's to end). */
  async close(): Promise<void> {
    await this.readers.end();
  }

  async record(tx: PoolClient, change: RegistryFactChange): Promise<void> {
    if (change.kind === 'actor') {
      await tx.query(
        `INSERT INTO "${this.schema}".actors AS known (actor_id, kind, position) VALUES ($1, $2, $3)
         ON CONFLICT (actor_id) DO UPDATE SET kind = excluded.kind, position = excluded.position
           WHERE known.position < excluded.position`,
        [change.actorId, change.actorKind, change.position],
      );
      return;
    }
    if (change.kind === 'network-member') {
      await tx.query(
        `INSERT INTO "${this.schema}".network_members AS known (network_id, association_id, member, position)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (network_id, association_id) DO UPDATE
           SET member = excluded.member, position = excluded.position
           WHERE known.position < excluded.position`,
        [change.networkId, change.associationId, change.member, change.position],
      );
      return;
    }
    const hostCountries = change.hostCountries === undefined ? null : JSON.stringify(change.hostCountries);
    // Host countries and survivor are given by some events only: the others keep what is known.
    await tx.query(
      `INSERT INTO "${this.schema}".applicants AS known
         (association_id, status, host_countries, survivor_id, position, changed_at)
       VALUES ($1, $2, COALESCE($3::jsonb, '[]'::jsonb), $4, $5, $6)
       ON CONFLICT (association_id) DO UPDATE SET
         status = excluded.status,
         host_countries = COALESCE($3::jsonb, known.host_countries),
         survivor_id = COALESCE($4, known.survivor_id),
         position = excluded.position,
         changed_at = excluded.changed_at
       WHERE known.position < excluded.position`,
      [
        change.associationId,
        change.status,
        hostCountries,
        change.survivorId ?? null,
        change.position,
        change.at,
      ],
    );
  }

  async applicant(associationId: string): Promise<ApplicantRecord | undefined> {
    const client = await this.readers.connect();
    let rows: ApplicantRow[];
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.lockTimeoutMs))}`);
      ({ rows } = await client.query<ApplicantRow>(
        `SELECT * FROM "${this.schema}".applicants WHERE association_id = $1 FOR SHARE`,
        [associationId],
      ));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE)
        throw new ProblemException('not-ready', undefined, undefined, {
          'Retry-After': String(Math.max(1, Math.ceil(this.lockTimeoutMs / 1000))),
        });
      throw error;
    } finally {
      client.release();
    }
    const row = rows[0];
    return (
      row && {
        associationId: row.association_id,
        status: row.status as AssociationStatus,
        hostCountries: row.host_countries,
        survivorId: row.survivor_id,
        position: Number(row.position),
        changedAt: row.changed_at,
      }
    );
  }

  async networksOf(organisationId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ network_id: string }>(
      `SELECT network_id FROM "${this.schema}".network_members
       WHERE association_id = $1 AND member ORDER BY network_id COLLATE "C"`,
      [organisationId],
    );
    return rows.map((row) => row.network_id);
  }

  async actor(actorId: string): Promise<ActorRecord | undefined> {
    const { rows } = await this.pool.query<{ actor_id: string; kind: string; position: string }>(
      `SELECT actor_id, kind, position FROM "${this.schema}".actors WHERE actor_id = $1`,
      [actorId],
    );
    const row = rows[0];
    return row && { actorId: row.actor_id, kind: row.kind, position: Number(row.position) };
  }
}
