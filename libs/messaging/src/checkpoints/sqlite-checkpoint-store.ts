import Database from 'better-sqlite3';
import { CheckpointStore } from './checkpoint-store';

/** Checkpoints in a SQLite database (the embedded profile's file, or its own). */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement<[string], { position: number }>;
  private readonly upsert: Database.Statement<[string, number, string]>;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS messaging_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    this.select = db.prepare('SELECT position FROM messaging_checkpoints WHERE name = ?');
    this.upsert = db.prepare(
      `INSERT INTO messaging_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  async load(name: string): Promise<number | undefined> {
    return this.select.get(name)?.position;
  }

  async save(name: string, position: number): Promise<void> {
    this.upsert.run(name, position, new Date().toISOString());
  }
}
