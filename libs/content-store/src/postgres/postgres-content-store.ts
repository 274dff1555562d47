import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Pool, PoolClient } from 'pg';
import {
  ContentBody,
  ContentCorrupted,
  ContentStore,
  PutOptions,
  StoredContent,
  assertContentKey,
} from '../content-store';
import { streamBody, verifyingStream } from '../content-streams';
import { assertSchemaName, migrateContentSchema } from './content-migrations';

export interface PostgresContentStoreOptions {
  /** Either a connection string (the store creates and owns its pool) or a pool it borrows. */
  connectionString?: string;
  pool?: Pool;
  /** The schema holding the store's tables. Default `tadamon_content`. */
  schema?: string;
  /** Bytes per row of `chunks`: what a put or a get holds in memory at once. Default 1 MiB. */
  chunkBytes?: number;
}

export const DEFAULT_CONTENT_SCHEMA = 'tadamon_content';
const DEFAULT_CHUNK_BYTES = 1024 * 1024;

interface ObjectRow {
  blob_id: string;
  size: string;
  chunk_count: number;
}

/**
 * Objects in PostgreSQL, in rows of at most `chunkBytes`: memory stays flat whatever the size.
 *
 * A put runs in one transaction on one connection: chunks are inserted as they arrive, then the
 * `objects` row; a failure rolls everything back. When the row already exists (the same bytes
 * stored before, or by a concurrent put that committed first) the transaction is rolled back too,
 * so the bytes are kept once.
 */
export class PostgresContentStore implements ContentStore {
  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    private readonly schema: string,
    private readonly chunkBytes: number,
  ) {}

  static async connect(options: PostgresContentStoreOptions): Promise<PostgresContentStore> {
    const schema = options.schema ?? DEFAULT_CONTENT_SCHEMA;
    assertSchemaName(schema);
    if (!options.pool && !options.connectionString) {
      throw new Error('PostgresContentStore needs a pool or a connection string');
    }
    const pool = options.pool ?? new Pool({ connectionString: options.connectionString });
    try {
      await migrateContentSchema(pool, schema);
    } catch (error) {
      if (!options.pool) await pool.end();
      throw error;
    }
    return new PostgresContentStore(
      pool,
      !options.pool,
      `"${schema}"`,
      options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    );
  }

  async put(body: ContentBody, options: PutOptions): Promise<StoredContent> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const { stored, inserted } = await this.writeObject(client, body, options.maxBytes);
        // Held already (stored before, or by a concurrent put that committed first): this upload's
        // chunks go with the rollback.
        await client.query(inserted ? 'COMMIT' : 'ROLLBACK');
        return stored;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  private async writeObject(
    client: PoolClient,
    body: ContentBody,
    maxBytes: number,
  ): Promise<{ stored: StoredContent; inserted: boolean }> {
    const blobId = randomUUID();
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const insertChunk = (data: Buffer) =>
      client.query(`INSERT INTO ${this.schema}.chunks (blob_id, seq, data) VALUES ($1, $2, $3)`, [
        blobId,
        seq++,
        data,
      ]);
    const stored = await streamBody(body, maxBytes, async (chunk) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < this.chunkBytes) return;
      const joined = Buffer.concat(pending);
      let offset = 0;
      for (; joined.length - offset >= this.chunkBytes; offset += this.chunkBytes) {
        await insertChunk(joined.subarray(offset, offset + this.chunkBytes));
      }
      pending = offset < joined.length ? [joined.subarray(offset)] : [];
      pendingBytes = joined.length - offset;
    });
    if (pendingBytes > 0) await insertChunk(Buffer.concat(pending));
    const inserted = await client.query(
      `INSERT INTO ${this.schema}.objects (sha256, blob_id, size, chunk_count) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sha256) DO NOTHING`,
      [stored.sha256, blobId, stored.size, seq],
    );
    return { stored, inserted: inserted.rowCount === 1 };
  }

  async get(sha256: string): Promise<Readable | undefined> {
    const object = await this.find(sha256);
    if (!object) return undefined;
    const { pool, schema } = this;
    const { blob_id: blobId, chunk_count: count } = object;
    // One chunk is fetched per read, when the consumer asks for more.
    async function* chunks(): AsyncIterable<Buffer> {
      for (let seq = 0; seq < count; seq++) {
        const { rows } = await pool.query<{ data: Buffer }>(
          `SELECT data FROM ${schema}.chunks WHERE blob_id = $1 AND seq = $2`,
          [blobId, seq],
        );
        if (rows.length === 0) throw new ContentCorrupted(sha256, `chunk ${seq} of ${count} is missing`);
        yield rows[0].data;
      }
    }
    return verifyingStream(Readable.from(chunks()), sha256, Number(object.size));
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.find(sha256)) !== undefined;
  }

  async size(sha256: string): Promise<number | undefined> {
    const object = await this.find(sha256);
    return object ? Number(object.size) : undefined;
  }

  private closing?: Promise<void>;

  /** Ends the pool the store created (once, however often it is called); a borrowed pool stays open. */
  async close(): Promise<void> {
    if (this.ownsPool) this.closing ??= this.pool.end();
    await this.closing;
  }

  private async find(sha256: string): Promise<ObjectRow | undefined> {
    assertContentKey(sha256);
    const { rows } = await this.pool.query<ObjectRow>(
      `SELECT blob_id, size, chunk_count FROM ${this.schema}.objects WHERE sha256 = $1`,
      [sha256],
    );
    return rows[0];
  }
}
