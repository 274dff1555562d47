import {
  Command,
  CommandMetadata,
  Decider,
  DomainEvent,
  eventIdFor,
  RecordedEvent,
} from '@tadamon/eventsourcing';
import {
  CHECKPOINTS_COLLECTION,
  collectionHash,
  DocumentStore,
  Projection,
  ProjectionRunner,
  ProjectionSource,
} from '@tadamon/read-store';
import { AgreementCommand } from '../../domain/agreement/agreement-commands';
import { agreementDecider, agreementStreamName } from '../../domain/agreement/agreement';
import { ProgrammeCommand, programmeDecider, programmeStreamName } from '../../domain/programme/programme';
import { ProjectCommand } from '../../domain/project/project-commands';
import { projectDecider, projectStreamName } from '../../domain/project/project';
import { ResultsCommand } from '../../domain/results/results-commands';
import { projectResultsStreamName, resultsDecider } from '../../domain/results/results';
import { SupportRequestCommand } from '../../domain/support-request/support-request-messages';
import {
  supportRequestDecider,
  supportRequestStreamName,
} from '../../domain/support-request/support-request';

type DataOf<C extends Command, T extends C['type']> = Extract<C, { type: T }>['data'];

/**
 * A log for projection tests: commands go through the real deciders (so event shapes cannot drift
 * from the domain), their events are recorded in memory with global positions (with gaps), and the
 * log serves them to a ProjectionRunner as the event store would.
 */
export class PartnershipsLog implements ProjectionSource {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, unknown>();
  private commands = 0;
  /** The instant the next command is accepted at; tests move it forward. */
  now = '2025-03-01T10:00:00.000Z';
  actor = { id: 'officer-1', roles: ['officer'] };

  /** Runs the next commands as another actor (a signatory, a second officer). */
  as(actorId: string, run: () => void): void {
    const before = this.actor;
    this.actor = { id: actorId, roles: ['officer'] };
    try {
      run();
    } finally {
      this.actor = before;
    }
  }

  agreement<T extends AgreementCommand['type']>(type: T, data: DataOf<AgreementCommand, T>): void {
    const { agreementId } = data as { agreementId: string };
    this.run(agreementDecider, agreementStreamName(agreementId), type, data);
  }

  programme<T extends ProgrammeCommand['type']>(type: T, data: DataOf<ProgrammeCommand, T>): void {
    const { programmeId } = data as { programmeId: string };
    this.run(programmeDecider, programmeStreamName(programmeId), type, data);
  }

  project<T extends ProjectCommand['type']>(type: T, data: DataOf<ProjectCommand, T>): void {
    const id =
      type === 'OpenProjectFromAward'
        ? `award-${(data as { applicationId: string }).applicationId}`
        : (data as { projectId: string }).projectId;
    this.run(projectDecider, projectStreamName(id), type, data);
  }

  results<T extends ResultsCommand['type']>(type: T, data: DataOf<ResultsCommand, T>): void {
    const { projectId } = data as { projectId: string };
    this.run(resultsDecider, projectResultsStreamName(projectId), type, data);
  }

  supportRequest<T extends SupportRequestCommand['type']>(
    type: T,
    data: DataOf<SupportRequestCommand, T>,
  ): void {
    const { requestId } = data as { requestId: string };
    this.run(supportRequestDecider, supportRequestStreamName(requestId), type, data);
  }

  async readAll(options: {
    after?: number;
    maxCount?: number;
    categories?: string[];
    types?: string[];
  }): Promise<RecordedEvent[]> {
    return this.events
      .filter((e) => e.globalPosition > (options.after ?? 0))
      .filter((e) => !options.categories || options.categories.includes(e.streamId.split('-')[0]))
      .filter((e) => !options.types || options.types.includes(e.type))
      .slice(0, options.maxCount ?? Infinity);
  }

  async headPosition(): Promise<number> {
    return this.events.at(-1)?.globalPosition ?? 0;
  }

  private run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    type: C['type'],
    data: C['data'],
  ): void {
    const commandId = `cmd-${++this.commands}`;
    const metadata: CommandMetadata = { commandId, actor: this.actor, now: this.now };
    const state = (this.states.get(streamId) as S | undefined) ?? decider.initialState();
    const decided = decider.decide({ type, data, metadata } as C, state);
    let next = state;
    decided.forEach((event, i) => {
      next = decider.evolve(next, event);
      const revision = this.events.filter((e) => e.streamId === streamId).length;
      this.events.push({
        id: eventIdFor(commandId, i),
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: event.data,
        metadata: { correlationId: commandId, causationId: commandId, commandId, actor: this.actor },
        streamId,
        revision,
        globalPosition: this.events.length * 2 + 1,
        recordedAt: this.now,
        prevHash: '',
        hash: '',
      });
    });
    this.states.set(streamId, next);
  }
}

/** Runs a projection over the log into the store (small batches, to cross them). */
export async function projectLog(
  log: ProjectionSource,
  projection: Projection,
  docs: DocumentStore,
): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(log, docs, projection, { batchSize: 3 });
  await runner.catchUp();
  return runner;
}

/** The collection hashes of a projection's collections. */
export const hashes = (docs: DocumentStore, projection: Projection): Promise<string[]> =>
  Promise.all(projection.collections.map((c) => collectionHash(docs, c)));

/** Replays the whole log as if no checkpoint had been stored: returns the hashes before and after. */
export async function replayFromStart(
  docs: DocumentStore,
  runner: ProjectionRunner,
): Promise<{ before: string[]; after: string[]; replayed: number }> {
  const before = await hashes(docs, runner.projection);
  await docs.collection(CHECKPOINTS_COLLECTION).upsert(runner.projection.name, { $set: { position: 0 } });
  const replayed = await runner.catchUp();
  return { before, after: await hashes(docs, runner.projection), replayed };
}
