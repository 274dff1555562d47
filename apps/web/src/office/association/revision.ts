/**
 * The revision a GET answered in its strong ETag (`"21"`), sent back as If-Match by an edit;
 * undefined when the answer has none (the edit is then not guarded).
 */
export function revisionOf(response: Response | undefined): number | undefined {
  const tag = response?.headers.get('etag');
  const match = tag ? /^"(\d+)"$/.exec(tag) : null;
  return match ? Number(match[1]) : undefined;
}
