import { ExpectedRevision, STREAM_EXISTS } from '@tadamon/eventsourcing';

/**
 * ETags of stream-backed resources are strong: `"<revision>"`. If-Match compares strongly
 * (RFC 9110 §13.1.1), so a weak tag could never be sent back as an expected revision. One
 * revision has one state, so every representation of it is equivalent.
 */
export function entityTag(revision: number): string {
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new RangeError(`no ETag for revision ${revision}`);
  return `"${revision}"`;
}

export type IfMatch = { ok: true; expected: ExpectedRevision | undefined } | { ok: false };

/**
 * If-Match as the expected revision: absent -> undefined; `*` -> the stream must exist;
 * `"3"` -> revision 3. Weak tags, lists and anything else are malformed (a 400, not a 412).
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  if (header === undefined) return { ok: true, expected: undefined };
  if (Array.isArray(header)) return header.length === 1 ? parseIfMatch(header[0]) : { ok: false };
  const value = header.trim();
  if (value === '*') return { ok: true, expected: STREAM_EXISTS };
  const match = /^"(0|[1-9]\d{0,15})"$/.exec(value);
  if (!match) return { ok: false };
  const revision = Number(match[1]);
  return Number.isSafeInteger(revision) ? { ok: true, expected: revision } : { ok: false };
}

/**
 * If-None-Match (RFC 9110 §13.1.2, weak comparison): whether the client already holds `etag`, so a
 * read answers 304. `*` matches any current representation.
 */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
