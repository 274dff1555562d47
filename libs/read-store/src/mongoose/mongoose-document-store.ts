import mongoose, { Connection, mongo } from 'mongoose';
import {
  BulkOptions,
  BulkResult,
  Document,
  DocumentCollection,
  DocumentStore,
  Filter,
  FindOptions,
  UpdateSpec,
  WriteOp,
} from '../document-store';
import { upsertInMemory } from '../in-memory-upserts';

type NativeCollection = ReturnType<NonNullable<Connection['db']>['collection']>;
type NativeOp = Parameters<NativeCollection['bulkWrite']>[0][number];

/** FerretDB 1.24 (SQLite backend) stops answering a bulk write of 100 or more ops: bulks are sent
 * in chunks of this size, which costs MongoDB itself little. */
export const MAX_OPS_PER_BULK_WRITE = 50;
const FETCH_CHUNK = 500;
type UpsertOp = Extract<WriteOp, { upsert: unknown }>;
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

  async findPage(filter: Filter, options: FindOptions): Promise<{ items: T[]; total: number }> {
    const [items, total] = await Promise.all([this.find(filter, options), this.count(filter)]);
    return { items, total };
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

  /**
   * Runs of upserts are applied read-modify-write: the documents they touch are fetched once, the
   * ops (and their guards) applied in memory exactly as the mingo adapter does, then each changed
   * document is written once: inserted when new, replaced when it existed. Far fewer writes than
   * one update per op (FerretDB's SQLite backend scans the collection on every update by _id), and
   * guards mean the same on both adapters. It assumes one writer per collection (its projection
   * runner), which is how read models are written.
   */
  async bulk(ops: WriteOp[], options: BulkOptions = {}): Promise<BulkResult> {
    const result = { applied: 0, skipped: 0 };
    for (let i = 0; i < ops.length;) {
      const op = ops[i];
      if ('upsert' in op) {
        let end = i;
        while (end < ops.length && 'upsert' in ops[end]) end++;
        const run = await this.upserts(ops.slice(i, end) as UpsertOp[], options.cache);
        result.applied += run.applied;
        result.skipped += run.skipped;
        i = end;
        continue;
      }
      if (options.cache) throw new Error('a bulk with a document cache may hold upserts only');
      if ('updateMany' in op) {
        result.applied += (
          await this.native.updateMany(op.updateMany.filter, native(op.updateMany.update))
        ).matchedCount;
      } else {
        result.applied += (await this.native.deleteMany(op.deleteMany.filter)).deletedCount;
      }
      i++;
    }
    return result;
  }

  private async upserts(ops: UpsertOp[], cache?: Map<string, Document>): Promise<BulkResult> {
    const ids = [...new Set(ops.map((op) => op.upsert.id))];
    const docs = cache ?? new Map<string, Document>();
    for (let i = 0; i < (cache ? 0 : ids.length); i += FETCH_CHUNK) {
      const found = await this.native
        .find({ _id: { $in: ids.slice(i, i + FETCH_CHUNK) } } as Filter)
        .toArray();
      for (const doc of found as unknown as Document[]) docs.set(doc._id, doc);
    }
    const existed = new Set(ids.filter((id) => docs.has(id)));
    const changed = new Set<string>();
    const result = { applied: 0, skipped: 0 };
    for (const { upsert } of ops) {
      if (upsertInMemory(docs, upsert.id, upsert.update, upsert.guard) === 'skipped') {
        result.skipped++;
      } else {
        result.applied++;
        changed.add(upsert.id);
      }
    }
    const writes: NativeOp[] = [...changed].map((id) => {
      const doc = docs.get(id) as Document;
      return existed.has(id)
        ? ({ replaceOne: { filter: { _id: id } as Filter, replacement: doc } } as NativeOp)
        : ({ insertOne: { document: doc } } as unknown as NativeOp);
    });
    for (let i = 0; i < writes.length; i += MAX_OPS_PER_BULK_WRITE) {
      await this.native.bulkWrite(writes.slice(i, i + MAX_OPS_PER_BULK_WRITE), { ordered: false });
    }
    return result;
  }

  async drop(): Promise<void> {
    await this.native.drop().catch((error: { codeName?: string; code?: number }) => {
      if (error.codeName !== 'NamespaceNotFound' && error.code !== 26) throw error;
    });
  }
}
