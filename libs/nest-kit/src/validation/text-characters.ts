import type { FieldError } from '../problems';

// String.prototype.isWellFormed and toWellFormed are in Node 20 but not in the ES2023 lib typings.
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
const wellFormed = (text: string): boolean => (text as unknown as WellFormedString).isWellFormed();

/** Whether `text` has a UTF-8 form: no lone UTF-16 surrogate (the only strings UTF-8 cannot carry). */
export const isWellFormedText = wellFormed;

/**
 * Characters no text of the API may hold. C0 and C1 controls (NUL and the like) are invisible,
 * cut strings short in C and in the files an export writes. The bidirectional embeddings and
 * overrides (U+202A-U+202E) and isolates (U+2066-U+2069) reorder what follows them on screen:
 * "gpj.exe" shows as "exe.jpg" (Trojan Source), and a name can pass for another. The marks
 * LRM, RLM and ALM (U+200E, U+200F, U+061C) stay allowed: they reorder nothing around them and
 * Arabic text mixed with Latin names or digits needs them; so do ZWJ and ZWNJ.
 */
const REFUSED_EVERYWHERE =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
/** A single-line text (a name, a title, a code) refuses line breaks and tabs too. */
const LINE_BREAKS = '\\u0009\\u000A\\u000D\\u2028\\u2029';

/** The same rule as a JSON Schema `pattern` (ECMA-262), for the OpenAPI document. */
export const plainTextPattern = (multiline: boolean): string =>
  `^[^${REFUSED_EVERYWHERE}${multiline ? '' : LINE_BREAKS}]*$`;

const REFUSED_IN_ALL_TEXT = new RegExp(`[${REFUSED_EVERYWHERE}]`);
const REFUSED_IN_ONE_LINE = new RegExp(`[${REFUSED_EVERYWHERE}${LINE_BREAKS}]`);

const codePoint = (character: string): string =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const describe = (character: string): string => {
  const code = character.codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return `a lone UTF-16 surrogate (${codePoint(character)})`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
    return `a bidirectional control character (${codePoint(character)})`;
  if (code === 0x2028 || code === 0x2029 || code === 0x09 || code === 0x0a || code === 0x0d)
    return `a line break or tab (${codePoint(character)}) in a single-line text`;
  return `a control character (${codePoint(character)})`;
};

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What `text` holds that no text may hold, described for a field error (`must not hold ...`), or
 * undefined when it is plain text. `multiline` texts (descriptions, reasons) keep tab, CR and LF.
 */
export function textFault(text: string, multiline: boolean): string | undefined {
  const refused = (multiline ? REFUSED_IN_ALL_TEXT : REFUSED_IN_ONE_LINE).exec(text);
  if (refused) return describe(refused[0]);
  if (!wellFormed(text)) return describe(loneSurrogate.exec(text)?.[0] ?? '\uD800');
  return undefined;
}

const pointerTo = (parent: string, key: string) =>
  `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Every member of a parsed JSON value whose name or text holds a lone surrogate, as JSON Pointers
 * (a name that is itself malformed shows U+FFFD for its surrogate); `detail` says what is wrong. Walked without recursion: depth is the
 * validation pipe's to refuse, not a reason to overflow the stack here.
 */
export function malformedMembers(value: unknown, detail: string): FieldError[] {
  const found: FieldError[] = [];
  const pending: { value: unknown; pointer: string }[] = [{ value, pointer: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (!wellFormed(next.value)) found.push({ pointer: next.pointer, detail });
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    const keys = Object.keys(next.value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const pointer = pointerTo(next.pointer, key);
      if (!wellFormed(key)) {
        // A name that cannot be written names itself as best it can: the member is refused whole.
        found.push({ pointer: (pointer as unknown as WellFormedString).toWellFormed(), detail });
        continue;
      }
      pending.push({ value: (next.value as Record<string, unknown>)[key], pointer });
    }
  }
  return found;
}
