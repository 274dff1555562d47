import { createHash } from 'node:crypto';
import { canonicalJson } from '@tadamon/eventsourcing';
import { DocumentStore } from '../document-store';

/** SHA-256 over a collection's documents in _id order, as canonical JSON: equal data, equal hash. */
export async function collectionHash(
  docs: DocumentStore,
  collection: string,
  pageSize = 5000,
): Promise<string> {
  const hash = createHash('sha256');
  for (let skip = 0; ; skip += pageSize) {
    const page = await docs.collection(collection).find({}, { sort: { _id: 1 }, skip, limit: pageSize });
    for (const doc of page) hash.update(canonicalJson(doc)).update('\n');
    if (page.length < pageSize) break;
  }
  return hash.digest('hex');
}
