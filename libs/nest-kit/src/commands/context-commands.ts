import {
  Command,
  Decider,
  DomainEvent,
  EventStreamStore,
  ExpectedRevision,
  foldEvents,
  handleCommand,
  LruStreamStates,
  RecordedEvent,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { randomUUID } from 'node:crypto';
import { KitMetrics } from '../metrics/kit-metrics';
import { issuesOfBody } from './body-fields';
import { KeyedSerialiser } from './keyed-serialiser';
import { RequestContext } from '../request-context/request-context';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any>;

/** A context's aggregates: each one's decider and how its id names its stream. */
export type AggregateTable = Record<string, { decider: AnyDecider; stream: (id: string) => string }>;

export type CommandOf<T extends AggregateTable, A extends keyof T> = Parameters<T[A]['decider']['decide']>[0];
export type StateOf<T extends AggregateTable, A extends keyof T> = ReturnType<
  T[A]['decider']['initialState']
>;
/** A command as the API builds it: the runner adds the metadata. */
export type CommandInput<T extends AggregateTable, A extends keyof T> = Pick<
  CommandOf<T, A>,
  'type' | 'data'
>;

/** Who issues a command: a user from a verified token, or a policy's system identity. */
export interface CommandActor {
  id: string;
  roles: readonly string[];
}

export interface ExecuteOptions {
  /** The revision the caller saw (If-Match): a conflict is then never retried. */
  expectedRevision?: ExpectedRevision;
  commandId?: string;
  now?: string;
  /** Re-reads and re-decides after a concurrent write (default 3). */
  maxRetries?: number;
  /** The message that caused the command (a policy's integration event), else the request's. */
  causationId?: string;
  correlationId?: string;
  /**
   * The member of the command's data that holds the request body (a PATCH's `changes`): the
   * domain's field paths under it are then reported as members of the body.
   */
  bodyAt?: string;
}

export interface CommandOutcome {
  /** The stream's revision after the command: the next If-Match. -1 when the stream is still empty. */
  revision: number;
  /** Global position of the last event appended, or null when the command changed nothing. */
  position: number | null;
  /** Types of the events recorded (empty when the command repeated what was already true). */
  events: string[];
}

/** A command's outcome with the events it recorded, for the processes that read them. */
export interface DetailedOutcome extends CommandOutcome {
  recorded: RecordedEvent[];
}

export interface Loaded<S> {
  state: S;
  revision: number;
  events: RecordedEvent[];
}

export interface AppendListener {
  /** `position` of the append's last event, in the stream `streamId`. */
  appended(position: number, streamId: string): void;
}

export interface ContextCommandsSettings {
  /** The `context` label of the command metrics. */
  context: string;
  /** The context's own refusals (counted as `rejected`, not `failed`). */
  isDomainError: (error: unknown) => boolean;
  /** Command types that normally start their stream: decided without reading it first. */
  creating?: ReadonlySet<string>;
  listener?: AppendListener;
  metrics?: KitMetrics;
  /**
   * How many streams' folded states are kept between commands (default 1,000; 0 keeps none): a
   * command on a kept stream reads and folds only the events after it.
   */
  keptStates?: number;
}

/**
 * Runs a context's commands: read the stream, fold, decide, append with the expected revision (the
 * generic handler). Time, ids, the actor and the correlation id come in here, at the edge; the
 * outcome is counted in the metrics and the host told of the append.
 *
 * The commands of one stream run one after another in this process, in the order they came: many
 * at once on one stream (200 enrolments in one session) then all succeed without losing races to
 * each other. Other processes writing the same stream are still caught by the expected revision,
 * and the command re-read, re-decided and retried. The state a command folded is kept (the last
 * `keptStates` streams), so the next command on the stream reads only what came after it.
 */
export class ContextCommands<T extends AggregateTable> {
  private readonly streams: EventStreamStore;
  private readonly serialiser = new KeyedSerialiser();
  private readonly states: LruStreamStates<unknown> | undefined;

  constructor(
    private readonly aggregates: T,
    store: EventStreamStore,
    private readonly settings: ContextCommandsSettings,
  ) {
    this.streams = eventStreamsOf(store);
    const kept = settings.keptStates ?? DEFAULT_KEPT_STATES;
    this.states = kept > 0 ? new LruStreamStates(kept) : undefined;
  }

  /** Runs the command; the outcome carries the events it recorded. */
  run<A extends keyof T & string>(
    aggregate: A,
    id: string,
    command: CommandInput<T, A>,
    actor: CommandActor,
    options: ExecuteOptions = {},
  ): Promise<DetailedOutcome> {
    const streamId = this.aggregates[aggregate].stream(id);
    // The request's context (correlation id) is read now, before the command waits its turn.
    const correlationId = options.correlationId ?? RequestContext.commandMetadata().correlationId;
    return this.serialiser.run(streamId, () =>
      this.runNow(aggregate, streamId, command, actor, { ...options, correlationId }),
    );
  }

  private async runNow<A extends keyof T & string>(
    aggregate: A,
    streamId: string,
    command: CommandInput<T, A>,
    actor: CommandActor,
    options: ExecuteOptions,
  ): Promise<DetailedOutcome> {
    const { decider } = this.aggregates[aggregate];
    const { context, metrics, listener } = this.settings;
    const { correlationId } = options;
    const full = {
      ...command,
      metadata: {
        commandId: options.commandId ?? randomUUID(),
        ...(correlationId ? { correlationId } : {}),
        ...(options.causationId ? { causationId: options.causationId } : {}),
        actor: { id: actor.id, roles: [...actor.roles] },
        now: options.now ?? new Date().toISOString(),
      },
    } as Command;
    let result;
    try {
      result = await handleCommand(this.streams, decider, streamId, full, {
        expectedRevision: options.expectedRevision,
        maxRetries: options.maxRetries,
        assumeNewStream: this.settings.creating?.has(command.type) ?? false,
        states: this.states,
      });
    } catch (error) {
      metrics?.recordCommand(context, command.type, this.failureOutcome(error));
      throw options.bodyAt === undefined ? error : issuesOfBody(error, options.bodyAt);
    }
    metrics?.recordCommand(context, command.type, result.events.length > 0 ? 'accepted' : 'unchanged');
    const last = result.events[result.events.length - 1];
    if (last) listener?.appended(last.globalPosition, last.streamId);
    return {
      revision: result.nextExpectedRevision === 'no_stream' ? -1 : Number(result.nextExpectedRevision),
      position: last ? last.globalPosition : null,
      events: result.events.map((e) => e.type),
      recorded: result.events,
    };
  }

  /** The aggregate's current state folded from its stream, or undefined when the stream is empty. */
  async load<A extends keyof T & string>(
    aggregate: A,
    id: string,
  ): Promise<Loaded<StateOf<T, A>> | undefined> {
    const { decider, stream } = this.aggregates[aggregate];
    const events = await readOrEmpty(this.streams, stream(id));
    if (events.length === 0) return undefined;
    const state = foldEvents(decider, events as unknown as DomainEvent[]) as StateOf<T, A>;
    return { state, revision: events[events.length - 1].revision, events };
  }

  private failureOutcome(error: unknown): 'rejected' | 'conflict' | 'failed' {
    if (error instanceof WrongExpectedRevision) return 'conflict';
    return this.settings.isDomainError(error) ? 'rejected' : 'failed';
  }
}

const DEFAULT_KEPT_STATES = 1_000;

/** The outcome as an API answers it (without the recorded events). */
export const publicOutcome = ({ revision, position, events }: CommandOutcome): CommandOutcome => ({
  revision,
  position,
  events,
});

const readOrEmpty = async (streams: EventStreamStore, streamId: string): Promise<RecordedEvent[]> => {
  if (streams.readStreamOrEmpty) return streams.readStreamOrEmpty(streamId);
  try {
    return await streams.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFound) return [];
    throw error;
  }
};

/** An event store as the generic handler's narrower port (methods bound to the store). */
function eventStreamsOf(eventStore: EventStreamStore): EventStreamStore {
  const orEmpty = eventStore.readStreamOrEmpty;
  return {
    readStream: (streamId, options) => eventStore.readStream(streamId, options),
    ...(orEmpty && { readStreamOrEmpty: orEmpty.bind(eventStore) }),
    appendToStream: eventStore.appendToStream.bind(eventStore),
  };
}
