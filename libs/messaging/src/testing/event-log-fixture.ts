import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY, eventIdFor, NewEvent } from '@tadamon/eventsourcing';
// The messaging specs run against the real embedded event store; the relay itself only needs the
// structural EventLog.
import { SqliteEventStore } from '@tadamon/event-store';
import { definePublication } from '@tadamon/contracts';

export interface EventLogFixture {
  store: SqliteEventStore;
  dir: string;
  filename: string;
  /** Appends one `Counted` event (data {stream, n}) to `stream`, id derived from stream and n. */
  append(stream: string, n: number, extra?: Record<string, unknown>): Promise<void>;
  cleanup(): Promise<void>;
}

export function openEventLog(): EventLogFixture {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-messaging-'));
  const filename = join(dir, 'events.sqlite');
  const store = SqliteEventStore.open({ filename, synchronous: 'NORMAL' });
  return {
    store,
    dir,
    filename,
    append: async (stream, n, extra = {}) => {
      await store.appendToStream(`counter-${stream}`, [countedEvent(stream, n, extra)], {
        expectedRevision: ANY,
      });
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function countedEvent(stream: string, n: number, extra: Record<string, unknown> = {}): NewEvent {
  const commandId = `${stream}:${n}`;
  return {
    id: eventIdFor(commandId, 0),
    type: 'Counted',
    schemaVersion: 1,
    data: { stream, n, ...extra },
    metadata: {
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { id: 'test', roles: [] },
    },
  };
}

/** A publication of the `counter` category under a given context name (unique per test). */
export function counterPublication(context: string) {
  return definePublication({
    context,
    categories: ['counter'],
    events: {
      Counted: {
        type: 'Counted',
        schemaVersion: 1,
        toData: (data: { stream: string; n: number; poison?: boolean }) => data,
      },
    },
  });
}
