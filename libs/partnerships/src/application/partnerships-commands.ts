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
import { agreementDecider, agreementStreamName } from '../domain/agreement/agreement';
import { PartnershipsError } from '../domain/errors';
import { programmeDecider, programmeStreamName } from '../domain/programme/programme';
import { projectDecider, projectStreamName } from '../domain/project/project';
import { projectResultsStreamName, resultsDecider } from '../domain/results/results';
import { supportRequestDecider, supportRequestStreamName } from '../domain/support-request/support-request';
import {
  AppendListener,
  PARTNERSHIPS_APPEND_LISTENER,
  PARTNERSHIPS_EVENT_STORE,
  PartnershipsEventStore,
} from './partnerships-ports';

/** Each aggregate of Partnerships: its decider and how its id names its stream. */
export const PARTNERSHIPS_AGGREGATES = {
  agreement: { decider: agreementDecider, stream: agreementStreamName },
  programme: { decider: programmeDecider, stream: programmeStreamName },
  project: { decider: projectDecider, stream: projectStreamName },
  /** One results framework per project, under the project's id. */
  projectResults: { decider: resultsDecider, stream: projectResultsStreamName },
  supportRequest: { decider: supportRequestDecider, stream: supportRequestStreamName },
} as const;
export type PartnershipsAggregate = keyof typeof PARTNERSHIPS_AGGREGATES;
type Aggregates = typeof PARTNERSHIPS_AGGREGATES;
export type PartnershipsStateOf<A extends PartnershipsAggregate> = StateIn<Aggregates, A>;
export type PartnershipsCommandInput<A extends PartnershipsAggregate> = CommandInput<Aggregates, A>;

/** Commands that normally start their stream: decided without reading it first. */
const CREATING_COMMANDS: ReadonlySet<string> = new Set([
  'DraftAgreement',
  'DefineProgramme',
  'OpenProject',
  'OpenProjectFromAward',
  'RequestSupport',
]);

/**
 * Runs Partnerships commands through the kit's ContextCommands: read the stream, fold, decide,
 * append with the expected revision. Time, ids, the actor and the correlation id come in here.
 */
@Injectable()
export class PartnershipsCommands {
  private readonly commands: ContextCommands<Aggregates>;

  constructor(
    @Inject(PARTNERSHIPS_EVENT_STORE) store: PartnershipsEventStore,
    @Optional() @Inject(PARTNERSHIPS_APPEND_LISTENER) listener?: AppendListener,
    @Optional() metrics?: KitMetrics,
  ) {
    this.commands = new ContextCommands(PARTNERSHIPS_AGGREGATES, store, {
      context: 'partnerships',
      isDomainError: (error) => error instanceof PartnershipsError,
      creating: CREATING_COMMANDS,
      listener,
      metrics,
    });
  }

  execute<A extends PartnershipsAggregate>(
    aggregate: A,
    id: string,
    command: PartnershipsCommandInput<A>,
    actor: CommandActor,
    options: ExecuteOptions = {},
  ): Promise<DetailedOutcome> {
    return this.commands.run(aggregate, id, command, actor, options);
  }

  load<A extends PartnershipsAggregate>(
    aggregate: A,
    id: string,
  ): Promise<Loaded<PartnershipsStateOf<A>> | undefined> {
    return this.commands.load(aggregate, id);
  }
}
