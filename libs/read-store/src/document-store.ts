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

export type WriteOp =
  /**
   * Update the document with this id, creating it when absent. With `guard`, an existing document
   * is changed only when it matches the guard (e.g. `{ _position: { $lt: 42 } }`); otherwise the
   * op is skipped, which makes replays harmless.
   */
  | { upsert: { id: string; update: UpdateSpec; guard?: Filter } }
  | { updateMany: { filter: Filter; update: UpdateSpec } }
  | { deleteMany: { filter: Filter } };

export interface BulkResult {
  /** Documents created or changed. */
  applied: number;
  /** Guarded upserts skipped because the document was already at or past the guard. */
  skipped: number;
}

export interface DocumentCollection<T extends Document = Document> {
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  get(id: string): Promise<T | null>;
  upsert(id: string, update: UpdateSpec): Promise<void>;
  /** Applies the update to every matching document; returns how many matched. */
  update(filter: Filter, update: UpdateSpec): Promise<number>;
  /** Applies the ops in order (no transaction: each op is atomic on its own document). */
  bulk(ops: WriteOp[]): Promise<BulkResult>;
  drop(): Promise<void>;
}

export interface DocumentStore {
  collection<T extends Document = Document>(name: string): DocumentCollection<T>;
  /** Names of the collections that hold documents. */
  collections(): Promise<string[]>;
  close(): Promise<void>;
}
