import fc from 'fast-check';
import { isWellFormedText } from './text-characters';
import { decodeUtf8, decodeUtf8Marking, INVALID_UTF8_MARK, percentDecodedBytes } from './utf8';

const replacing = new TextDecoder('utf-8');
/** Bytes near UTF-8's edges: ASCII, continuation bytes, lead bytes, and the never-valid ones. */
const edgyByte = fc.constantFrom(
  0x00,
  0x22,
  0x41,
  0x7f,
  0x80,
  0x8f,
  0x90,
  0x9f,
  0xa0,
  0xbf,
  0xc0,
  0xc1,
  0xc2,
  0xdf,
  0xe0,
  0xed,
  0xef,
  0xf0,
  0xf4,
  0xf5,
  0xfe,
  0xff,
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.array(edgyByte, { maxLength: 24 }).map((b) => Uint8Array.from(b)),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
);

describe('UTF-8 decoding', () => {
  it('reads text as the standard decoder does, with each invalid sequence marked instead of U+FFFD', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const marked = decodeUtf8Marking(input);
        const lone = new RegExp(`(?<![\uD800-\uDBFF])${INVALID_UTF8_MARK}`, 'g');
        expect(marked.replace(lone, '\uFFFD')).toBe(replacing.decode(input));
      }),
      { numRuns: 5000 },
    );
  });

  // The mark is a lone surrogate: it may end a valid pair (U+10FFFF is DBFF DFFF) but never pairs.
  it('gives malformed text exactly when the bytes are not UTF-8, and refuses them strictly then', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const strict = decodeUtf8(input);
        const marked = decodeUtf8Marking(input);
        expect(isWellFormedText(marked)).toBe(strict !== undefined);
        if (strict !== undefined) expect(marked).toBe(strict);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a lone surrogate spelled in UTF-8 (CESU), overlong forms and bytes past U+10FFFF', () => {
    for (const input of [
      [0xed, 0xa0, 0x80],
      [0xed, 0xbf, 0xbf],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xff],
      [0xf0, 0x9f, 0x98],
    ])
      expect(decodeUtf8(Uint8Array.from(input))).toBeUndefined();
    expect(decodeUtf8(Uint8Array.from([0xf0, 0x9f, 0x98, 0x80]))).toBe('😀');
  });

  it('reads a query component as the bytes it spells', () => {
    expect([...percentDecodedBytes('a+b%20%ff%zz%')]).toEqual([
      0x61, 0x20, 0x62, 0x20, 0xff, 0x25, 0x7a, 0x7a, 0x25,
    ]);
    expect(decodeUtf8(percentDecodedBytes('%ED%A0%80'))).toBeUndefined();
    expect(decodeUtf8(percentDecodedBytes('%C3%A9t%C3%A9'))).toBe('été');
    expect(decodeUtf8(percentDecodedBytes('تيزنيت'))).toBe('تيزنيت');
  });
});
