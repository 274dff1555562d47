/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object members sorted by the UTF-16
 * code units of their names, no whitespace, numbers as ECMAScript prints them, strings escaped as
 * JSON.stringify does. Throws NotJson for anything that is not plain I-JSON (undefined, functions,
 * symbols, bigint, NaN, Infinity, lone surrogates, array holes, cycles, class instances).
 */
export class NotJson extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'NotJson';
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '$', undefined);
}

/** A JSON number as RFC 8785 prints it (ECMAScript Number::toString, and -0 as 0). */
export function canonicalNumber(value: number, path = '$'): string {
  if (!Number.isFinite(value)) throw new NotJson(path, `${value} is not a JSON number`);
  return Object.is(value, -0) ? '0' : String(value);
}

// String.prototype.isWellFormed is in Node 20 but not in the ES2023 lib typings.
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/** JSON.stringify of a string, faster for the short, plain strings of envelopes (ids, names). */
export function jsonStringLiteral(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // What JSON.stringify escapes: controls, quote, backslash, and (if lone) surrogates.
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return `"${value}"`;
}

function writeString(value: string, path: string): string {
  // RFC 8785 builds on I-JSON, which forbids lone surrogates: they have no UTF-8 form to hash.
  if (!(value as unknown as WellFormedCheck).isWellFormed()) {
    throw new NotJson(path, 'string holds a lone UTF-16 surrogate');
  }
  return JSON.stringify(value);
}

// `seen` is created at the first object only: hashing calls this for many lone numbers.
function write(value: unknown, path: string, seen: Set<object> | undefined): string {
  switch (typeof value) {
    case 'string':
      return writeString(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return canonicalNumber(value, path);
    case 'object': {
      if (value === null) return 'null';
      seen ??= new Set();
      if (seen.has(value)) throw new NotJson(path, 'cyclic reference');
      seen.add(value);
      try {
        return Array.isArray(value) ? writeArray(value, path, seen) : writeObject(value, path, seen);
      } finally {
        seen.delete(value);
      }
    }
    default:
      throw new NotJson(path, `${typeof value} is not JSON`);
  }
}

function writeArray(value: unknown[], path: string, seen: Set<object>): string {
  const items: string[] = new Array(value.length);
  // An index loop, not map: map skips holes, which would print as nothing.
  for (let i = 0; i < value.length; i++) items[i] = write(value[i], `${path}[${i}]`, seen);
  return `[${items.join(',')}]`;
}

function writeObject(value: object, path: string, seen: Set<object>): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new NotJson(path, `${proto?.constructor?.name ?? 'object'} instance is not plain JSON`);
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
  const keys = Object.keys(record).sort();
  const members = keys.map((key) => {
    const memberPath = `${path}.${key}`;
    if (record[key] === undefined) throw new NotJson(memberPath, 'undefined is not JSON');
    return `${writeString(key, memberPath)}:${write(record[key], memberPath, seen)}`;
  });
  return `{${members.join(',')}}`;
}
