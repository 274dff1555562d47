import { describe, expect, it } from 'vitest';
import { revisionOf } from './queries';

describe('the revision of a record read', () => {
  it('is its strong ETag, sent back as If-Match', () => {
    expect(revisionOf(new Response('{}', { headers: { etag: '"12"' } }))).toBe(12);
  });

  it('is unknown without an ETag or with a weak one (a weak tag cannot guard an edit)', () => {
    expect(revisionOf(new Response('{}'))).toBeUndefined();
    expect(revisionOf(new Response('{}', { headers: { etag: 'W/"12"' } }))).toBeUndefined();
  });
});
