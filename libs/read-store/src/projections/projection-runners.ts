import { categoryOf } from '@tadamon/eventsourcing';
import { DocumentStore } from '../document-store';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionSource } from './projection-runner';

export interface ProjectionStatus {
  projection: string;
  version: number;
  /** Global position of the last event reflected. */
  position: number;
  lag: number | undefined;
}

/** A failing runner retries every poll: the same error is logged again only after this long. */
const REPEATED_ERROR_LOG_MS = 30_000;

/**
 * A service's read models: one runner per projection, following the log from its stored
 * checkpoint. A checkpoint of another projection version makes its runner rebuild.
 */
export class ProjectionRunners {
  private readonly runners: ProjectionRunner[];
  private readonly lastLogged = new Map<string, { message: string; at: number }>();

  /** `logError` hears each runner's failures, a repeated one at most every 30 s. */
  constructor(
    source: ProjectionSource,
    docs: DocumentStore,
    projections: readonly Projection[],
    private readonly logError: (message: string) => void,
  ) {
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner(source, docs, projection, {
          onError: (error) => this.failed(projection.name, error),
        }),
    );
  }

  start(): void {
    for (const runner of this.runners) runner.start();
  }

  /** Wakes the runners that read this stream's category after a local append (the others poll). */
  notify(streamId?: string): void {
    const category = streamId === undefined ? undefined : categoryOf(streamId);
    for (const runner of this.runners) {
      const categories = runner.projection.categories;
      if (category === undefined || categories === undefined || categories.includes(category))
        runner.notify();
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.runners.map(async (runner) => ({
        projection: runner.projection.name,
        version: runner.projection.version,
        position: (await runner.checkpoint())?.position ?? 0,
        lag: await runner.lag(),
      })),
    );
  }

  /** Each runner finishes its batch in progress. */
  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  private failed(projection: string, error: Error): void {
    const last = this.lastLogged.get(projection);
    const now = Date.now();
    if (last && last.message === error.message && now - last.at < REPEATED_ERROR_LOG_MS) return;
    this.lastLogged.set(projection, { message: error.message, at: now });
    this.logError(`${projection}: ${error.message} (retrying)`);
  }
}
