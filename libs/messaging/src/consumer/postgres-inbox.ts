import { Pool, PoolClient } from 'pg';
import { createMessagingSchema } from '../postgres-schema';
import { Inbox } from './inbox';

/**
 * Inbox in PostgreSQL; the handler gets the transaction's client. The inbox row is inserted first:
 * a concurrent delivery of the same event (after a rebalance) waits on its key, then sees it taken.
 */
export class PostgresInbox implements Inbox<PoolClient> {
  private constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {}

  static async create(pool: Pool, schema = 'tadamon_messaging'): Promise<PostgresInbox> {
    await createMessagingSchema(pool, schema);
    return new PostgresInbox(pool, schema);
  }

  async processOnce(
    consumer: string,
    eventId: string,
    effect: (tx: PoolClient) => Promise<void>,
  ): Promise<'processed' | 'duplicate'> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const inserted = await client.query(
        `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [consumer, eventId],
      );
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK');
        return 'duplicate';
      }
      await effect(client);
      await client.query('COMMIT');
      return 'processed';
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
