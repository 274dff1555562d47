import { Document, PositionGuard, UpdateSpec } from './document-store';

type AnyObject = Record<string, unknown>;

/** Deep copy of document values in this realm (structuredClone would build objects of another
 * realm under jest's VM, and is slower for plain JSON-like data). */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value !== null && typeof value === 'object') {
    const copy: AnyObject = {};
    for (const key in value) copy[key] = cloneDocument((value as AnyObject)[key]);
    return copy as T;
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key, i) => key === keysB[i] && deepEqual((a as AnyObject)[key], (b as AnyObject)[key]))
  );
}

/** The object holding the last segment of a dotted path, created on the way when `create`. */
function parentOf(doc: AnyObject, path: string, create: boolean): [AnyObject | undefined, string] {
  const parts = path.split('.');
  let node: AnyObject = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = node[parts[i]];
    if (next === undefined || next === null) {
      if (!create) return [undefined, parts[parts.length - 1]];
      next = node[parts[i]] = {};
    }
    if (typeof next !== 'object') throw new Error(`cannot update ${path}: ${parts[i]} is not an object`);
    node = next as AnyObject;
  }
  return [node, parts[parts.length - 1]];
}

function eachOf(value: unknown): unknown[] {
  const each = value !== null && typeof value === 'object' && '$each' in (value as AnyObject);
  return each ? ((value as { $each: unknown[] }).$each ?? []) : [value];
}

function arrayAt(parent: AnyObject, key: string, path: string): unknown[] {
  const current = parent[key];
  if (current === undefined) return (parent[key] = []) as unknown[];
  if (!Array.isArray(current)) throw new Error(`cannot push to ${path}: it is not an array`);
  return current;
}

/**
 * Applies the update operators of UpdateSpec to a document in place, as MongoDB does: $set,
 * $setOnInsert (when inserting), $inc, $push and $addToSet (with $each), $unset; dotted paths.
 */
export function modify(doc: Document, update: UpdateSpec, inserting: boolean): void {
  const target = doc as AnyObject;
  const sets = inserting && update.$setOnInsert ? [update.$setOnInsert, update.$set] : [update.$set];
  for (const set of sets) {
    for (const path in set) {
      const [parent, key] = parentOf(target, path, true);
      (parent as AnyObject)[key] = cloneDocument(set[path]);
    }
  }
  for (const path in update.$inc) {
    const [parent, key] = parentOf(target, path, true) as [AnyObject, string];
    const current = parent[key] ?? 0;
    if (typeof current !== 'number') throw new Error(`cannot $inc ${path}: it is not a number`);
    parent[key] = current + (update.$inc[path] as number);
  }
  for (const path in update.$push) {
    const [parent, key] = parentOf(target, path, true) as [AnyObject, string];
    arrayAt(parent, key, path).push(...eachOf(update.$push[path]).map(cloneDocument));
  }
  for (const path in update.$addToSet) {
    const [parent, key] = parentOf(target, path, true) as [AnyObject, string];
    const array = arrayAt(parent, key, path);
    for (const item of eachOf(update.$addToSet[path])) {
      if (!array.some((existing) => deepEqual(existing, item))) array.push(cloneDocument(item));
    }
  }
  for (const path in update.$unset) {
    const [parent, key] = parentOf(target, path, false);
    if (parent) delete parent[key];
  }
}

/** True when the document may take the write: its guard field is absent or below the guard. */
export function passesGuard(doc: Document, guard: PositionGuard | undefined): boolean {
  if (!guard) return true;
  const value = doc[guard.field];
  return value === undefined || value === null || (typeof value === 'number' && value < guard.below);
}

/**
 * A guarded upsert on a set of documents held in memory. Both adapters use it for bulk upserts, so
 * a guard means the same everywhere.
 */
export function upsertInMemory(
  docs: Map<string, Document>,
  id: string,
  update: UpdateSpec,
  guard?: PositionGuard,
): 'created' | 'updated' | 'skipped' {
  const existing = docs.get(id);
  if (existing) {
    if (!passesGuard(existing, guard)) return 'skipped';
    modify(existing, update, false);
    return 'updated';
  }
  const created: Document = { _id: id };
  modify(created, update, true);
  docs.set(id, created);
  return 'created';
}
