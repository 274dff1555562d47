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
import { budgetEnvelopeDecider, budgetEnvelopeStreamName } from '../domain/budget-envelope/budget-envelope';
import {
  callForProposalsDecider,
  callForProposalsStreamName,
} from '../domain/call-for-proposals/call-for-proposals';
import { FundingError } from '../domain/errors';
import {
  grantApplicationDecider,
  grantApplicationStreamName,
} from '../domain/grant-application/grant-application';
import {
  AppendListener,
  FUNDING_APPEND_LISTENER,
  FUNDING_EVENT_STORE,
  FundingEventStore,
} from './funding-ports';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any>;

/** Each aggregate of Funding: its decider and how its id names its stream. */
export const FUNDING_AGGREGATES = {
  budgetEnvelope: { decider: budgetEnvelopeDecider, stream: budgetEnvelopeStreamName },
  callForProposals: { decider: callForProposalsDecider, stream: callForProposalsStreamName },
  grantApplication: { decider: grantApplicationDecider, stream: grantApplicationStreamName },
} as const satisfies Record<string, { decider: AnyDecider; stream: (id: string) => string }>;
export type FundingAggregate = keyof typeof FUNDING_AGGREGATES;

type CommandOf<A extends FundingAggregate> = Parameters<
  (typeof FUNDING_AGGREGATES)[A]['decider']['decide']
>[0];
export type StateOf<A extends FundingAggregate> = ReturnType<
  (typeof FUNDING_AGGREGATES)[A]['decider']['initialState']
>;

/** A command as the API builds it: the handler adds the metadata. */
export type FundingCommandInput<A extends FundingAggregate> = Pick<CommandOf<A>, 'type' | 'data'>;

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
  /** Re-reads and re-decides after a concurrent write (default 3; the envelope's commitments use more). */
  maxRetries?: number;
  /** The message that caused the command (a policy's integration event), else the request's. */
  causationId?: string;
  correlationId?: string;
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

/**
 * Runs Funding commands: read the stream, fold, decide, append with the expected revision (the
 * generic handler). Time, ids, the actor and the correlation id come in here, at the edge.
 */
@Injectable()
export class FundingCommands {
  private readonly streams: EventStreamStore;

  constructor(
    @Inject(FUNDING_EVENT_STORE) store: FundingEventStore,
    @Optional() @Inject(FUNDING_APPEND_LISTENER) private readonly listener?: AppendListener,
    @Optional() private readonly metrics?: KitMetrics,
  ) {
    this.streams = streamStore(store);
  }

  async execute<A extends FundingAggregate>(
    aggregate: A,
    id: string,
    command: FundingCommandInput<A>,
    actor: CommandActor,
    options: ExecuteOptions = {},
  ): Promise<DetailedOutcome> {
    const { decider, stream } = FUNDING_AGGREGATES[aggregate];
    const correlationId = options.correlationId ?? RequestContext.commandMetadata().correlationId;
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
      result = await handleCommand(this.streams, decider as AnyDecider, stream(id), full, {
        expectedRevision: options.expectedRevision,
        maxRetries: options.maxRetries,
      });
    } catch (error) {
      this.metrics?.recordCommand('funding', command.type, failureOutcome(error));
      throw error;
    }
    this.metrics?.recordCommand('funding', command.type, result.events.length > 0 ? 'accepted' : 'unchanged');
    const last = result.events[result.events.length - 1];
    if (last) this.listener?.appended(last.globalPosition, last.streamId);
    return {
      revision: result.nextExpectedRevision === 'no_stream' ? -1 : Number(result.nextExpectedRevision),
      position: last ? last.globalPosition : null,
      events: result.events.map((e) => e.type),
      recorded: result.events,
    };
  }

  /** The aggregate's current state folded from its stream, or undefined when the stream is empty. */
  async load<A extends FundingAggregate>(aggregate: A, id: string): Promise<Loaded<StateOf<A>> | undefined> {
    const { decider, stream } = FUNDING_AGGREGATES[aggregate];
    const events = await readOrEmpty(this.streams, stream(id));
    if (events.length === 0) return undefined;
    const state = foldEvents(decider as AnyDecider, events as unknown as DomainEvent[]) as StateOf<A>;
    return { state, revision: events[events.length - 1].revision, events };
  }
}

/** The outcome as the API answers it (without the recorded events). */
export const publicOutcome = ({ revision, position, events }: CommandOutcome): CommandOutcome => ({
  revision,
  position,
  events,
});

const failureOutcome = (error: unknown): 'rejected' | 'conflict' | 'failed' =>
  error instanceof WrongExpectedRevision ? 'conflict' : error instanceof FundingError ? 'rejected' : 'failed';

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
const streamStore = (eventStore: FundingEventStore): EventStreamStore => {
  const orEmpty = (eventStore as Partial<EventStreamStore>).readStreamOrEmpty;
  return {
    readStream: (streamId: string) => eventStore.readStream(streamId),
    ...(orEmpty && { readStreamOrEmpty: orEmpty.bind(eventStore) }),
    appendToStream: eventStore.appendToStream.bind(eventStore),
  };
};
