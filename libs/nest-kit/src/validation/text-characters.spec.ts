import fc from 'fast-check';
import { malformedMembers, plainTextPattern, textFault } from './text-characters';

const BIDI_CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const controls = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const C0_BUT_LINES = [...controls(0x00, 0x08), '\u000B', '\u000C', ...controls(0x0e, 0x1f)];
const C1 = [...controls(0x7f, 0x9f)];
const LONE_SURROGATES = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Names as people write them: Arabic with LRM/RLM/ALM marks, Tifinagh, Latin, digits, ZWJ/ZWNJ. */
const plainText = fc.string({
  unit: fc.oneof(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((s) => textFault(s, false) === undefined),
    fc.constantFrom('ب', 'ⵣ', 'é', ' ', '-', '\u200E', '\u200F', '\u061C', '\u200C', '\u200D', '😀'),
  ),
  maxLength: 30,
});
const inserted = (text: string, at: number, bad: string) =>
  text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1));

describe('text characters', () => {
  it('accepts names in Arabic, Tifinagh and Latin, with the direction marks Arabic text needs', () => {
    for (const name of [
      'جمعية التنمية \u200Fتيزنيت',
      'ⴰⵙⵙⵓⵎⵔ',
      'Association Migrations & Développement',
      'M&D \u200E(مهاجرون وتنمية)',
      '\u061C٣',
    ])
      expect(textFault(name, false)).toBeUndefined();
    fc.assert(fc.property(plainText, (text) => expect(textFault(text, false)).toBeUndefined()));
  });

  it('refuses a control, bidirectional control or lone surrogate anywhere in any text, naming it', () => {
    const bad = fc.oneof(
      fc.constantFrom(...C0_BUT_LINES, ...C1).map((c) => [c, 'a control character'] as const),
      fc.constantFrom(...BIDI_CONTROLS).map((c) => [c, 'a bidirectional control character'] as const),
      LONE_SURROGATES.map((c) => [c, 'a lone UTF-16 surrogate'] as const),
    );
    fc.assert(
      fc.property(plainText, fc.nat(), bad, fc.boolean(), (text, at, [character, kind], multiline) => {
        const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        const withBad = inserted(text, at, character);
        // A high surrogate put before a low one would pair; the check is of what was sent.
        fc.pre(!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(withBad.replace(text, '')));
        expect(textFault(withBad, multiline)).toBe(`${kind} (U+${code})`);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps tab and line breaks for multi-line text only', () => {
    for (const character of ['\t', '\n', '\r', '\u2028', '\u2029']) {
      expect(textFault(`ligne 1${character}ligne 2`, false)).toMatch(/line break or tab/);
    }
    expect(textFault('ligne 1\r\nligne 2\tfin', true)).toBeUndefined();
    expect(textFault('ligne 1\u0000', true)).toBe('a control character (U+0000)');
  });

  it('documents the same rule for well-formed text as a JSON Schema pattern for the OpenAPI document', () => {
    const anyText = fc.string({
      unit: fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        fc.integer({ min: 0, max: 0x3000 }).map((code) => String.fromCharCode(code)),
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, multiline) => {
        const pattern = new RegExp(plainTextPattern(multiline));
        expect(pattern.test(text)).toBe(textFault(text, multiline) === undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('names every member of a parsed body whose name or text holds a lone surrogate', () => {
    const body = {
      names: { fr: 'ok', ar: 'ب\uD800' },
      list: ['fine', '\uDC00x', 'also fine'],
      'a/b~c': '\uDBFF',
      ['key\uD800']: 'value',
      emoji: '😀',
    };
    expect(
      malformedMembers(body, 'bad')
        .map((e) => e.pointer)
        .sort(),
    ).toEqual(['/a~1b~0c', '/key\uFFFD', '/list/1', '/names/ar'].sort());
    expect(malformedMembers('\uD800', 'bad')).toEqual([{ pointer: '', detail: 'bad' }]);
    expect(malformedMembers({ deep: JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) }, 'bad')).toEqual(
      [],
    );
  });
});
