import { ContentStore, ContentTooLarge, StoredContent } from '@tadamon/content-store';
import { domainValidationProblem, ProblemException } from '@tadamon/nest-kit';

/**
 * Documents travel as base64 in the JSON body, so they stay under the API's 1 MiB body limit:
 * 512 KiB of file is 699,052 characters of base64. Larger files need a streamed upload route,
 * which the API does not have yet.
 */
export const MAX_DOCUMENT_BYTES = 512 * 1024;
export const MAX_DOCUMENT_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes a document's base64 (strict: canonical padding, no whitespace) and keeps its bytes in
 * the content store, which names them by their SHA-256. Storing is idempotent: the same bytes twice
 * keep one copy, so a command refused afterwards leaves at most an unreferenced object (no delete:
 * content is evidence).
 */
export async function storeDocument(
  store: ContentStore,
  base64: string,
  field = 'contentBase64',
): Promise<StoredContent> {
  const bytes = BASE64.test(base64) ? Buffer.from(base64, 'base64') : undefined;
  if (!bytes || bytes.length === 0 || bytes.toString('base64') !== base64)
    throw domainValidationProblem([{ field, reason: 'must be the file in canonical base64, not empty' }]);
  try {
    return await store.put(bytes, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    if (error instanceof ContentTooLarge)
      throw domainValidationProblem([{ field, reason: `must be at most ${MAX_DOCUMENT_BYTES} bytes` }]);
    throw error;
  }
}

/** A stored document's bytes, or 404 when the store has none under that SHA-256. */
export async function documentBody(store: ContentStore, sha256: string) {
  const body = await store.get(sha256);
  if (!body) throw new ProblemException('not-found');
  return body;
}
