import { Pool } from 'pg';
import { createMessagingSchema } from '../postgres-schema';
import { CheckpointStore } from './checkpoint-store';

/** Checkpoints in PostgreSQL, in the messaging schema (default `tadamon_messaging`). */
export class PostgresCheckpointStore implements CheckpointStore {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async create(pool: Pool, schema = 'tadamon_messaging'): Promise<PostgresCheckpointStore> {
    await createMessagingSchema(pool, schema);
    return new PostgresCheckpointStore(pool, schema);
  }

  async load(name: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM "${this.schema}".checkpoints WHERE name = $1`,
      [name],
    );
    return rows.length === 0 ? undefined : Number(rows[0].position);
  }

  async save(name: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO "${this.schema}".checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      [name, position],
    );
  }
}
