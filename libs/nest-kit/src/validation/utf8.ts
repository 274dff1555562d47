const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes` if they are UTF-8 (a leading BOM dropped), else undefined. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * What stands for an invalid byte sequence in `decodeUtf8Marking`: a lone low surrogate, which no
 * UTF-8 decoding can give and which never pairs with what comes before it (the text before it is
 * well formed, or ends in another marker).
 */
export const INVALID_UTF8_MARK = '\uDFFF';

/**
 * Decodes like WHATWG's UTF-8 decoder (a leading BOM dropped), but each maximal invalid subpart
 * becomes INVALID_UTF8_MARK instead of U+FFFD: a U+FFFD the client sent stays apart from the bytes
 * that were not UTF-8, so the member that holds them can be found once the text is parsed.
 */
export function decodeUtf8Marking(bytes: Uint8Array): string {
  const units: string[] = [];
  let needed = 0;
  let seen = 0;
  let code = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (needed === 0) {
      if (byte <= 0x7f) units.push(String.fromCharCode(byte));
      else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        code = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        code = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        code = byte & 0x07;
      } else units.push(INVALID_UTF8_MARK);
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence ends here; the byte is read again as the start of what follows.
      needed = seen = code = 0;
      lower = 0x80;
      upper = 0xbf;
      units.push(INVALID_UTF8_MARK);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    code = (code << 6) | (byte & 0x3f);
    seen++;
    if (seen === needed) {
      units.push(String.fromCodePoint(code));
      needed = seen = code = 0;
    }
  }
  if (needed !== 0) units.push(INVALID_UTF8_MARK);
  return units.join('');
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * The bytes a query-string component stands for: `%XX` is a byte, `+` a space, a character up to
 * U+00FF its own code (Node reads the request line as Latin-1), any other its UTF-8 bytes.
 */
export function percentDecodedBytes(component: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < component.length; i++) {
    const character = component[i];
    if (character === '%' && HEX.test(component.slice(i + 1, i + 3))) {
      bytes.push(parseInt(component.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (character === '+') bytes.push(0x20);
    else if (component.charCodeAt(i) <= 0xff) bytes.push(component.charCodeAt(i));
    else {
      const whole = String.fromCodePoint(component.codePointAt(i) ?? 0);
      bytes.push(...new TextEncoder().encode(whole));
      i += whole.length - 1;
    }
  }
  return Uint8Array.from(bytes);
}
