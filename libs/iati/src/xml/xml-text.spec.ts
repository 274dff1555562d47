import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { decimal, escapeAttribute, escapeText, xmlChars } from './xml-text';

const roundTrip = (value: string) => {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(`<t a="${escapeAttribute(value)}">${escapeText(value)}</t>`, 'text/xml');
  const element = doc.documentElement;
  return { text: element?.textContent, attribute: element?.getAttribute('a') };
};

describe('XML text', () => {
  it.each([
    ['markup', '</narrative><script>alert("x")</script> & co'],
    ['quotes', `l'"équipe" d'Oujda`],
    ['Arabic', 'جمعية التضامن للتنمية بفجيج'],
    ['emoji', 'Eau potable 💧 pour les douars 🏡'],
    ['entities that look escaped', '&amp; &lt; &#0; ]]>'],
    ['line ends and tabs', 'a\r\nb\tc\rd'],
  ])('carries %s through an element and an attribute unchanged', (_, value) => {
    expect(roundTrip(value)).toEqual({ text: value, attribute: value });
  });

  it('strips the characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF)', () => {
    const value = 'a\u0000b\u0007c\u001Fd\uD800e\uDC00f\uFFFEg\uFFFF';
    expect(xmlChars(value)).toBe('abcdefg');
    expect(roundTrip(value)).toEqual({ text: 'abcdefg', attribute: 'abcdefg' });
  });

  it('keeps surrogate pairs whole', () => {
    expect(xmlChars('🇲🇦')).toBe('🇲🇦');
  });

  it('round-trips any string, less what XML cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const kept = xmlChars(value);
        expect(roundTrip(value)).toEqual({ text: kept, attribute: kept });
      }),
      { numRuns: 500 },
    );
  });

  it('writes decimals without exponents and refuses what is not a number', () => {
    expect(decimal(250000)).toBe('250000');
    expect(decimal(1e21)).toBe('1000000000000000000000');
    expect(decimal(1e-7)).toBe('0.0000001');
    expect(() => decimal(Number.NaN)).toThrow(RangeError);
    expect(() => decimal(Infinity)).toThrow(RangeError);
  });
});
