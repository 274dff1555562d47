import { Logger } from '@nestjs/common';
import { KitMetrics } from '@tadamon/nest-kit';
import { ProjectionRunners } from './projection-runners';
import { RegistryRelay } from './registry-relay';

/**
 * Keeps the kit's `relay_lag_events` and `projection_lag_events` gauges current. Lag needs reads
 * of the log, so it is measured on a timer rather than on every scrape.
 */
export class LagMetrics {
  private readonly logger = new Logger('LagMetrics');
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly metrics: KitMetrics,
    private readonly relay: RegistryRelay,
    private readonly projections: ProjectionRunners,
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  /** Measures both lags now (a refresh already running is awaited instead). */
  refresh(): Promise<void> {
    this.refreshing ??= this.measure().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  private async measure(): Promise<void> {
    try {
      this.metrics.relayLag.set({ relay: this.relay.name }, await this.relay.lag());
      for (const { projection, lag } of await this.projections.status()) {
        if (lag !== undefined) this.metrics.projectionLag.set({ projection }, lag);
      }
    } catch (error) {
      // A dependency down shows in readiness; the gauges keep their last value.
      this.logger.debug(`lag not measured: ${(error as Error).message}`);
    }
  }
}
