import {
  BACKWARDS,
  END,
  ErrorType,
  EventData,
  FORWARDS,
  JSONType,
  KurrentDBClient,
  NO_STREAM,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import { SealedEvent } from '../append-preparation';
import { KurrentDbEventMetadata, toKurrentEventData } from './kurrentdb-event-store';

interface RawEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: KurrentDbEventMetadata;
}

/**
 * Alters stored events behind the store's back, for tests that prove the hash chain detects
 * tampering (the contract suite's ChainTamper). KurrentDB's log is immutable, so every kind of
 * tampering is done the way an operator with raw access would: soft-delete the stream and append
 * an altered copy of its events (same ids, edited content) with the raw client. Reads of the stream
 * then return only the altered copy, exactly as a read of altered rows would.
 */
export function kurrentDbTamper(client: KurrentDBClient) {
  const read = async (streamId: string): Promise<RawEvent[]> => {
    const events: RawEvent[] = [];
    for await (const resolved of client.readStream(streamId, { direction: FORWARDS })) {
      const event = resolved.event;
      if (!event) continue;
      events.push({
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata as unknown as KurrentDbEventMetadata,
      });
    }
    return events;
  };

  const lastRevision = async (streamId: string): Promise<bigint> => {
    for await (const resolved of client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    })) {
      if (resolved.event) return resolved.event.revision;
    }
    throw new Error(`stream ${streamId} is empty`);
  };

  /** Replaces a stream's events by `edit` of them. */
  const rewrite = async (streamId: string, edit: (events: RawEvent[]) => EventData[]) => {
    const events = await read(streamId);
    const altered = edit(events);
    const last = await lastRevision(streamId);
    await client.deleteStream(streamId);
    // A soft-deleted stream keeps numbering after its last event. Appending with that concrete
    // revision (never ANY) keeps the server's idempotency check from taking the reused ids for a
    // retry. Servers that report the deleted stream as absent get NO_STREAM instead.
    try {
      await client.appendToStream(streamId, altered, { streamState: last });
    } catch (error) {
      if ((error as { type?: string }).type !== ErrorType.WRONG_EXPECTED_VERSION) throw error;
      const actual = (error as { actualState?: bigint | typeof NO_STREAM }).actualState ?? NO_STREAM;
      await client.appendToStream(streamId, altered, { streamState: actual });
    }
  };

  const asData = (event: RawEvent, changes: Partial<RawEvent> = {}) => {
    const merged = { ...event, ...changes };
    return jsonEvent({
      id: merged.id,
      type: merged.type,
      data: merged.data as JSONType,
      metadata: merged.metadata as unknown as JSONType,
    });
  };

  const streamOf = async (eventId: string): Promise<string> => {
    for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END })) {
      if (resolved.event?.id === eventId && !resolved.event.streamId.startsWith('$'))
        return resolved.event.streamId;
    }
    throw new Error(`no stored event ${eventId}`);
  };

  return {
    async flipByte(eventId: string): Promise<void> {
      await rewrite(await streamOf(eventId), (events) =>
        events.map((event) => {
          if (event.id !== eventId) return asData(event);
          const text = JSON.stringify(event.data);
          // An ASCII letter inside a JSON string: flipping its case (bit 0x20) keeps valid JSON.
          const match = /"[^"\\]*?[A-Za-z]/.exec(text);
          if (!match) throw new Error(`event ${eventId} has no ASCII letter in a string to flip`);
          const at = match.index + match[0].length - 1;
          const flipped =
            text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 0x20) + text.slice(at + 1);
          return asData(event, { data: JSON.parse(flipped) });
        }),
      );
    },

    async deleteEvent(eventId: string): Promise<void> {
      await rewrite(await streamOf(eventId), (events) =>
        events.filter((event) => event.id !== eventId).map((event) => asData(event)),
      );
    },

    async swapRevisions(streamId: string, a: number, b: number): Promise<void> {
      await rewrite(streamId, (events) => {
        const at = (revision: number) => events.findIndex((event) => event.metadata.revision === revision);
        const [i, j] = [at(a), at(b)];
        if (i < 0 || j < 0) throw new Error(`stream ${streamId} has no revision ${i < 0 ? a : b}`);
        const swapped = [...events];
        swapped[i] = { ...events[j], metadata: { ...events[j].metadata, revision: a } };
        swapped[j] = { ...events[i], metadata: { ...events[i].metadata, revision: b } };
        return swapped.map((event) => asData(event));
      });
    },

    async insertForged(forged: SealedEvent): Promise<void> {
      await rewrite(forged.streamId, (events) => {
        const kept = events.map((event) =>
          event.metadata.revision >= forged.revision
            ? asData(event, { metadata: { ...event.metadata, revision: event.metadata.revision + 1 } })
            : asData(event),
        );
        const before = events.filter((event) => event.metadata.revision < forged.revision).length;
        return [...kept.slice(0, before), toKurrentEventData(forged), ...kept.slice(before)];
      });
    },
  };
}
