import { Logger } from '@nestjs/common';
import { categoryOf } from '@tadamon/eventsourcing';
import { DocumentStore, Projection, ProjectionRunner, ProjectionSource } from '@tadamon/read-store';

export interface ReadModelStatus {
  projection: string;
  /** Global position of the last event reflected. */
  position: number;
  lag: number | undefined;
}

/**
 * The embedded profile's read models: in memory, so each projection is rebuilt from the log at
 * start, then follows it.
 */
export class EmbeddedReadModels {
  private readonly logger = new Logger('ReadModels');
  private readonly runners: ProjectionRunner[];
  /** True once every projection has been rebuilt and follows the log. */
  started = false;
  /** Runners to wake at the end of this turn of the event loop. */
  private readonly toWake = new Set<ProjectionRunner>();
  private waking?: NodeJS.Immediate;

  constructor(source: ProjectionSource, docs: DocumentStore, projections: Projection[]) {
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner(source, docs, projection, {
          onError: (error) => this.logger.error(`${projection.name}: ${error.message}`),
        }),
    );
  }

  async start(): Promise<void> {
    for (const runner of this.runners) {
      const { events, durationMs } = await runner.rebuild();
      this.logger.log(
        `${runner.projection.name}: rebuilt in memory from ${events} events in ${durationMs} ms`,
      );
      runner.start();
    }
    this.started = true;
  }

  /**
   * Wakes the runners that read a local append: those of the stream's category (every runner when
   * the stream is not named), once the current turn of the event loop is done, so the appends of
   * requests handled in one turn are read in one catch-up rather than one each. A runner not woken
   * still polls, so nothing is ever missed; waking one whose categories the append is not in would
   * only cost it an empty read of the log.
   */
  notify(streamId?: string): void {
    const category = streamId === undefined ? undefined : categoryOf(streamId);
    for (const runner of this.runners) {
      const categories = runner.projection.categories;
      if (category === undefined || categories === undefined || categories.includes(category))
        this.toWake.add(runner);
    }
    if (this.toWake.size > 0 && !this.waking) this.waking = setImmediate(() => this.wake());
  }

  private wake(): void {
    this.waking = undefined;
    for (const runner of this.toWake) runner.notify();
    this.toWake.clear();
  }

  async status(): Promise<ReadModelStatus[]> {
    return Promise.all(
      this.runners.map(async (runner) => ({
        projection: runner.projection.name,
        position: (await runner.checkpoint())?.position ?? 0,
        lag: await runner.lag(),
      })),
    );
  }

  async stop(): Promise<void> {
    clearImmediate(this.waking);
    this.waking = undefined;
    this.toWake.clear();
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
