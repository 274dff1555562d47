import {
  assertStreamName,
  canonicalJson,
  chainHash,
  EmptyAppend,
  EventTooLarge,
  hashInput,
  InvalidEvent,
  NewEvent,
  NotJson,
  RecordedEvent,
} from '@tadamon/eventsourcing';

/** Default limit on one event's data plus metadata, in UTF-8 bytes. */
export const DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;

/** An event validated for storage, with data and metadata as canonical JSON text. */
export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

/** A prepared event placed in its stream: the row every adapter stores. */
export interface SealedEvent extends PreparedEvent {
  streamId: string;
  revision: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9.]{0,99}$/;

/**
 * Validates an append before anything is written: a bad stream name, no events, a malformed
 * envelope, data that is not plain JSON or an oversize event each throw their typed error.
 */
export function prepareAppend(
  streamId: string,
  events: NewEvent[],
  maxEventBytes = DEFAULT_MAX_EVENT_BYTES,
): PreparedEvent[] {
  assertStreamName(streamId);
  if (!Array.isArray(events) || events.length === 0) throw new EmptyAppend(streamId);
  const ids = new Set<string>();
  return events.map((event) => {
    const id = typeof event?.id === 'string' ? event.id : String(event?.id);
    if (!UUID.test(id)) throw new InvalidEvent(id, 'the id must be a lower-case UUID');
    if (ids.has(id)) throw new InvalidEvent(id, 'the same id appears twice in one append');
    ids.add(id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
      throw new InvalidEvent(id, 'the type must be letters, digits and dots, starting with a letter');
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidEvent(id, 'schemaVersion must be an integer >= 1');
    }
    const dataJson = toJson(id, 'data', event.data);
    const metadataJson = toJson(id, 'metadata', event.metadata);
    const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (bytes > maxEventBytes) throw new EventTooLarge(id, bytes, maxEventBytes);
    return { id, type: event.type, schemaVersion: event.schemaVersion, dataJson, metadataJson };
  });
}

function toJson(id: string, field: string, value: unknown): string {
  if (value === undefined) throw new InvalidEvent(id, `${field} is missing`);
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof NotJson) throw new InvalidEvent(id, `${field} is not JSON (${error.message})`);
    throw error;
  }
}

/** Places prepared events after a stream's last event, chaining their hashes. */
export function sealEvents(
  prepared: PreparedEvent[],
  stream: { streamId: string; lastRevision: number; lastHash: string; recordedAt: string },
): SealedEvent[] {
  let prevHash = stream.lastHash;
  return prepared.map((event, i) => {
    const fields = {
      ...event,
      streamId: stream.streamId,
      revision: stream.lastRevision + 1 + i,
      recordedAt: stream.recordedAt,
      prevHash,
    };
    const hash = chainHash(hashInput(fields, event.dataJson, event.metadataJson), prevHash);
    prevHash = hash;
    return { ...fields, hash };
  });
}

/** A stored row back to the envelope callers see. */
export function toRecordedEvent(row: SealedEvent, globalPosition: number): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schemaVersion,
    streamId: row.streamId,
    revision: row.revision,
    globalPosition,
    recordedAt: row.recordedAt,
    data: JSON.parse(row.dataJson),
    metadata: JSON.parse(row.metadataJson),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
