/**
 * The revision a GET answered in its strong ETag (`"21"`), sent back as If-Match by an edit;
 * undefined when the answer has none, or only a weak one (If-Match compares strongly: a weak tag
 * would never match, and the edit is then not guarded).
 */
export function revisionOf(response: Response | undefined): number | undefined {
  const match = /^"(\d+)"$/.exec(response?.headers.get('etag') ?? '');
  return match ? Number(match[1]) : undefined;
}
