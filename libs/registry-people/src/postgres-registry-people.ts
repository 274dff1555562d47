import { IntegrationEvent } from '@tadamon/contracts';
import { isErased, PersonalDataCipher, SealedPersonalData } from '@tadamon/personal-data';
import { Pool, PoolClient } from 'pg';
import {
  AssociationChange,
  associationChangeOf,
  ContactChange,
  contactChangeOf,
  OrganisationNamed,
  organisationNamedBy,
} from './registry-people-changes';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
export type LocalizedNames = { ar?: string; fr?: string; en?: string };

/** A contact person of an association, as the Registry's contacts topic made them known. */
export interface RegistryPerson {
  subjectId: string;
  associationId: string;
  role: string;
  status: 'active' | 'removed' | 'erased';
  /** The last decision per `purpose|legalBasis`. */
  consents: Record<string, 'given' | 'withdrawn'>;
}

/** Whom a call is for: an association matches a list when it names one of it (an empty list: any). */
export interface AssociationProfileFilter {
  originRegions: string[];
  sectors: string[];
  hostCountries: string[];
}

interface PersonRow {
  subject_id: string;
  association_id: string;
  role: string;
  status: RegistryPerson['status'];
  consents: RegistryPerson['consents'];
  personal_data: SealedPersonalData | null;
}

const personOf = (row: PersonRow): RegistryPerson => ({
  subjectId: row.subject_id,
  associationId: row.association_id,
  role: row.role,
  status: row.status,
  consents: row.consents,
});

/**
 * A service's directory of the Registry's people in the distributed profile (PostgreSQL, a schema
 * of the service's own beside its consumer's inbox): organisations' names and associations'
 * profiles and standing from the Registry's public topic, contact persons from its restricted
 * contacts topic, each written in the delivery's transaction. A contact's card stays sealed here;
 * `openCard` opens it with the person's key, from the Registry's key store, only when the service
 * needs the person's name or address. A change at a position not after the row's changes nothing
 * (a redelivery, a replayed topic), and an erasure is final.
 */
export class PostgresRegistryPeople {
  private constructor(
    private readonly pool: Pool,
    private readonly personalData: PersonalDataCipher,
    private readonly schema: string,
  ) {}

  /** Creates the schema's tables when missing (`schema`: the service's, e.g. tadamon_notifications). */
  static async create(
    pool: Pool,
    personalData: PersonalDataCipher,
    schema: string,
  ): Promise<PostgresRegistryPeople> {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Serialises concurrent starts: CREATE ... IF NOT EXISTS races on the catalog otherwise.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tadamon-registry-people:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".organisations (
        id text PRIMARY KEY,
        names jsonb NOT NULL,
        position bigint NOT NULL
      )`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".contact_persons (
        subject_id text PRIMARY KEY,
        association_id text NOT NULL,
        role text NOT NULL,
        status text NOT NULL,
        consents jsonb NOT NULL,
        personal_data jsonb,
        position bigint NOT NULL
      )`);
      // `public`: true while the association is verified (the column's first name, kept for the
      // tables already deployed).
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".associations (
        id text PRIMARY KEY,
        public boolean NOT NULL DEFAULT false,
        origin_regions jsonb NOT NULL DEFAULT '[]'::jsonb,
        sectors jsonb NOT NULL DEFAULT '[]'::jsonb,
        host_countries jsonb NOT NULL DEFAULT '[]'::jsonb,
        profile_position bigint NOT NULL DEFAULT 0,
        standing_position bigint NOT NULL DEFAULT 0
      )`);
      await client.query(
        `CREATE INDEX IF NOT EXISTS contact_persons_association ON "${schema}".contact_persons (association_id)`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return new PostgresRegistryPeople(pool, personalData, schema);
  }

  async recordOrganisation(tx: PoolClient, change: OrganisationNamed): Promise<void> {
    await tx.query(
      `INSERT INTO "${this.schema}".organisations AS known (id, names, position) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (id) DO UPDATE SET names = excluded.names, position = excluded.position
       WHERE known.position < excluded.position`,
      [change.id, JSON.stringify(change.names), change.position],
    );
  }

  /** The profile and the standing each follow their own events: each is guarded by its own position. */
  async recordAssociation(tx: PoolClient, change: AssociationChange): Promise<void> {
    const table = `"${this.schema}".associations`;
    if (change.kind === 'profile') {
      await tx.query(
        `INSERT INTO ${table} AS known (id, origin_regions, sectors, host_countries, profile_position)
         VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5)
         ON CONFLICT (id) DO UPDATE SET origin_regions = excluded.origin_regions, sectors = excluded.sectors,
           host_countries = excluded.host_countries, profile_position = excluded.profile_position
         WHERE known.profile_position < excluded.profile_position`,
        [
          change.id,
          JSON.stringify(change.originRegions),
          JSON.stringify(change.sectors),
          JSON.stringify(change.hostCountries),
          change.position,
        ],
      );
      return;
    }
    await tx.query(
      `INSERT INTO ${table} AS known (id, public, standing_position) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET public = excluded.public, standing_position = excluded.standing_position
       WHERE known.standing_position < excluded.standing_position`,
      [change.id, change.verified, change.position],
    );
  }

  async associationsMatching(audience: AssociationProfileFilter): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM "${this.schema}".associations
       WHERE public
         AND (cardinality($1::text[]) = 0 OR origin_regions ?| $1::text[])
         AND (cardinality($2::text[]) = 0 OR sectors ?| $2::text[])
         AND (cardinality($3::text[]) = 0 OR host_countries ?| $3::text[])
       ORDER BY id`,
      [audience.originRegions, audience.sectors, audience.hostCountries],
    );
    return rows.map((row) => row.id);
  }

  async recordContact(tx: PoolClient, change: ContactChange): Promise<void> {
    const table = `"${this.schema}".contact_persons`;
    const guard = 'WHERE subject_id = $1 AND position < $2';
    switch (change.kind) {
      case 'added':
        await tx.query(
          `INSERT INTO ${table} AS known
             (subject_id, association_id, role, status, consents, personal_data, position)
           VALUES ($1, $3, $4, 'active', '{}'::jsonb, $5::jsonb, $2)
           ON CONFLICT (subject_id) DO UPDATE SET association_id = excluded.association_id,
             role = excluded.role, status = 'active', personal_data = excluded.personal_data,
             position = excluded.position
           WHERE known.position < excluded.position AND known.status <> 'erased'`,
          [change.subjectId, change.position, change.associationId, change.role, JSON.stringify(change.card)],
        );
        return;
      case 'changed':
        await tx.query(
          `UPDATE ${table} SET role = COALESCE($3, role),
             personal_data = CASE WHEN status = 'erased' THEN NULL ELSE COALESCE($4::jsonb, personal_data) END,
             position = $2
           ${guard}`,
          [
            change.subjectId,
            change.position,
            change.role ?? null,
            change.card ? JSON.stringify(change.card) : null,
          ],
        );
        return;
      case 'consent':
        await tx.query(
          `UPDATE ${table} SET consents = consents || jsonb_build_object($3::text, $4::text), position = $2 ${guard}`,
          [change.subjectId, change.position, `${change.purpose}|${change.legalBasis}`, change.decision],
        );
        return;
      case 'removed':
        await tx.query(
          `UPDATE ${table} SET status = CASE WHEN status = 'erased' THEN status ELSE 'removed' END,
             position = $2 ${guard}`,
          [change.subjectId, change.position],
        );
        return;
      case 'erased':
        // The sealed copy is dropped too: without its key it is noise, and nothing else reads it.
        await tx.query(
          `INSERT INTO ${table} AS known
             (subject_id, association_id, role, status, consents, personal_data, position)
           VALUES ($1, $3, 'other', 'erased', '{}'::jsonb, NULL, $2)
           ON CONFLICT (subject_id) DO UPDATE SET status = 'erased', personal_data = NULL,
             position = GREATEST(known.position, excluded.position)`,
          [change.subjectId, change.position, change.associationId],
        );
        return;
    }
  }

  /** Applies an event of the Registry's public topic (names, profile, standing), in `tx`. */
  async applyRegistryEvent(tx: PoolClient, event: IntegrationEvent): Promise<void> {
    const named = organisationNamedBy(event);
    if (named) await this.recordOrganisation(tx, named);
    const association = associationChangeOf(event);
    if (association) await this.recordAssociation(tx, association);
  }

  /** Applies an event of the Registry's contacts topic, in `tx`. */
  async applyContactsEvent(tx: PoolClient, event: IntegrationEvent): Promise<void> {
    const change = contactChangeOf(event);
    if (change) await this.recordContact(tx, change);
  }

  async organisationNames(organisationId: string): Promise<LocalizedNames | undefined> {
    const { rows } = await this.pool.query<{ names: LocalizedNames }>(
      `SELECT names FROM "${this.schema}".organisations WHERE id = $1`,
      [organisationId],
    );
    return rows[0]?.names;
  }

  /** Whether the association is verified now; undefined when the public topic said nothing of it. */
  async associationStanding(associationId: string): Promise<{ verified: boolean } | undefined> {
    const { rows } = await this.pool.query<{ public: boolean }>(
      `SELECT public FROM "${this.schema}".associations WHERE id = $1`,
      [associationId],
    );
    return rows[0] ? { verified: rows[0].public } : undefined;
  }

  async peopleOf(associationId: string): Promise<RegistryPerson[]> {
    const { rows } = await this.pool.query<PersonRow>(
      `SELECT * FROM "${this.schema}".contact_persons WHERE association_id = $1 ORDER BY subject_id`,
      [associationId],
    );
    return rows.map(personOf);
  }

  async person(subjectId: string): Promise<RegistryPerson | undefined> {
    const row = await this.row(subjectId);
    return row ? personOf(row) : undefined;
  }

  /** The person's card in clear, 'erased' once their key or the card is gone, undefined if unknown. */
  async openCard(subjectId: string): Promise<Record<string, unknown> | 'erased' | undefined> {
    const row = await this.row(subjectId);
    if (!row) return undefined;
    if (row.status === 'erased' || row.personal_data === null) return 'erased';
    const card = await this.personalData.open<Record<string, unknown>>(row.personal_data);
    return isErased(card) ? 'erased' : card;
  }

  private async row(subjectId: string): Promise<PersonRow | undefined> {
    const { rows } = await this.pool.query<PersonRow>(
      `SELECT * FROM "${this.schema}".contact_persons WHERE subject_id = $1`,
      [subjectId],
    );
    return rows[0];
  }
}
