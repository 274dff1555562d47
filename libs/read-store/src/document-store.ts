/**
 * The read-model port, in the MongoDB query language. Adapters: mongoose (MongoDB, FerretDB) and
 * mingo (in memory). Kept to what FerretDB 1.24 supports: no transactions, $lookup, $facet, text
 * or TTL indexes; keys never contain `.` or start with `$`.
 */
export interface Document {
  _id: string;
  [field: string]: unknown;
}

export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type FieldProjection = Record<string, 0 | 1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: FieldProjection;
}

export interface UpdateSpec {
  $set?: Record<string, unknown>;
  $setOnInsert?: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
  $unset?: Record<string, '' | 1 | true>;
}

/**
 * Apply only when the existing document's `field` is absent or lower than `below`. Read models
 * carry the log position they reflect in such a field, so a replayed event changes nothing.
 */
export interface PositionGuard {
  field: string;
  below: number;
}

export type WriteOp =
  /** Update the document with this id, creating it when absent; skipped when the guard says no. */
  | { upsert: { id: string; update: UpdateSpec; guard?: PositionGuard } }
  | { updateMany: { filter: Filter; update: UpdateSpec } }
  | { deleteMany: { filter: Filter } };

export interface BulkResult {
  /** Documents created or changed. */
  applied: number;
  /** Guarded upserts skipped because the document was already at or past the guard. */
  skipped: number;
}

export interface BulkOptions {
  /**
   * Every document of the collection, as its only writer holds it (a projection runner during a
   * rebuild, which starts from an empty collection): an adapter may read from it instead of the
   * database, and keeps it current. Only for bulks of upserts.
   */
  cache?: Map<string, Document>;
}

export interface DocumentCollection<T extends Document = Document> {
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  /** One page of the matches (`find` with these options) and how many match in all (`count`). */
  findPage(filter: Filter, options: FindOptions): Promise<{ items: T[]; total: number }>;
  get(id: string): Promise<T | null>;
  upsert(id: string, update: UpdateSpec): Promise<void>;
  /** Applies the update to every matching document; returns how many matched. */
  update(filter: Filter, update: UpdateSpec): Promise<number>;
  /** Applies the ops in order (no transaction: each op is atomic on its own document). */
  bulk(ops: WriteOp[], options?: BulkOptions): Promise<BulkResult>;
  drop(): Promise<void>;
}

export interface DocumentStore {
  collection<T extends Document = Document>(name: string): DocumentCollection<T>;
  /** Names of the collections that hold documents. */
  collections(): Promise<string[]>;
  close(): Promise<void>;
}
