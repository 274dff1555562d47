import { randomUUID } from 'node:crypto';
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
  guardedOps,
  MingoDocumentStore,
  MongooseDocumentStore,
  Projection,
  ProjectionRunner,
  ProjectionSource,
  ProjectionWrite,
} from '@tadamon/read-store';
import { requireServer } from '@tadamon/testing';
import { ModuleCommand, moduleDecider, trainingModuleStreamName } from '../../domain/module/module';
import { PathCommand, pathDecider, trainingPathStreamName } from '../../domain/path/path';
import { SessionCommand } from '../../domain/session/session-commands';
import { sessionDecider, trainingSessionStreamName } from '../../domain/session/session';

type DataOf<C extends Command, T extends C['type']> = Extract<C, { type: T }>['data'];

/**
 * A log for the catalogue's, sessions' and enrolments' projection specs: commands go through the
 * real deciders (event shapes cannot drift from the domain), their events are recorded in memory
 * with global positions (with gaps) and served to a ProjectionRunner as the event store would.
 */
export class CatalogueLog implements ProjectionSource {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, unknown>();
  private commands = 0;
  now = '2026-02-20T09:00:00.000Z';
  actor = { id: 'officer-1', roles: ['officer'] };

  as(actor: { id: string; roles: string[] }, run: () => void): void {
    const before = this.actor;
    this.actor = actor;
    try {
      run();
    } finally {
      this.actor = before;
    }
  }

  module<T extends ModuleCommand['type']>(type: T, data: DataOf<ModuleCommand, T>): void {
    this.run(moduleDecider, trainingModuleStreamName((data as { moduleId: string }).moduleId), type, data);
  }

  path<T extends PathCommand['type']>(type: T, data: DataOf<PathCommand, T>): void {
    this.run(pathDecider, trainingPathStreamName((data as { pathId: string }).pathId), type, data);
  }

  session<T extends SessionCommand['type']>(type: T, data: DataOf<SessionCommand, T>): void {
    this.run(
      sessionDecider,
      trainingSessionStreamName((data as { sessionId: string }).sessionId),
      type,
      data,
    );
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
    let next = state;
    decider.decide({ type, data, metadata } as C, state).forEach((event, i) => {
      next = decider.evolve(next, event);
      this.events.push({
        id: eventIdFor(commandId, i),
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: event.data,
        metadata: { correlationId: commandId, causationId: commandId, commandId, actor: this.actor },
        streamId,
        revision: this.events.filter((e) => e.streamId === streamId).length,
        globalPosition: this.events.length * 2 + 1,
        recordedAt: this.now,
        prevHash: '',
        hash: '',
      });
    });
    this.states.set(streamId, next);
  }
}

export interface OpenedReadStore {
  docs: DocumentStore;
  close(): Promise<void>;
}

/** mingo in memory, and FerretDB in a database of its own per test (fails, never skips, without it). */
export const READ_STORES: ReadonlyArray<{ name: string; open(): Promise<OpenedReadStore> }> = [
  { name: 'mingo', open: async () => ({ docs: new MingoDocumentStore(), close: async () => undefined }) },
  {
    name: 'FerretDB',
    open: async () => {
      const store = await MongooseDocumentStore.connect(
        requireServer('mongo'),
        `training_${randomUUID().slice(0, 8)}`,
      );
      return {
        docs: store,
        close: async () => {
          await store.dropDatabase();
          await store.close();
        },
      };
    },
  },
];

export async function projectLog(
  log: ProjectionSource,
  projection: Projection,
  docs: DocumentStore,
): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(log, docs, projection, { batchSize: 3 });
  await runner.catchUp();
  return runner;
}

export const hashes = (docs: DocumentStore, projection: Projection): Promise<string[]> =>
  Promise.all(projection.collections.map((c) => collectionHash(docs, c)));

/**
 * Replays the log from the start, rebuilds, and delivers every event again shuffled and reversed:
 * each time the documents stay as they were.
 */
export async function expectReplaysChangeNothing(
  docs: DocumentStore,
  runner: ProjectionRunner,
  events: RecordedEvent[],
): Promise<void> {
  const { projection } = runner;
  const before = await hashes(docs, projection);
  await docs.collection(CHECKPOINTS_COLLECTION).upsert(projection.name, { $set: { position: 0 } });
  await runner.catchUp();
  expect(await hashes(docs, projection)).toEqual(before);
  await runner.rebuild();
  expect(await hashes(docs, projection)).toEqual(before);
  const deliver = async (batch: RecordedEvent[]) => {
    const writes: Array<{ position: number; write: ProjectionWrite }> = batch.flatMap((event) =>
      projection.project(event).map((write) => ({ position: event.globalPosition, write })),
    );
    for (const [name, ops] of guardedOps(writes)) await docs.collection(name).bulk(ops);
  };
  const shuffled = [...events];
  let seed = 7;
  for (let i = shuffled.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  await deliver(shuffled);
  await deliver([...events].reverse());
  expect(await hashes(docs, projection)).toEqual(before);
}
