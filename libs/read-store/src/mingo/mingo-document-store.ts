import { find, Query } from 'mingo';
import {
  BulkResult,
  Document,
  DocumentCollection,
  DocumentStore,
  Filter,
  FindOptions,
  PositionGuard,
  UpdateSpec,
  WriteOp,
} from '../document-store';
import { cloneDocument, modify, upsertInMemory } from '../in-memory-upserts';

/** In-memory read models (the embedded profile), queried with mingo. Documents are copied in and
 * out, so callers never share state with the store. */
export class MingoDocumentStore implements DocumentStore {
  private readonly data = new Map<string, Map<string, Document>>();

  collection<T extends Document = Document>(name: string): DocumentCollection<T> {
    return new MingoCollection<T>(
      () => {
        let docs = this.data.get(name);
        if (!docs) this.data.set(name, (docs = new Map()));
        return docs;
      },
      () => this.data.delete(name),
    );
  }

  async collections(): Promise<string[]> {
    return [...this.data.entries()].filter(([, docs]) => docs.size > 0).map(([name]) => name);
  }

  async close(): Promise<void> {
    this.data.clear();
  }
}

class MingoCollection<T extends Document> implements DocumentCollection<T> {
  constructor(
    private readonly docs: () => Map<string, Document>,
    private readonly dropAll: () => void,
  ) {}

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    let cursor = find(
      [...this.docs().values()],
      filter,
      options.projection as Record<string, unknown> | undefined,
    );
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.all().map((doc) => cloneDocument(doc) as T);
  }

  async count(filter: Filter = {}): Promise<number> {
    if (Object.keys(filter).length === 0) return this.docs().size;
    return find([...this.docs().values()], filter).all().length;
  }

  /** One scan for both: the filter runs once (a directory query over 10,000 documents ran it twice). */
  async findPage(filter: Filter, options: FindOptions): Promise<{ items: T[]; total: number }> {
    const matches = find([...this.docs().values()], filter).all();
    let cursor = find(matches, {}, options.projection as Record<string, unknown> | undefined);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return { items: cursor.all().map((doc) => cloneDocument(doc) as T), total: matches.length };
  }

  async get(id: string): Promise<T | null> {
    const doc = this.docs().get(id);
    return doc ? (cloneDocument(doc) as T) : null;
  }

  async upsert(id: string, update: UpdateSpec): Promise<void> {
    this.applyUpsert(id, update);
  }

  async update(filter: Filter, update: UpdateSpec): Promise<number> {
    const query = new Query(filter);
    let matched = 0;
    for (const doc of this.docs().values()) {
      if (!query.test(doc)) continue;
      modify(doc, update, false);
      matched++;
    }
    return matched;
  }

  async bulk(ops: WriteOp[]): Promise<BulkResult> {
    const result = { applied: 0, skipped: 0 };
    for (const op of ops) {
      if ('upsert' in op) {
        if (this.applyUpsert(op.upsert.id, op.upsert.update, op.upsert.guard)) result.applied++;
        else result.skipped++;
      } else if ('updateMany' in op) {
        result.applied += await this.update(op.updateMany.filter, op.updateMany.update);
      } else {
        const query = new Query(op.deleteMany.filter);
        for (const [id, doc] of this.docs()) {
          if (query.test(doc)) {
            this.docs().delete(id);
            result.applied++;
          }
        }
      }
    }
    return result;
  }

  async drop(): Promise<void> {
    this.dropAll();
  }

  private applyUpsert(id: string, update: UpdateSpec, guard?: PositionGuard): boolean {
    return upsertInMemory(this.docs(), id, update, guard) !== 'skipped';
  }
}
