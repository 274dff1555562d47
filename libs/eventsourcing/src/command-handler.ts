import {
  Command,
  CommandMetadata,
  Decider,
  DEFAULT_SCHEMA_VERSION,
  DomainEvent,
  foldEvents,
} from './decider';
import { EventMetadata, NewEvent, RecordedEvent } from './envelope';
import { StreamNotFound, WrongExpectedRevision } from './errors';
import { eventIdFor } from './event-id';
import { ExpectedRevision, NO_STREAM, revisionMatches } from './expected-revision';
import { UpcasterRegistry } from './upcasters';

/** The part of the EventStore port (@tadamon/event-store) a command handler needs. */
export interface EventStreamStore {
  /** Throws StreamNotFound when the stream has no events. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** [] for a stream with no events: lets a creating command skip the error (a hot path). */
  readStreamOrEmpty?(streamId: string): Promise<RecordedEvent[]>;
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<{ nextExpectedRevision: number; events: RecordedEvent[] }>;
}

export interface HandleCommandOptions {
  /** The revision the caller saw (e.g. from If-Match). When given, a conflict is never retried. */
  expectedRevision?: ExpectedRevision;
  /** Re-reads and re-decides after a concurrent write, when no expectedRevision was given. */
  maxRetries?: number;
  /** Brings stored events of older schema versions to the shape evolve expects. */
  upcasters?: UpcasterRegistry;
  /**
   * The command normally creates its stream (a registration): decide from the initial state and
   * append with NO_STREAM without reading first. If the stream exists the append is refused and the
   * command is read, folded and decided again as usual, so the outcome is the same; only the read
   * on the common path is saved. (A command id already stored is answered as the store answers a
   * retried append: with the events it stored the first time.)
   */
  assumeNewStream?: boolean;
}

export interface CommandResult<S> {
  newState: S;
  /** The stored events of this command; empty when decide returned []. */
  events: RecordedEvent[];
  /** Pass it as the expected revision of the stream's next command. */
  nextExpectedRevision: number | typeof NO_STREAM;
}

/** Read the stream, fold it, decide, append with the expected revision; retry lost races. */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStreamStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  { expectedRevision, maxRetries = 3, upcasters, assumeNewStream = false }: HandleCommandOptions = {},
): Promise<CommandResult<S>> {
  let optimistic = assumeNewStream && (expectedRevision === undefined || expectedRevision === NO_STREAM);
  for (let attempt = optimistic ? -1 : 0; ; attempt++) {
    const stored = optimistic ? [] : await readOrEmpty(store, streamId);
    const revision = stored.length > 0 ? stored[stored.length - 1].revision : -1;
    if (expectedRevision !== undefined && !revisionMatches(expectedRevision, revision)) {
      throw new WrongExpectedRevision(streamId, expectedRevision, revision);
    }
    const events = upcasters ? stored.map((event) => upcasters.upcast(event)) : stored;
    const state = foldEvents(decider, events as unknown as E[]);
    let decided: E[];
    try {
      decided = decider.decide(command, state);
    } catch (error) {
      // A refusal is only final against the stream as stored.
      if (!optimistic) throw error;
      decided = [];
    }
    if (optimistic && decided.length === 0) {
      optimistic = false;
      continue;
    }
    if (decided.length === 0) {
      return { newState: state, events: [], nextExpectedRevision: revision < 0 ? NO_STREAM : revision };
    }
    const newEvents = decided.map((event, index) => toNewEvent(event, index, command.metadata));
    try {
      const appended = await store.appendToStream(streamId, newEvents, {
        expectedRevision: expectedRevision ?? (revision < 0 ? NO_STREAM : revision),
      });
      const newState = foldEvents(decider, decided, state);
      return { newState, events: appended.events, nextExpectedRevision: appended.nextExpectedRevision };
    } catch (error) {
      if (optimistic && error instanceof WrongExpectedRevision) {
        optimistic = false;
        continue;
      }
      const retry = error instanceof WrongExpectedRevision && expectedRevision === undefined;
      if (!retry || attempt >= maxRetries) throw error;
    }
  }
}

async function readOrEmpty(store: EventStreamStore, streamId: string): Promise<RecordedEvent[]> {
  if (store.readStreamOrEmpty) return store.readStreamOrEmpty(streamId);
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFound) return [];
    throw error;
  }
}

function toNewEvent(event: DomainEvent, index: number, command: CommandMetadata): NewEvent {
  const metadata: EventMetadata = {
    correlationId: command.correlationId ?? command.commandId,
    causationId: command.causationId ?? command.commandId,
    commandId: command.commandId,
    actor: { id: command.actor.id, roles: command.actor.roles },
  };
  // Absent, not undefined: canonical JSON refuses undefined members.
  if (command.tenant !== undefined) metadata.tenant = command.tenant;
  return {
    id: eventIdFor(command.commandId, index),
    type: event.type,
    schemaVersion: event.schemaVersion ?? DEFAULT_SCHEMA_VERSION,
    data: event.data,
    metadata,
  };
}
