import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  Command,
  Decider,
  DomainEvent,
  EventStreamStore,
  ExpectedRevision,
  foldEvents,
  handleCommand,
  RecordedEvent,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { KitMetrics, RequestContext } from '@tadamon/nest-kit';
import { randomUUID } from 'node:crypto';
import { actorDecider, actorStreamName } from '../domain/actor/actor';
import { RegistryError } from '../domain/errors';
import { associationDecider, associationStreamName } from '../domain/association/association';
import { contactPersonDecider, contactPersonStreamName } from '../domain/contact-person/contact-person';
import { networkDecider, networkStreamName } from '../domain/network/network';
import { regionalNeedDecider, regionalNeedStreamName } from '../domain/regional-need/regional-need';
import {
  AppendListener,
  REGISTRY_APPEND_LISTENER,
  REGISTRY_EVENT_STORE,
  RegistryEventStore,
} from './registry-ports';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any>;

/** Each aggregate of the Registry: its decider and how its id names its stream. */
export const REGISTRY_AGGREGATES = {
  association: { decider: associationDecider, stream: associationStreamName },
  contactPerson: { decider: contactPersonDecider, stream: contactPersonStreamName },
  actor: { decider: actorDecider, stream: actorStreamName },
  network: { decider: networkDecider, stream: networkStreamName },
  regionalNeed: { decider: regionalNeedDecider, stream: regionalNeedStreamName },
} as const satisfies Record<string, { decider: AnyDecider; stream: (id: string) => string }>;
export type RegistryAggregate = keyof typeof REGISTRY_AGGREGATES;

type CommandOf<A extends RegistryAggregate> = Parameters<
  (typeof REGISTRY_AGGREGATES)[A]['decider']['decide']
>[0];
type StateOf<A extends RegistryAggregate> = ReturnType<
  (typeof REGISTRY_AGGREGATES)[A]['decider']['initialState']
>;

/** Commands that normally start their stream: decided without reading it first (see assumeNewStream). */
const CREATING_COMMANDS: ReadonlySet<string> = new Set([
  'RegisterAssociation',
  'RegisterActor',
  'CreateNetwork',
  'PublishRegionalNeed',
  'AddContactPerson',
]);

/** A command as the API builds it: the handler adds the metadata. */
export type RegistryCommandInput<A extends RegistryAggregate> = Pick<CommandOf<A>, 'type' | 'data'>;

export interface CommandOutcome {
  /** The stream's revision after the command: the next If-Match. -1 when the stream is still empty. */
  revision: number;
  /** Global position of the last event appended, or null when the command changed nothing. */
  position: number | null;
  /** Types of the events recorded (empty when the command repeated what was already true). */
  events: string[];
}

export interface Loaded<S> {
  state: S;
  revision: number;
  events: RecordedEvent[];
}

/**
 * Runs Registry commands: read the stream, fold, decide, append with the expected revision
 * (the generic handler). Time, ids, the actor and the correlation id come in here, at the edge.
 */
@Injectable()
export class RegistryCommands {
  constructor(
    @Inject(REGISTRY_EVENT_STORE) store: RegistryEventStore,
    @Optional() @Inject(REGISTRY_APPEND_LISTENER) private readonly listener?: AppendListener,
    @Optional() private readonly metrics?: KitMetrics,
  ) {
    this.streams = streamStore(store);
  }

  private readonly streams: EventStreamStore;

  async execute<A extends RegistryAggregate>(
    aggregate: A,
    id: string,
    command: RegistryCommandInput<A>,
    actor: { id: string; roles: readonly string[] },
    options: { expectedRevision?: ExpectedRevision; commandId?: string; now?: string } = {},
  ): Promise<CommandOutcome> {
    const { decider, stream } = REGISTRY_AGGREGATES[aggregate];
    const { correlationId } = RequestContext.commandMetadata();
    const full = {
      ...command,
      metadata: {
        commandId: options.commandId ?? randomUUID(),
        ...(correlationId ? { correlationId } : {}),
        actor: { id: actor.id, roles: [...actor.roles] },
        now: options.now ?? new Date().toISOString(),
      },
    } as Command;
    let result;
    try {
      result = await handleCommand(this.streams, decider as AnyDecider, stream(id), full, {
        expectedRevision: options.expectedRevision,
        assumeNewStream: CREATING_COMMANDS.has(command.type),
      });
    } catch (error) {
      this.metrics?.recordCommand('registry', command.type, failureOutcome(error));
      throw error;
    }
    this.metrics?.recordCommand(
      'registry',
      command.type,
      result.events.length > 0 ? 'accepted' : 'unchanged',
    );
    const last = result.events[result.events.length - 1];
    if (last) this.listener?.appended(last.globalPosition, last.streamId);
    return {
      revision: result.nextExpectedRevision === 'no_stream' ? -1 : Number(result.nextExpectedRevision),
      position: last ? last.globalPosition : null,
      events: result.events.map((e) => e.type),
    };
  }

  /** The aggregate's current state folded from its stream, or undefined when the stream is empty. */
  async load<A extends RegistryAggregate>(aggregate: A, id: string): Promise<Loaded<StateOf<A>> | undefined> {
    const { decider, stream } = REGISTRY_AGGREGATES[aggregate];
    const events = await readOrEmpty(this.streams, stream(id));
    if (events.length === 0) return undefined;
    const state = foldEvents(decider as AnyDecider, events as unknown as DomainEvent[]) as StateOf<A>;
    return { state, revision: events[events.length - 1].revision, events };
  }
}

const failureOutcome = (error: unknown): 'rejected' | 'conflict' | 'failed' =>
  error instanceof WrongExpectedRevision
    ? 'conflict'
    : error instanceof RegistryError
      ? 'rejected'
      : 'failed';

const readOrEmpty = async (streams: EventStreamStore, streamId: string): Promise<RecordedEvent[]> => {
  if (streams.readStreamOrEmpty) return streams.readStreamOrEmpty(streamId);
  try {
    return await streams.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFound) return [];
    throw error;
  }
};

/** The event store as the generic handler's narrower port. */
const streamStore = (eventStore: RegistryEventStore): EventStreamStore => {
  const orEmpty = (eventStore as Partial<EventStreamStore>).readStreamOrEmpty;
  return {
    readStream: (streamId: string) => eventStore.readStream(streamId),
    ...(orEmpty && { readStreamOrEmpty: orEmpty.bind(eventStore) }),
    appendToStream: eventStore.appendToStream.bind(eventStore),
  };
};
