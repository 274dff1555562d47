import { Pool, PoolClient } from 'pg';

/** Runs `work` as a consumer's delivery does: in a transaction committed when it returns, rolled back when it throws. */
export const inPostgresTransaction =
  (pool: Pool) =>
  async (work: (tx: PoolClient) => Promise<void>): Promise<void> => {
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await work(tx);
      await tx.query('COMMIT');
    } catch (error) {
      await tx.query('ROLLBACK');
      throw error;
    } finally {
      tx.release();
    }
  };
