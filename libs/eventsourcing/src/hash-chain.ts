import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { RecordedEvent } from './envelope';

/** The prevHash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** The envelope fields a hash covers. globalPosition is not among them: the global log is sealed
 * by signed checkpoints instead, and some stores assign it only after the append. */
export interface HashedFields {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: number;
  recordedAt: string;
  prevHash: string;
}

/**
 * The exact text a hash covers: the canonical JSON of the hashed fields plus data and metadata.
 * `dataJson` and `metadataJson` must already be canonical JSON (stores keep them that way), so a
 * verifier rebuilds this text from stored bytes without parsing them.
 */
export function hashInput(fields: HashedFields, dataJson: string, metadataJson: string): string {
  // Members in RFC 8785 order: data, id, metadata, prevHash, recordedAt, revision, schemaVersion, streamId, type.
  return (
    `{"data":${dataJson},"id":${JSON.stringify(fields.id)},"metadata":${metadataJson}` +
    `,"prevHash":${JSON.stringify(fields.prevHash)},"recordedAt":${JSON.stringify(fields.recordedAt)}` +
    `,"revision":${canonicalJson(fields.revision)},"schemaVersion":${canonicalJson(fields.schemaVersion)}` +
    `,"streamId":${JSON.stringify(fields.streamId)},"type":${JSON.stringify(fields.type)}}`
  );
}

/** hash = SHA-256(canonical JSON of the envelope without hash, followed by prevHash), hex. */
export function chainHash(input: string, prevHash: string): string {
  return createHash('sha256').update(input).update(prevHash).digest('hex');
}

/** The hash of a recorded event, computed from its fields (parses nothing: canonicalises data). */
export function eventHash(event: Omit<RecordedEvent, 'hash' | 'globalPosition'>): string {
  return chainHash(
    hashInput(event, canonicalJson(event.data), canonicalJson(event.metadata)),
    event.prevHash,
  );
}
