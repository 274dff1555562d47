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
import { KnownState, StreamStates } from './stream-states';

/** The part of the EventStore port (@tadamon/event-store) a command handler needs. */
export interface EventStreamStore {
  /** Throws StreamNotFound when the stream has no events; `fromRevision` is inclusive. */
  readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]>;
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
  /**
   * States folded by earlier commands: the command reads only the events after the one kept (and
   * that one, to check it is the same). Given, the handler takes the stream's entry and keeps the
   * state it knows once the outcome is known against the store.
   */
  states?: StreamStates<unknown>;
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
  { expectedRevision, maxRetries = 3, upcasters, assumeNewStream = false, states }: HandleCommandOptions = {},
): Promise<CommandResult<S>> {
  const known = states as StreamStates<S> | undefined;
  let optimistic = assumeNewStream && (expectedRevision === undefined || expectedRevision === NO_STREAM);
  for (let attempt = optimistic ? -1 : 0; ; attempt++) {
    const current: Current<S> = optimistic
      ? { state: decider.initialState(), revision: -1, lastEventId: undefined }
      : await currentState(store, decider, streamId, known?.take(streamId), upcasters);
    const { state, revision } = current;
    const keepCurrent = () => remember(known, streamId, current);
    if (expectedRevision !== undefined && !revisionMatches(expectedRevision, revision)) {
      keepCurrent();
      throw new WrongExpectedRevision(streamId, expectedRevision, revision);
    }
    let decided: E[];
    try {
      decided = decider.decide(command, state);
    } catch (error) {
      // A refusal is only final against the stream as stored.
      if (!optimistic) {
        keepCurrent();
        throw error;
      }
      decided = [];
    }
    if (optimistic && decided.length === 0) {
      optimistic = false;
      continue;
    }
    if (decided.length === 0) {
      keepCurrent();
      return { newState: state, events: [], nextExpectedRevision: revision < 0 ? NO_STREAM : revision };
    }
    const newEvents = decided.map((event, index) => toNewEvent(event, index, command.metadata));
    try {
      const appended = await store.appendToStream(streamId, newEvents, {
        expectedRevision: expectedRevision ?? (revision < 0 ? NO_STREAM : revision),
      });
      const newState = foldEvents(decider, decided, state);
      // A retried command is answered with the events it stored earlier: the state folded here is
      // then not the stream's at that revision, so it is kept only when the append followed `revision`.
      const last = appended.events[appended.events.length - 1];
      if (last && appended.events[0].revision === revision + 1) {
        remember(known, streamId, { state: newState, revision: last.revision, lastEventId: last.id });
      }
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

type Current<S> = { state: S; revision: number; lastEventId: string | undefined };

const remember = <S>(states: StreamStates<S> | undefined, streamId: string, current: Current<S>): void => {
  if (states && current.lastEventId !== undefined) {
    states.keep(streamId, {
      state: current.state,
      revision: current.revision,
      lastEventId: current.lastEventId,
    });
  }
};

/** The stream's state: from the state kept and the events after it, or the whole stream folded. */
async function currentState<C extends Command, E extends DomainEvent, S>(
  store: EventStreamStore,
  decider: Decider<C, E, S>,
  streamId: string,
  kept: KnownState<S> | undefined,
  upcasters: UpcasterRegistry | undefined,
): Promise<Current<S>> {
  const upcast = (events: RecordedEvent[]) => (upcasters ? events.map((e) => upcasters.upcast(e)) : events);
  if (kept) {
    const tail = await readOrEmpty(store, streamId, kept.revision);
    if (tail[0]?.revision === kept.revision && tail[0].id === kept.lastEventId) {
      const after = tail.slice(1);
      const last = tail[tail.length - 1];
      const state = foldEvents(decider, upcast(after) as unknown as E[], kept.state);
      return { state, revision: last.revision, lastEventId: last.id };
    }
  }
  const stored = await readOrEmpty(store, streamId);
  const last = stored[stored.length - 1];
  const state = foldEvents(decider, upcast(stored) as unknown as E[]);
  return { state, revision: last ? last.revision : -1, lastEventId: last?.id };
}

async function readOrEmpty(
  store: EventStreamStore,
  streamId: string,
  fromRevision?: number,
): Promise<RecordedEvent[]> {
  if (fromRevision === undefined && store.readStreamOrEmpty) return store.readStreamOrEmpty(streamId);
  try {
    return await store.readStream(streamId, fromRevision === undefined ? undefined : { fromRevision });
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
