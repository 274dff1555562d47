import { EventStore, StoredEvent } from '@tadamon/event-store';
import { ChainBreak, RecordedEvent, StreamNotFound, verifyStreamChain } from '@tadamon/eventsourcing';

/** What an auditor can say of one stream's hash chain, for the dossier's proof. */
export interface StreamProof {
  streamId: string;
  /** Events stored in the stream when it was read. */
  events: number;
  firstHash: string | null;
  lastHash: string | null;
  /** verifyStreamChain over every stored event of the stream (not only those up to as-of). */
  ok: boolean;
  broken: ChainBreak | null;
  /** The events recorded at or before as-of, and the hash of the last of them. */
  eventsAsOf: number;
  lastHashAsOf: string | null;
}

export interface StreamAsOf {
  streamId: string;
  /** Every stored event, parsed, in revision order; [] when the stream does not exist. */
  all: RecordedEvent[];
  /** The prefix of `all` recorded at or before as-of. */
  asOf: RecordedEvent[];
  proof: StreamProof;
}

/** A stored row as the event it holds: data and metadata parsed from the text that was hashed. */
function parseStored(row: StoredEvent): RecordedEvent {
  const parse = (text: string, field: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(
        `event ${row.id} (stream ${row.streamId}, revision ${row.revision}) holds ${field} that is not JSON`,
      );
    }
  };
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schemaVersion,
    data: parse(row.dataJson, 'data'),
    metadata: parse(row.metadataJson, 'metadata') as RecordedEvent['metadata'],
    streamId: row.streamId,
    revision: row.revision,
    globalPosition: row.globalPosition,
    recordedAt: row.recordedAt,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** The number of leading events recorded at or before `asOfMs` (a stream is read as a prefix). */
export function prefixAsOf(events: readonly { recordedAt: string }[], asOfMs: number): number {
  let n = 0;
  while (n < events.length && Date.parse(events[n].recordedAt) <= asOfMs) n++;
  return n;
}

/**
 * Reads a stream's stored rows once: verifies their hash chain from the stored text, parses
 * them, and keeps the prefix recorded at or before as-of. A missing stream is empty (`all` = []).
 */
export async function readStreamAsOf(
  store: EventStore,
  streamId: string,
  asOfMs: number,
): Promise<StreamAsOf> {
  let rows: StoredEvent[];
  try {
    rows = await store.readStoredStream(streamId);
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
    rows = [];
  }
  const chain = rows.length > 0 ? verifyStreamChain(rows, { streamId }) : { ok: true as const };
  const all = rows.map(parseStored);
  const n = prefixAsOf(all, asOfMs);
  return {
    streamId,
    all,
    asOf: all.slice(0, n),
    proof: {
      streamId,
      events: rows.length,
      firstHash: rows[0]?.hash ?? null,
      lastHash: rows[rows.length - 1]?.hash ?? null,
      ok: chain.ok,
      broken: chain.ok ? null : chain.broken,
      eventsAsOf: n,
      lastHashAsOf: n > 0 ? all[n - 1].hash : null,
    },
  };
}
