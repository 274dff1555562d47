import { randomUUID } from 'node:crypto';
import { CommandMetadata, eventIdFor, RecordedEvent } from '@tadamon/eventsourcing';
import {
  DocumentStore,
  MingoDocumentStore,
  MongooseDocumentStore,
  ProjectionSource,
} from '@tadamon/read-store';
import { requireServer } from '@tadamon/testing';
import { SessionCommand } from '../../domain/session/session-commands';
import { sessionDecider, trainingSessionStreamName } from '../../domain/session/session';
import { SessionState } from '../../domain/session/session-state';

type DataOf<T extends SessionCommand['type']> = Extract<SessionCommand, { type: T }>['data'];

/**
 * Session commands through the real decider, their events kept in memory with global positions
 * (with gaps) and served to a ProjectionRunner as the event store would.
 */
export class SessionLog implements ProjectionSource {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, SessionState>();
  private commands = 0;
  now = '2025-03-01T10:00:00.000Z';
  actor = { id: 'officer-1', roles: ['officer'] };

  as(actorId: string, roles: string[], run: () => void): void {
    const before = this.actor;
    this.actor = { id: actorId, roles };
    try {
      run();
    } finally {
      this.actor = before;
    }
  }

  session<T extends SessionCommand['type']>(type: T, data: DataOf<T>): void {
    const { sessionId } = data as { sessionId: string };
    const streamId = trainingSessionStreamName(sessionId);
    const commandId = `cmd-${++this.commands}`;
    const metadata: CommandMetadata = { commandId, actor: this.actor, now: this.now };
    let state = this.states.get(streamId) ?? sessionDecider.initialState();
    sessionDecider.decide({ type, data, metadata } as SessionCommand, state).forEach((event, i) => {
      state = sessionDecider.evolve(state, event);
      this.events.push({
        id: eventIdFor(commandId, i),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { correlationId: commandId, causationId: commandId, commandId, actor: this.actor },
        streamId,
        revision: this.events.filter((e) => e.streamId === streamId).length,
        globalPosition: this.events.length * 2 + 1,
        recordedAt: this.now,
        prevHash: '',
        hash: '',
      });
    });
    this.states.set(streamId, state);
  }

  async readAll(options: {
    after?: number;
    maxCount?: number;
    categories?: string[];
  }): Promise<RecordedEvent[]> {
    return this.events
      .filter((e) => e.globalPosition > (options.after ?? 0))
      .filter((e) => !options.categories || options.categories.includes(e.streamId.split('-')[0]))
      .slice(0, options.maxCount ?? Infinity);
  }

  async headPosition(): Promise<number> {
    return this.events.at(-1)?.globalPosition ?? 0;
  }
}

export interface OpenedReadStore {
  docs: DocumentStore;
  close(): Promise<void>;
}

/** mingo in memory, and FerretDB in a database of its own per test (fails, never skips, without it). */
export const ROSTER_READ_STORES: ReadonlyArray<{ name: string; open(): Promise<OpenedReadStore> }> = [
  { name: 'mingo', open: async () => ({ docs: new MingoDocumentStore(), close: async () => undefined }) },
  {
    name: 'FerretDB',
    open: async () => {
      const store = await MongooseDocumentStore.connect(
        requireServer('mongo'),
        `training_${randomUUID().slice(0, 8)}`,
      );
      return {
        docs: store,
        close: async () => {
          await store.dropDatabase();
          await store.close();
        },
      };
    },
  },
];
