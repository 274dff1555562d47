import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CommandActor,
  CommandInput,
  ContextCommands,
  DetailedOutcome,
  ExecuteOptions,
  KitMetrics,
  Loaded,
  StateOf as StateIn,
} from '@tadamon/nest-kit';
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

export type {
  CommandActor,
  CommandOutcome,
  DetailedOutcome,
  ExecuteOptions,
  Loaded,
} from '@tadamon/nest-kit';
export { publicOutcome } from '@tadamon/nest-kit';

/** Each aggregate of Funding: its decider and how its id names its stream. */
export const FUNDING_AGGREGATES = {
  budgetEnvelope: { decider: budgetEnvelopeDecider, stream: budgetEnvelopeStreamName },
  callForProposals: { decider: callForProposalsDecider, stream: callForProposalsStreamName },
  grantApplication: { decider: grantApplicationDecider, stream: grantApplicationStreamName },
} as const;
export type FundingAggregate = keyof typeof FUNDING_AGGREGATES;
type Aggregates = typeof FUNDING_AGGREGATES;
export type StateOf<A extends FundingAggregate> = StateIn<Aggregates, A>;

/** A command as the API builds it: the handler adds the metadata. */
export type FundingCommandInput<A extends FundingAggregate> = CommandInput<Aggregates, A>;

/** Commands that normally start their stream: decided without reading it first (see assumeNewStream). */
const CREATING_COMMANDS: ReadonlySet<string> = new Set([
  'OpenBudgetEnvelope',
  'DraftCallForProposals',
  'DraftGrantApplication',
]);

/**
 * Runs Funding commands through the kit's ContextCommands: read the stream, fold, decide, append
 * with the expected revision. Time, ids, the actor and the correlation id come in here, at the edge.
 */
@Injectable()
export class FundingCommands {
  private readonly commands: ContextCommands<Aggregates>;

  constructor(
    @Inject(FUNDING_EVENT_STORE) store: FundingEventStore,
    @Optional() @Inject(FUNDING_APPEND_LISTENER) listener?: AppendListener,
    @Optional() metrics?: KitMetrics,
  ) {
    this.commands = new ContextCommands(FUNDING_AGGREGATES, store, {
      context: 'funding',
      isDomainError: (error) => error instanceof FundingError,
      creating: CREATING_COMMANDS,
      listener,
      metrics,
    });
  }

  /** Runs the command; the outcome carries the events it recorded (publicOutcome strips them). */
  execute<A extends FundingAggregate>(
    aggregate: A,
    id: string,
    command: FundingCommandInput<A>,
    actor: CommandActor,
    options: ExecuteOptions = {},
  ): Promise<DetailedOutcome> {
    return this.commands.run(aggregate, id, command, actor, options);
  }

  /** The aggregate's current state folded from its stream, or undefined when the stream is empty. */
  load<A extends FundingAggregate>(aggregate: A, id: string): Promise<Loaded<StateOf<A>> | undefined> {
    return this.commands.load(aggregate, id);
  }
}
