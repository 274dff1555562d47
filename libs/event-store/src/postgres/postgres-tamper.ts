import { Pool } from 'pg';
import { SealedEvent } from '../append-preparation';

/** Far above any real revision: rows are parked here while revisions are rewritten. */
const PARKED = 1_000_000_000_000;

/**
 * Alters the store's rows behind its back, for tests that prove the hash chain detects tampering
 * (the contract suite's ChainTamper). Never used by the store itself.
 */
export function postgresTamper(pool: Pool, schema: string) {
  const s = `"${schema}"`;
  const inTransaction = async (statements: [string, unknown[]][]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const [text, values] of statements) await client.query(text, values);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    async flipByte(eventId: string): Promise<void> {
      const { rows } = await pool.query<{ data: string }>(
        `SELECT data FROM ${s}.events WHERE event_id = $1`,
        [eventId],
      );
      if (rows.length === 0) throw new Error(`no stored event ${eventId}`);
      const data = rows[0].data;
      // An ASCII letter inside a JSON string: flipping its case (bit 0x20) keeps the text valid JSON.
      const match = /"[^"\\]*?[A-Za-z]/.exec(data);
      if (!match) throw new Error(`event ${eventId} has no ASCII letter in a string to flip`);
      const at = match.index + match[0].length - 1;
      const flipped =
        data.slice(0, at) + String.fromCharCode(data.charCodeAt(at) ^ 0x20) + data.slice(at + 1);
      await pool.query(`UPDATE ${s}.events SET data = $2 WHERE event_id = $1`, [eventId, flipped]);
    },

    async deleteEvent(eventId: string): Promise<void> {
      const result = await pool.query(`DELETE FROM ${s}.events WHERE event_id = $1`, [eventId]);
      if (result.rowCount !== 1) throw new Error(`no stored event ${eventId}`);
    },

    async swapRevisions(streamId: string, a: number, b: number): Promise<void> {
      const move = `UPDATE ${s}.events SET revision = $3 WHERE stream_id = $1 AND revision = $2`;
      await inTransaction([
        [move, [streamId, a, PARKED]],
        [move, [streamId, b, a]],
        [move, [streamId, PARKED, b]],
      ]);
    },

    async insertForged(forged: SealedEvent): Promise<void> {
      await inTransaction([
        [
          `UPDATE ${s}.events SET revision = revision + $3 WHERE stream_id = $1 AND revision >= $2`,
          [forged.streamId, forged.revision, PARKED],
        ],
        [
          `UPDATE ${s}.events SET revision = revision - $2 + 1 WHERE stream_id = $1 AND revision >= $2`,
          [forged.streamId, PARKED],
        ],
        [`UPDATE ${s}.streams SET revision = revision + 1 WHERE stream_id = $1`, [forged.streamId]],
        [
          `WITH next AS (
             UPDATE ${s}.log_position SET last_position = last_position + 1 RETURNING last_position
           )
           INSERT INTO ${s}.events (global_position, event_id, stream_id, category, revision, type,
             schema_version, data, metadata, recorded_at, prev_hash, hash)
           SELECT last_position, $1, $2, split_part($2, '-', 1), $3, $4, $5, $6, $7, $8, $9, $10 FROM next`,
          [
            forged.id,
            forged.streamId,
            forged.revision,
            forged.type,
            forged.schemaVersion,
            forged.dataJson,
            forged.metadataJson,
            forged.recordedAt,
            forged.prevHash,
            forged.hash,
          ],
        ],
      ]);
    },
  };
}
