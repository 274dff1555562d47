import Database from 'better-sqlite3';
import { actsOnlyForItsPerson, isRole, Role } from '@tadamon/nest-kit';

export interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string | null;
  /** The Registry contact person (subject id) the account belongs to: a trainee's, with their organisation. */
  personId: string | null;
  passwordHash: string;
}

/** What add() takes: an account that belongs to no person may leave personId out. */
export type NewUser = Omit<StoredUser, 'personId'> & { personId?: string | null };

interface Row {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  organisation_id: string | null;
  person_id: string | null;
  password_hash: string;
}

const rolesOf = (json: string): Role[] => {
  const roles: unknown = JSON.parse(json);
  return Array.isArray(roles) ? roles.filter(isRole) : [];
};

const toUser = (row: Row | undefined): StoredUser | undefined => {
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: rolesOf(row.roles),
    organisationId: row.organisation_id,
    personId: row.person_id,
    passwordHash: row.password_hash,
  };
};

/** The embedded profile's users: one SQLite file (`users.db`) in the data folder. */
export class SqliteUserStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL,
      organisation_id TEXT,
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      person_id TEXT
    )`);
    addPersonColumn(this.db);
    this.statements = {
      count: this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
      byUsername: this.db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?'),
      byId: this.db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?'),
      byOrganisation: this.db.prepare<[string], { id: string; roles: string }>(
        'SELECT id, roles FROM users WHERE organisation_id = ? ORDER BY id',
      ),
      insert: this.db.prepare(
        `INSERT INTO users
           (id, username, display_name, roles, organisation_id, person_id, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }

  findByUsername(username: string): StoredUser | undefined {
    return toUser(this.statements.byUsername.get(username));
  }

  findById(id: string): StoredUser | undefined {
    return toUser(this.statements.byId.get(id));
  }

  /** The ids of the accounts acting for an organisation. */
  idsOf(organisationId: string): string[] {
    // A trainee's account acts only for its person, not for the organisation: it is not told the
    // organisation's news (a funding decision, a partner's request).
    return this.statements.byOrganisation
      .all(organisationId)
      .filter((row) => !actsOnlyForItsPerson(rolesOf(row.roles)))
      .map((row) => row.id);
  }

  /** Adds one user (an administrator's act; the demo users are seeded with seedIfEmpty). */
  add(user: NewUser, now = new Date()): void {
    this.insert(user, now);
  }

  /** Inserts the users only while the table is empty (one transaction); true if it did. */
  seedIfEmpty(users: readonly NewUser[], now = new Date()): boolean {
    return this.db.transaction(() => {
      if (this.count() > 0) return false;
      for (const user of users) this.insert(user, now);
      return true;
    })();
  }

  private insert(user: NewUser, now: Date): void {
    const problem = accountProblem(user);
    if (problem) throw new RangeError(`user ${user.id}: ${problem}`);
    this.statements.insert.run(
      user.id,
      user.username,
      user.displayName,
      JSON.stringify(user.roles),
      user.organisationId,
      user.personId ?? null,
      user.passwordHash,
      now.toISOString(),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Why an account cannot be stored, if it cannot: a person belongs to an organisation's contacts, so
 * a person id comes with the organisation; a trainee acts only for themselves, so needs one.
 */
export function accountProblem(
  user: Pick<StoredUser, 'roles' | 'organisationId'> & { personId?: string | null },
): string | undefined {
  if (user.personId && !user.organisationId)
    return 'a person id needs the organisation the person is a contact of';
  if (user.roles.includes('trainee') && !user.personId)
    return 'a trainee account needs the person it belongs to';
  return undefined;
}

/** A users.db from before person ids has no person_id column: it is added, empty, at open. */
function addPersonColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all();
  if (!columns.some((column) => column.name === 'person_id'))
    db.exec('ALTER TABLE users ADD COLUMN person_id TEXT');
}
