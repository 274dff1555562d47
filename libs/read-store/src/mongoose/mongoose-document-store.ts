import mongoose, { Connection, mongo } from 'mongoose';
import {
  BulkResult,
  Document,
  DocumentCollection,
  DocumentStore,
  Filter,
  FindOptions,
  UpdateSpec,
  WriteOp,
} from '../document-store';

type NativeCollection = ReturnType<NonNullable<Connection['db']>['collection']>;
type NativeOp = Parameters<NativeCollection['bulkWrite']>[0][number];

const DUPLICATE_KEY = 11000;
/** FerretDB 1.24 (SQLite backend) stops answering a bulk write of 100 or more ops: bulks are sent
 * in chunks of this size, which costs MongoDB itself little. */
export const MAX_OPS_PER_BULK_WRITE = 50;
const native = (update: UpdateSpec) => update as mongo.UpdateFilter<mongo.Document>;

/** Read models in MongoDB (FerretDB on machines without Docker), through mongoose's connection. */
export class MongooseDocumentStore implements DocumentStore {
  private constructor(private readonly connection: Connection) {}

  static async connect(url: string, dbName: string): Promise<MongooseDocumentStore> {
    const connection = mongoose.createConnection(url, {
      dbName,
      serverSelectionTimeoutMS: 10000,
      autoIndex: false,
    });
    await connection.asPromise();
    return new MongooseDocumentStore(connection);
  }

  private db() {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection is not open');
    return db;
  }

  collection<T extends Document = Document>(name: string): DocumentCollection<T> {
    return new MongooseCollection<T>(this.db().collection(name));
  }

  async collections(): Promise<string[]> {
    const names = (await this.db().listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    const counts = await Promise.all(
      names.map((name) => this.db().collection(name).estimatedDocumentCount()),
    );
    return names.filter((_, i) => counts[i] > 0);
  }

  async dropDatabase(): Promise<void> {
    await this.db().dropDatabase();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

class MongooseCollection<T extends Document> implements DocumentCollection<T> {
  constructor(private readonly native: NativeCollection) {}

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const docs = await this.native
      .find(filter, {
        projection: options.projection,
        sort: options.sort,
        skip: options.skip,
        limit: options.limit,
      })
      .toArray();
    return docs as unknown as T[];
  }

  async count(filter: Filter = {}): Promise<number> {
    return this.native.countDocuments(filter);
  }

  async get(id: string): Promise<T | null> {
    return (await this.native.findOne({ _id: id } as Filter)) as unknown as T | null;
  }

  async upsert(id: string, update: UpdateSpec): Promise<void> {
    await this.native.updateOne({ _id: id } as Filter, native(update), { upsert: true });
  }

  async update(filter: Filter, update: UpdateSpec): Promise<number> {
    return (await this.native.updateMany(filter, native(update))).matchedCount;
  }

  async bulk(ops: WriteOp[]): Promise<BulkResult> {
    const result = { applied: 0, skipped: 0 };
    for (let start = 0; start < ops.length; start += MAX_OPS_PER_BULK_WRITE) {
      const chunk = await this.bulkChunk(ops.slice(start, start + MAX_OPS_PER_BULK_WRITE));
      result.applied += chunk.applied;
      result.skipped += chunk.skipped;
    }
    return result;
  }

  private async bulkChunk(ops: WriteOp[]): Promise<BulkResult> {
    const result = { applied: 0, skipped: 0 };
    let rest = ops.map(toNative);
    // Ordered, so ops on one document apply in sequence. A guarded upsert whose document is already
    // past the guard fails with a duplicate key (the upsert tries to insert the existing _id): that
    // op counts as skipped and the batch resumes after it.
    while (rest.length > 0) {
      try {
        const written = await this.native.bulkWrite(rest, { ordered: true });
        result.applied += written.upsertedCount + written.modifiedCount + written.deletedCount;
        return result;
      } catch (error) {
        const failed = duplicateKeyIndex(error);
        if (failed === undefined) throw error;
        const partial = (
          error as { result?: { upsertedCount?: number; modifiedCount?: number; deletedCount?: number } }
        ).result;
        result.applied +=
          (partial?.upsertedCount ?? 0) + (partial?.modifiedCount ?? 0) + (partial?.deletedCount ?? 0);
        result.skipped++;
        rest = rest.slice(failed + 1);
      }
    }
    return result;
  }

  async drop(): Promise<void> {
    await this.native.drop().catch((error: { codeName?: string; code?: number }) => {
      if (error.codeName !== 'NamespaceNotFound' && error.code !== 26) throw error;
    });
  }
}

function toNative(op: WriteOp): NativeOp {
  if ('upsert' in op) {
    const { id, update, guard } = op.upsert;
    const filter = guard ? { _id: id, ...guard } : { _id: id };
    return { updateOne: { filter: filter as Filter, update: native(update), upsert: true } };
  }
  if ('updateMany' in op)
    return { updateMany: { filter: op.updateMany.filter, update: native(op.updateMany.update) } };
  return { deleteMany: { filter: op.deleteMany.filter } };
}

function duplicateKeyIndex(error: unknown): number | undefined {
  const writeErrors = (
    error as { writeErrors?: Array<{ code: number; index: number }> | { code: number; index: number } }
  ).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  const first = list[0];
  return first && first.code === DUPLICATE_KEY ? first.index : undefined;
}
