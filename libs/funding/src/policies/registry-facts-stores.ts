import Database from 'better-sqlite3';
import {
  ActorRecord,
  ApplicantRecord,
  RegistryFactChange,
  RegistryFacts,
} from '../application/funding-ports';
import { AssociationStatus } from '../domain/grant-application/eligibility-screening';

const isNewer = (known: { position: number } | undefined, change: { position: number }): boolean =>
  known === undefined || known.position < change.position;

/**
 * Registry facts in SQLite, in the same database as the funding consumer's inbox: `record` writes
 * with the delivery's transaction (the database itself, inside the inbox's IMMEDIATE transaction),
 * so a fact and its inbox row commit together. Reads use the same connection, so they also see a
 * fact being applied: a submission after a suspension was written is refused at once.
 */
export class SqliteRegistryFacts implements RegistryFacts<Database.Database> {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS funding_applicants (
      association_id TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      host_countries TEXT NOT NULL,
      survivor_id TEXT,
      position INTEGER NOT NULL,
      changed_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS funding_network_members (
      network_id TEXT NOT NULL,
      association_id TEXT NOT NULL,
      member INTEGER NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (network_id, association_id)
    );
    CREATE INDEX IF NOT EXISTS funding_network_members_by_association
      ON funding_network_members (association_id);
    CREATE TABLE IF NOT EXISTS funding_actors (
      actor_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      position INTEGER NOT NULL
    );`);
    this.statements = {
      applicant: db.prepare<[string], ApplicantRow>(
        'SELECT * FROM funding_applicants WHERE association_id = ?',
      ),
      upsertApplicant: db.prepare(
        `INSERT INTO funding_applicants (association_id, status, host_countries, survivor_id, position, changed_at)
         VALUES (@associationId, @status, @hostCountries, @survivorId, @position, @changedAt)
         ON CONFLICT (association_id) DO UPDATE SET status = excluded.status,
           host_countries = excluded.host_countries, survivor_id = excluded.survivor_id,
           position = excluded.position, changed_at = excluded.changed_at`,
      ),
      membership: db.prepare<[string, string], { position: number }>(
        'SELECT position FROM funding_network_members WHERE network_id = ? AND association_id = ?',
      ),
      upsertMembership: db.prepare(
        `INSERT INTO funding_network_members (network_id, association_id, member, position)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (network_id, association_id) DO UPDATE SET member = excluded.member, position = excluded.position`,
      ),
      actor: db.prepare<[string], { actor_id: string; kind: string; position: number }>(
        'SELECT actor_id, kind, position FROM funding_actors WHERE actor_id = ?',
      ),
      upsertActor: db.prepare(
        `INSERT INTO funding_actors (actor_id, kind, position) VALUES (?, ?, ?)
         ON CONFLICT (actor_id) DO UPDATE SET kind = excluded.kind, position = excluded.position
         WHERE funding_actors.position < excluded.position`,
      ),
      networksOf: db.prepare<[string], { network_id: string }>(
        'SELECT network_id FROM funding_network_members WHERE association_id = ? AND member = 1 ORDER BY network_id',
      ),
    };
  }

  record(tx: Database.Database, change: RegistryFactChange): void {
    if (tx !== this.db)
      throw new Error('registry facts are recorded in the inbox transaction of their database');
    if (change.kind === 'actor') {
      this.statements.upsertActor.run(change.actorId, change.actorKind, change.position);
      return;
    }
    if (change.kind === 'network-member') {
      const known = this.statements.membership.get(change.networkId, change.associationId);
      if (isNewer(known, change))
        this.statements.upsertMembership.run(
          change.networkId,
          change.associationId,
          change.member ? 1 : 0,
          change.position,
        );
      return;
    }
    const known = this.applicant(change.associationId);
    if (!isNewer(known, change)) return;
    this.statements.upsertApplicant.run({
      associationId: change.associationId,
      status: change.status,
      hostCountries: JSON.stringify(change.hostCountries ?? known?.hostCountries ?? []),
      survivorId: change.survivorId ?? known?.survivorId ?? null,
      position: change.position,
      changedAt: change.at,
    });
  }

  applicant(associationId: string): ApplicantRecord | undefined {
    const row = this.statements.applicant.get(associationId);
    return (
      row && {
        associationId: row.association_id,
        status: row.status as AssociationStatus,
        hostCountries: JSON.parse(row.host_countries) as string[],
        survivorId: row.survivor_id,
        position: row.position,
        changedAt: row.changed_at,
      }
    );
  }

  networksOf(organisationId: string): string[] {
    return this.statements.networksOf.all(organisationId).map((row) => row.network_id);
  }

  actor(actorId: string): ActorRecord | undefined {
    const row = this.statements.actor.get(actorId);
    return row && { actorId: row.actor_id, kind: row.kind, position: row.position };
  }
}

interface ApplicantRow {
  association_id: string;
  status: string;
  host_countries: string;
  survivor_id: string | null;
  position: number;
  changed_at: string;
}

/** The same facts in memory: unit tests, and hosts that deliver no Registry events. */
export class InMemoryRegistryFacts implements RegistryFacts<unknown> {
  private readonly applicants = new Map<string, ApplicantRecord>();
  private readonly memberships = new Map<string, { member: boolean; position: number }>();
  private readonly actors = new Map<string, ActorRecord>();

  record(_tx: unknown, change: RegistryFactChange): void {
    if (change.kind === 'actor') {
      if (isNewer(this.actors.get(change.actorId), change))
        this.actors.set(change.actorId, {
          actorId: change.actorId,
          kind: change.actorKind,
          position: change.position,
        });
      return;
    }
    if (change.kind === 'network-member') {
      const key = JSON.stringify([change.networkId, change.associationId]);
      if (isNewer(this.memberships.get(key), change))
        this.memberships.set(key, { member: change.member, position: change.position });
      return;
    }
    const known = this.applicants.get(change.associationId);
    if (!isNewer(known, change)) return;
    this.applicants.set(change.associationId, {
      associationId: change.associationId,
      status: change.status,
      hostCountries: change.hostCountries ?? known?.hostCountries ?? [],
      survivorId: change.survivorId ?? known?.survivorId ?? null,
      position: change.position,
      changedAt: change.at,
    });
  }

  applicant(associationId: string): ApplicantRecord | undefined {
    const known = this.applicants.get(associationId);
    return known && { ...known, hostCountries: [...known.hostCountries] };
  }

  networksOf(organisationId: string): string[] {
    return [...this.memberships.entries()]
      .map(([key, { member }]) => [JSON.parse(key) as [string, string], member] as const)
      .filter(([[, associationId], member]) => member && associationId === organisationId)
      .map(([[networkId]]) => networkId)
      .sort();
  }

  actor(actorId: string): ActorRecord | undefined {
    const known = this.actors.get(actorId);
    return known && { ...known };
  }
}
