/* eslint-disable no-control-regex -- the characters XML 1.0 excludes: matching them is the point */
/**
 * Text for XML 1.0. Characters XML 1.0 cannot carry at all (C0 controls but tab, line feed and
 * carriage return; lone surrogates; U+FFFE, U+FFFF) are stripped: they come from pasted text and
 * carry no meaning, and refusing them would block a whole export over one invisible character.
 */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/;
const MAY_NEED_STRIPPING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Removes what XML 1.0 cannot carry. */
export const xmlChars = (value: string): string =>
  MAY_NEED_STRIPPING.test(value) ? value.replace(NOT_XML_CHAR, '') : value;

/** Character data of an element. */
export const escapeText = (value: string): string => {
  const text = xmlChars(value);
  return TEXT_SPECIAL.test(text) ? text.replace(/[&<>\r]/g, (c) => ENTITIES[c]) : text;
};

/** The value of a double-quoted attribute; whitespace kept as references so no parser folds it. */
export const escapeAttribute = (value: string): string => {
  const text = xmlChars(value);
  return ATTRIBUTE_SPECIAL.test(text) ? text.replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]) : text;
};

/** An xsd:decimal: finite, never in exponent notation. */
export const decimal = (value: number): string => {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  const text = String(value);
  if (!text.includes('e')) return text;
  if (Math.abs(value) >= 1e21) return BigInt(value).toString(); // integral at that size; toFixed gives an exponent
  return value.toFixed(20).replace(/\.?0+$/, '');
};
