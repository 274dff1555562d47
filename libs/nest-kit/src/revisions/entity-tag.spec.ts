import { STREAM_EXISTS } from '@tadamon/eventsourcing';
import { entityTag, ifNoneMatchHolds, parseIfMatch } from './entity-tag';

describe('If-Match as the expected revision', () => {
  it('is undefined when the header is absent', () => {
    expect(parseIfMatch(undefined)).toEqual({ ok: true, expected: undefined });
  });

  it('reads a strong tag as the revision it holds', () => {
    expect(parseIfMatch('"0"')).toEqual({ ok: true, expected: 0 });
    expect(parseIfMatch(' "42" ')).toEqual({ ok: true, expected: 42 });
  });

  it('reads * as "the stream must exist"', () => {
    expect(parseIfMatch('*')).toEqual({ ok: true, expected: STREAM_EXISTS });
  });

  it.each(['W/"3"', '3', '"-1"', '"03"', '"1", "2"', '"abc"', '""', '"99999999999999999"', ''])(
    'rejects %j as malformed',
    (header) => {
      expect(parseIfMatch(header)).toEqual({ ok: false });
    },
  );

  it('round-trips every revision through its ETag', () => {
    for (const revision of [0, 1, 7, 123456, Number.MAX_SAFE_INTEGER]) {
      expect(parseIfMatch(entityTag(revision))).toEqual({ ok: true, expected: revision });
    }
  });

  it('refuses to tag a negative revision', () => {
    expect(() => entityTag(-1)).toThrow(RangeError);
  });
});

describe('ifNoneMatchHolds', () => {
  it('holds for the tag, its weak form, any of a list, and *; not for another or none', () => {
    expect(ifNoneMatchHolds('"3"', '"3"')).toBe(true);
    expect(ifNoneMatchHolds('W/"3"', '"3"')).toBe(true);
    expect(ifNoneMatchHolds('"1", "3"', '"3"')).toBe(true);
    expect(ifNoneMatchHolds('*', '"3"')).toBe(true);
    expect(ifNoneMatchHolds('"2"', '"3"')).toBe(false);
    expect(ifNoneMatchHolds(undefined, '"3"')).toBe(false);
  });
});
