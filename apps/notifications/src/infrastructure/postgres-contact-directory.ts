import { isErased, PersonalDataCipher, SealedPersonalData } from '@tadamon/personal-data';
import {
  ContactEntry,
  Language,
  LANGUAGES,
  NoticeAudience,
  OpenedContact,
  RecipientDirectory,
} from '@tadamon/notifications';
import { Pool, PoolClient } from 'pg';
import { AssociationChange, ContactChange, OrganisationNamed } from '../directory/contact-changes';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
type LocalizedText = { ar?: string; fr?: string; en?: string };

interface ContactRow {
  subject_id: string;
  association_id: string;
  status: ContactEntry['status'];
  consents: Record<string, string>;
  personal_data: SealedPersonalData | null;
}

const entryOf = (row: ContactRow): ContactEntry => ({
  subjectId: row.subject_id,
  organisationId: row.association_id,
  status: row.status,
  // Any legal basis (law 09-08 or the GDPR) under which the person said yes and has not taken it back.
  consented: Object.entries(row.consents).some(
    ([key, decision]) => key.startsWith('programme-communications|') && decision === 'given',
  ),
});

/**
 * Notifications' directory of the Registry's people in the distributed profile (PostgreSQL, schema
 * `tadamon_notifications`, beside the consumers' inboxes): organisations' names from the Registry's
 * public topic and contact persons from its contacts topic, each written in the delivery's
 * transaction. A contact's card stays sealed here; `openContact` opens it with the person's key,
 * from the Registry's key store, only when a message goes out. A change at a position not after
 * the row's changes nothing (a redelivery, a replayed topic).
 */
export class PostgresContactDirectory implements RecipientDirectory {
  private constructor(
    private readonly pool: Pool,
    private readonly personalData: PersonalDataCipher,
    private readonly schema: string,
  ) {}

  static async create(
    pool: Pool,
    personalData: PersonalDataCipher,
    schema = 'tadamon_notifications',
  ): Promise<PostgresContactDirectory> {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Serialises concurrent starts: CREATE ... IF NOT EXISTS races on the catalog otherwise.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `tadamon-notifications-directory:${schema}`,
      ]);
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
    return new PostgresContactDirectory(pool, personalData, schema);
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
      [change.id, change.public, change.position],
    );
  }

  async associationsMatching(audience: NoticeAudience): Promise<string[]> {
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

  async organisationNames(organisationId: string): Promise<LocalizedText | undefined> {
    const { rows } = await this.pool.query<{ names: LocalizedText }>(
      `SELECT names FROM "${this.schema}".organisations WHERE id = $1`,
      [organisationId],
    );
    return rows[0]?.names;
  }

  async contactsOf(organisationId: string): Promise<ContactEntry[]> {
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT * FROM "${this.schema}".contact_persons WHERE association_id = $1 ORDER BY subject_id`,
      [organisationId],
    );
    return rows.map(entryOf);
  }

  async contact(subjectId: string): Promise<ContactEntry | undefined> {
    const row = await this.row(subjectId);
    return row ? entryOf(row) : undefined;
  }

  async openContact(subjectId: string): Promise<OpenedContact | 'erased' | undefined> {
    const row = await this.row(subjectId);
    if (!row) return undefined;
    if (row.status === 'erased' || row.personal_data === null) return 'erased';
    const card = await this.personalData.open<Record<string, unknown>>(row.personal_data);
    if (isErased(card)) return 'erased';
    const language = card['preferredLanguage'];
    return {
      fullName: String(card['fullName'] ?? ''),
      consented: entryOf(row).consented,
      email: typeof card['email'] === 'string' ? card['email'] : null,
      language:
        typeof language === 'string' && (LANGUAGES as readonly string[]).includes(language)
          ? (language as Language)
          : null,
    };
  }

  /** The distributed profile has no user store: in-app notices are the embedded platform's. */
  async usersOf(): Promise<{ id: string }[]> {
    return [];
  }

  private async row(subjectId: string): Promise<ContactRow | undefined> {
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT * FROM "${this.schema}".contact_persons WHERE subject_id = $1`,
      [subjectId],
    );
    return rows[0];
  }
}
