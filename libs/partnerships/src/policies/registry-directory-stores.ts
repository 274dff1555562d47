import Database from 'better-sqlite3';
import {
  RegistryAssociationStatus,
  RegistryDirectory,
  RegistryDirectoryChange,
  RegistryNames,
  RegistryOrganisation,
} from './registry-directory';

/** The entry a change leads to, from the one known (undefined: the change is not newer). */
export function applyDirectoryChange(
  known: RegistryOrganisation | undefined,
  change: RegistryDirectoryChange,
): RegistryOrganisation | undefined {
  if (known !== undefined && known.position >= change.position) return undefined;
  if (change.kind === 'actor')
    return {
      kind: 'actor',
      id: change.id,
      names: change.names,
      actorKind: change.actorKind,
      position: change.position,
    };
  const before = known?.kind === 'association' ? known : undefined;
  return {
    kind: 'association',
    id: change.id,
    names: change.names ?? before?.names ?? {},
    status: change.status,
    mergedInto: change.mergedInto ?? before?.mergedInto ?? null,
    position: change.position,
  };
}

interface Row {
  id: string;
  kind: 'association' | 'actor';
  names: string;
  status: string | null;
  merged_into: string | null;
  actor_kind: string | null;
  position: number;
}

const fromRow = (row: Row): RegistryOrganisation =>
  row.kind === 'actor'
    ? {
        kind: 'actor',
        id: row.id,
        names: JSON.parse(row.names) as RegistryNames,
        actorKind: row.actor_kind ?? '',
        position: Number(row.position),
      }
    : {
        kind: 'association',
        id: row.id,
        names: JSON.parse(row.names) as RegistryNames,
        status: row.status as RegistryAssociationStatus,
        mergedInto: row.merged_into,
        position: Number(row.position),
      };

/**
 * The directory in SQLite, in the same database as the Registry consumer's inbox: `record` writes
 * with the delivery's transaction (the database itself, inside the inbox's IMMEDIATE transaction).
 */
export class SqliteRegistryDirectory implements RegistryDirectory<Database.Database> {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS partnerships_registry_organisations (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      names TEXT NOT NULL,
      status TEXT,
      merged_into TEXT,
      actor_kind TEXT,
      position INTEGER NOT NULL
    )`);
    this.statements = {
      one: db.prepare<[string], Row>('SELECT * FROM partnerships_registry_organisations WHERE id = ?'),
      upsert: db.prepare(
        `INSERT INTO partnerships_registry_organisations (id, kind, names, status, merged_into, actor_kind, position)
         VALUES (@id, @kind, @names, @status, @mergedInto, @actorKind, @position)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, names = excluded.names,
           status = excluded.status, merged_into = excluded.merged_into,
           actor_kind = excluded.actor_kind, position = excluded.position`,
      ),
    };
  }

  record(tx: Database.Database, change: RegistryDirectoryChange): void {
    if (tx !== this.db)
      throw new Error('the registry directory is recorded in the inbox transaction of its database');
    const known = this.statements.one.get(change.id);
    const next = applyDirectoryChange(known && fromRow(known), change);
    if (!next) return;
    this.statements.upsert.run({
      id: next.id,
      kind: next.kind,
      names: JSON.stringify(next.names),
      status: next.kind === 'association' ? next.status : null,
      mergedInto: next.kind === 'association' ? next.mergedInto : null,
      actorKind: next.kind === 'actor' ? next.actorKind : null,
      position: next.position,
    });
  }

  organisations(ids: readonly string[]): RegistryOrganisation[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare<string[], Row>(
        `SELECT * FROM partnerships_registry_organisations WHERE id IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(...ids);
    return rows.map(fromRow);
  }
}

/** The same directory in memory: unit tests, and hosts that deliver no Registry events. */
export class InMemoryRegistryDirectory implements RegistryDirectory<unknown> {
  private readonly entries = new Map<string, RegistryOrganisation>();

  record(_tx: unknown, change: RegistryDirectoryChange): void {
    const next = applyDirectoryChange(this.entries.get(change.id), change);
    if (next) this.entries.set(next.id, next);
  }

  organisations(ids: readonly string[]): RegistryOrganisation[] {
    return ids.flatMap((id) => {
      const known = this.entries.get(id);
      return known ? [structuredClone(known)] : [];
    });
  }
}
