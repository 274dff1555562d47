import { canonicalJson, canonicalNumber, jsonStringLiteral } from './canonical-json';
import { RecordedEvent } from './envelope';
import { chainHash, GENESIS_HASH, HashedFields, hashInputOfJson } from './hash-chain';

/**
 * One stored event as the chain sees it: the hashed fields, the stored hash, and data and
 * metadata as the canonical JSON text they were hashed as. A store's rows (SealedEvent) are links
 * as they are, so a store verifies from stored text without parsing it.
 */
export interface ChainLink extends HashedFields {
  hash: string;
  dataJson: string;
  metadataJson: string;
}

export type ChainBreakReason =
  /** The event's content (or its stored hash) was altered. */
  | 'hash-mismatch'
  /** prevHash is not the previous event's hash: an event was deleted, inserted or replaced. */
  | 'broken-link'
  /** A revision is missing. */
  | 'revision-gap'
  /** Revisions do not increase: events were reordered. */
  | 'out-of-order'
  /** A revision appears twice: an event was inserted. */
  | 'duplicate-revision'
  /** The event belongs to another stream. */
  | 'wrong-stream'
  /** The first event does not start from GENESIS_HASH. */
  | 'bad-genesis';

export interface ChainBreak {
  streamId: string;
  revision: number;
  eventId: string;
  reason: ChainBreakReason;
}

export type ChainVerification =
  { ok: true; count: number; lastHash: string } | { ok: false; broken: ChainBreak };

export interface VerifyStreamChainOptions {
  /** The stream the links must belong to. Default: the first link's stream. */
  streamId?: string;
  /** Verify a stream's tail: the links continue after this already trusted event. */
  after?: { revision: number; hash: string };
}

/** A recorded (parsed) event as a link: canonicalises its data and metadata again. */
export function chainLinkOf(event: RecordedEvent): ChainLink {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    recordedAt: event.recordedAt,
    prevHash: event.prevHash,
    hash: event.hash,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(event.metadata),
  };
}

/**
 * Verifies a stream's links in the order given (revision order) and names the first broken event.
 * Structure is checked before content, so a deleted or reordered event is reported as such rather
 * than as the hash mismatch it also causes. Fast path: hashes the stored text as it is (no parsing),
 * and reuses the JSON form of fields that repeat from one event to the next.
 */
export function verifyStreamChain(
  links: Iterable<ChainLink>,
  options: VerifyStreamChainOptions = {},
): ChainVerification {
  let streamId = options.streamId;
  const firstRevision = options.after ? options.after.revision + 1 : 0;
  let lastRevision = firstRevision - 1;
  let lastHash = options.after ? options.after.hash : GENESIS_HASH;
  let lastHashJson = jsonStringLiteral(lastHash);
  let count = 0;
  // A link whose revision jumps ahead: a gap, or (if a lower revision follows) a reordering.
  let jumped: ChainLink | undefined;
  let streamIdJson = '';
  // Last-value caches: a stream's events mostly share an append time, a type and a version.
  let recordedAt: string | undefined;
  let recordedAtJson = '';
  let type: string | undefined;
  let typeJson = '';
  let schemaVersion: number | undefined;
  let schemaVersionJson = '';

  for (const link of links) {
    if (jumped) return broken(jumped, link.revision < jumped.revision ? 'out-of-order' : 'revision-gap');
    if (streamId === undefined) streamId = link.streamId;
    if (link.streamId !== streamId) return broken(link, 'wrong-stream');
    if (link.revision !== lastRevision + 1) {
      if (link.revision > lastRevision + 1) {
        jumped = link;
        continue;
      }
      return broken(link, link.revision >= firstRevision ? 'duplicate-revision' : 'out-of-order');
    }
    if (link.prevHash !== lastHash) return broken(link, link.revision === 0 ? 'bad-genesis' : 'broken-link');

    if (streamIdJson === '') streamIdJson = jsonStringLiteral(streamId);
    if (link.recordedAt !== recordedAt) recordedAtJson = jsonStringLiteral((recordedAt = link.recordedAt));
    if (link.type !== type) typeJson = jsonStringLiteral((type = link.type));
    if (link.schemaVersion !== schemaVersion) {
      schemaVersionJson = canonicalNumber((schemaVersion = link.schemaVersion));
    }
    const input = hashInputOfJson(
      link.dataJson,
      jsonStringLiteral(link.id),
      link.metadataJson,
      lastHashJson,
      recordedAtJson,
      // The revision is an integer here (lastRevision + 1), so String gives its canonical form.
      String(link.revision),
      schemaVersionJson,
      streamIdJson,
      typeJson,
    );
    if (chainHash(input, lastHash) !== link.hash) return broken(link, 'hash-mismatch');

    lastRevision = link.revision;
    lastHash = link.hash;
    // The hash equals a hex digest just computed: it needs no escaping.
    lastHashJson = `"${lastHash}"`;
    count++;
  }
  if (jumped) return broken(jumped, 'revision-gap');
  return { ok: true, count, lastHash };
}

/** verifyStreamChain for events read through the port (parsed data, canonicalised again). */
export function verifyRecordedStream(
  events: Iterable<RecordedEvent>,
  options?: VerifyStreamChainOptions,
): ChainVerification {
  return verifyStreamChain(mapIterable(events, chainLinkOf), options);
}

function* mapIterable<A, B>(items: Iterable<A>, map: (item: A) => B): Iterable<B> {
  for (const item of items) yield map(item);
}

function broken(link: ChainLink, reason: ChainBreakReason): ChainVerification {
  return {
    ok: false,
    broken: { streamId: link.streamId, revision: link.revision, eventId: link.id, reason },
  };
}
