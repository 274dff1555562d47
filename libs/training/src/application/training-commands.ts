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
import { certificateDecider, certificateStreamName } from '../domain/certificate/certificate';
import { TrainingError } from '../domain/errors';
import { moduleDecider, trainingModuleStreamName } from '../domain/module/module';
import { pathDecider, trainingPathStreamName } from '../domain/path/path';
import { sessionDecider, trainingSessionStreamName } from '../domain/session/session';
import { statusListDecider, statusListStreamName } from '../domain/status-list/status-list';
import {
  AppendListener,
  TRAINING_APPEND_LISTENER,
  TRAINING_EVENT_STORE,
  TrainingEventStore,
} from './training-ports';

/** Each aggregate of Training: its decider and how its id names its stream. */
export const TRAINING_AGGREGATES = {
  module: { decider: moduleDecider, stream: trainingModuleStreamName },
  path: { decider: pathDecider, stream: trainingPathStreamName },
  /** A session owns its seats, attendance, feedback and completion. */
  session: { decider: sessionDecider, stream: trainingSessionStreamName },
  certificate: { decider: certificateDecider, stream: certificateStreamName },
  statusList: { decider: statusListDecider, stream: statusListStreamName },
} as const;
export type TrainingAggregate = keyof typeof TRAINING_AGGREGATES;
type Aggregates = typeof TRAINING_AGGREGATES;
export type TrainingStateOf<A extends TrainingAggregate> = StateIn<Aggregates, A>;
export type TrainingCommandInput<A extends TrainingAggregate> = CommandInput<Aggregates, A>;

/** The platform itself, when a process issues a command (a certificate on completion). */
export const TRAINING_SYSTEM_ACTOR: CommandActor = { id: 'system-training', roles: ['system'] };

/** Commands that normally start their stream: decided without reading it first. */
const CREATING_COMMANDS: ReadonlySet<string> = new Set([
  'DefineModule',
  'DefinePath',
  'ScheduleSession',
  'IssueCertificate',
  'OpenStatusList',
]);

/**
 * Runs Training commands through the kit's ContextCommands: read the stream, fold, decide, append
 * with the expected revision. The commands of one session run one after another in this process,
 * so a crowd enrolling at once all get their answer (a seat or a place on the waiting list).
 */
@Injectable()
export class TrainingCommands {
  private readonly commands: ContextCommands<Aggregates>;

  constructor(
    @Inject(TRAINING_EVENT_STORE) store: TrainingEventStore,
    @Optional() @Inject(TRAINING_APPEND_LISTENER) listener?: AppendListener,
    @Optional() metrics?: KitMetrics,
  ) {
    this.commands = new ContextCommands(TRAINING_AGGREGATES, store, {
      context: 'training',
      isDomainError: (error) => error instanceof TrainingError,
      creating: CREATING_COMMANDS,
      listener,
      metrics,
    });
  }

  execute<A extends TrainingAggregate>(
    aggregate: A,
    id: string,
    command: TrainingCommandInput<A>,
    actor: CommandActor,
    options: ExecuteOptions = {},
  ): Promise<DetailedOutcome> {
    return this.commands.run(aggregate, id, command, actor, options);
  }

  load<A extends TrainingAggregate>(
    aggregate: A,
    id: string,
  ): Promise<Loaded<TrainingStateOf<A>> | undefined> {
    return this.commands.load(aggregate, id);
  }
}
