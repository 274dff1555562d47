import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CommandInput,
  CommandOutcome,
  ContextCommands,
  ExecuteOptions,
  KitMetrics,
  Loaded,
  publicOutcome,
  StateOf,
} from '@tadamon/nest-kit';
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

export type { CommandOutcome, Loaded } from '@tadamon/nest-kit';

/** Each aggregate of the Registry: its decider and how its id names its stream. */
export const REGISTRY_AGGREGATES = {
  association: { decider: associationDecider, stream: associationStreamName },
  contactPerson: { decider: contactPersonDecider, stream: contactPersonStreamName },
  actor: { decider: actorDecider, stream: actorStreamName },
  network: { decider: networkDecider, stream: networkStreamName },
  regionalNeed: { decider: regionalNeedDecider, stream: regionalNeedStreamName },
} as const;
export type RegistryAggregate = keyof typeof REGISTRY_AGGREGATES;
type Aggregates = typeof REGISTRY_AGGREGATES;

/** Commands that normally start their stream: decided without reading it first (see assumeNewStream). */
const CREATING_COMMANDS: ReadonlySet<string> = new Set([
  'RegisterAssociation',
  'RegisterActor',
  'CreateNetwork',
  'PublishRegionalNeed',
  'AddContactPerson',
]);

/** A command as the API builds it: the handler adds the metadata. */
export type RegistryCommandInput<A extends RegistryAggregate> = CommandInput<Aggregates, A>;

/**
 * Runs Registry commands through the kit's ContextCommands: read the stream, fold, decide, append
 * with the expected revision. Time, ids, the actor and the correlation id come in here, at the edge.
 */
@Injectable()
export class RegistryCommands {
  private readonly commands: ContextCommands<Aggregates>;

  constructor(
    @Inject(REGISTRY_EVENT_STORE) store: RegistryEventStore,
    @Optional() @Inject(REGISTRY_APPEND_LISTENER) listener?: AppendListener,
    @Optional() metrics?: KitMetrics,
  ) {
    this.commands = new ContextCommands(REGISTRY_AGGREGATES, store, {
      context: 'registry',
      isDomainError: (error) => error instanceof RegistryError,
      creating: CREATING_COMMANDS,
      listener,
      metrics,
    });
  }

  async execute<A extends RegistryAggregate>(
    aggregate: A,
    id: string,
    command: RegistryCommandInput<A>,
    actor: { id: string; roles: readonly string[] },
    options: Pick<ExecuteOptions, 'expectedRevision' | 'commandId' | 'now' | 'bodyAt'> = {},
  ): Promise<CommandOutcome> {
    return publicOutcome(await this.commands.run(aggregate, id, command, actor, options));
  }

  /** The aggregate's current state folded from its stream, or undefined when the stream is empty. */
  load<A extends RegistryAggregate>(
    aggregate: A,
    id: string,
  ): Promise<Loaded<StateOf<Aggregates, A>> | undefined> {
    return this.commands.load(aggregate, id);
  }
}
