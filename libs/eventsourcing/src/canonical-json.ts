/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object members sorted by the UTF-16
 * code units of their names, no whitespace, numbers as ECMAScript prints them, strings escaped as
 * JSON.stringify does. Throws NotJson for anything that is not plain JSON (undefined, functions,
 * symbols, bigint, NaN, Infinity, cycles, class instances other than plain objects and arrays).
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
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(path, `${value} is not a JSON number`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object': {
      if (value === null) return 'null';
      if (seen.has(value)) throw new NotJson(path, 'cyclic reference');
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          return `[${value.map((item, i) => write(item, `${path}[${i}]`, seen)).join(',')}]`;
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          throw new NotJson(path, `${proto?.constructor?.name ?? 'object'} instance is not plain JSON`);
        }
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record).sort();
        const members = keys.map((key) => {
          if (record[key] === undefined) throw new NotJson(`${path}.${key}`, 'undefined is not JSON');
          return `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, seen)}`;
        });
        return `{${members.join(',')}}`;
      } finally {
        seen.delete(value);
      }
    }
    default:
      throw new NotJson(path, `${typeof value} is not JSON`);
  }
}
