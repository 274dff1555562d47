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
  MingoDocumentStore,
  Projection,
  ProjectionRunner,
  ProjectionSource,
} from '@tadamon/read-store';
import { ActorCommand, actorDecider, actorStreamName } from '../../domain/actor/actor';
import {
  AssociationCommand,
  associationDecider,
  associationStreamName,
} from '../../domain/association/association';
import {
  ContactPersonCommand,
  contactPersonDecider,
  contactPersonStreamName,
} from '../../domain/contact-person/contact-person';
import { NetworkCommand, networkDecider, networkStreamName } from '../../domain/network/network';
import {
  RegionalNeedCommand,
  regionalNeedDecider,
  regionalNeedStreamName,
} from '../../domain/regional-need/regional-need';

type DataOf<C extends Command, T extends C['type']> = Extract<C, { type: T }>['data'];

/**
 * A log for projection tests: commands go through the real deciders (so event shapes cannot drift
 * from the domain), the events they decide are recorded in memory with global positions, and the
 * log serves them to a ProjectionRunner as the event store would.
 */
export class RegistryLog implements ProjectionSource {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, unknown>();
  private commands = 0;
  /** The instant the next command is accepted at; tests move it forward. */
  now = '2025-03-01T10:00:00.000Z';
  actor = { id: 'officer-1', roles: ['officer'] };

  association<T extends AssociationCommand['type']>(type: T, data: DataOf<AssociationCommand, T>): void {
    const { associationId } = data as { associationId: string };
    this.run(associationDecider, associationStreamName(associationId), type, data);
  }

  contactPerson<T extends ContactPersonCommand['type']>(
    type: T,
    data: DataOf<ContactPersonCommand, T>,
  ): void {
    const { subjectId } = data as { subjectId: string };
    this.run(contactPersonDecider, contactPersonStreamName(subjectId), type, data);
  }

  actorCommand<T extends ActorCommand['type']>(type: T, data: DataOf<ActorCommand, T>): void {
    const { actorId } = data as { actorId: string };
    this.run(actorDecider, actorStreamName(actorId), type, data);
  }

  network<T extends NetworkCommand['type']>(type: T, data: DataOf<NetworkCommand, T>): void {
    const { networkId } = data as { networkId: string };
    this.run(networkDecider, networkStreamName(networkId), type, data);
  }

  need<T extends RegionalNeedCommand['type']>(type: T, data: DataOf<RegionalNeedCommand, T>): void {
    const { needId } = data as { needId: string };
    this.run(regionalNeedDecider, regionalNeedStreamName(needId), type, data);
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
      const globalPosition = this.events.length * 2 + 1; // gaps are allowed in global positions
      this.events.push({
        id: eventIdFor(commandId, i),
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: event.data,
        metadata: { correlationId: commandId, causationId: commandId, commandId, actor: this.actor },
        streamId,
        revision,
        globalPosition,
        recordedAt: this.now,
        prevHash: '',
        hash: '',
      });
    });
    this.states.set(streamId, next);
  }
}

/** Runs a projection over the log into a fresh in-memory store (small batches, to cross them). */
export async function projectLog(
  log: RegistryLog,
  projection: Projection,
  docs: DocumentStore = new MingoDocumentStore(),
): Promise<{ docs: DocumentStore; runner: ProjectionRunner }> {
  const runner = new ProjectionRunner(log, docs, projection, { batchSize: 3 });
  await runner.catchUp();
  return { docs, runner };
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

/** Every document of the projection's collections, as JSON. */
export async function allDocumentsJson(docs: DocumentStore, projection: Projection): Promise<string> {
  const all = await Promise.all(projection.collections.map((c) => docs.collection(c).find({})));
  return JSON.stringify(all);
}
