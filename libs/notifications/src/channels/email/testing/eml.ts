/**
 * Just enough of RFC 5322/2045/2047 to read back what the outbox wrote (no mail parser is among
 * the dependencies): unfolded headers, encoded words, multipart parts, quoted-printable/base64.
 */
export interface ParsedEml {
  headers: Map<string, string[]>;
  text: string | null;
  html: string | null;
}

const HEADER_END = /\r?\n\r?\n/;

function parseHeaders(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** RFC 2047 encoded words; adjacent ones are joined before UTF-8 decoding (a character may span two). */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, , encoding, data]) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

function decodeQuotedPrintable(data: string): Buffer {
  const soft = data.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body).toString('utf8');
    default:
      return body;
  }
}

function walk(entity: string, found: { text: string | null; html: string | null }): Map<string, string[]> {
  const split = HEADER_END.exec(entity);
  const headers = parseHeaders(split ? entity.slice(0, split.index) : entity);
  const body = split ? entity.slice(split.index + split[0].length) : '';
  const type = headers.get('content-type')?.[0] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      walk(part.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), found);
    }
  } else {
    const decoded = decodeBody(body, headers.get('content-transfer-encoding')?.[0]);
    if (/^text\/html/i.test(type)) found.html = decoded;
    else if (/^text\/plain/i.test(type)) found.text = decoded;
  }
  return headers;
}

export function parseEml(raw: string): ParsedEml {
  const found = { text: null as string | null, html: null as string | null };
  const headers = walk(raw, found);
  return { headers, ...found };
}
