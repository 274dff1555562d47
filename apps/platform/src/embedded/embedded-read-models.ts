import { Logger } from '@nestjs/common';
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

  /** Wakes every runner after a local append. */
  notify(): void {
    for (const runner of this.runners) runner.notify();
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
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
