import { Logger } from '@nestjs/common';
import { KitMetrics } from './kit-metrics';

/** One measured lag, for the kit's gauge of its kind. */
export type LagReading =
  | { kind: 'relay'; relay: string; lag: number }
  | { kind: 'projection'; projection: string; lag: number }
  | { kind: 'consumer'; consumer: string; lag: number };

/** Measures some lags (a relay's, the projections', a consumer group's). */
export type LagSource = () => Promise<LagReading[]>;

/**
 * Keeps the kit's `relay_lag_events`, `projection_lag_events` and `consumer_lag_messages` gauges
 * current. Lag needs reads of the log or the broker, so it is measured on a timer rather than on
 * every scrape.
 */
export class LagMetrics {
  private readonly logger = new Logger('LagMetrics');
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly metrics: KitMetrics,
    private readonly sources: LagSource[],
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  /** Measures every lag now (a refresh already running is awaited instead). */
  refresh(): Promise<void> {
    this.refreshing ??= this.measure().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  private async measure(): Promise<void> {
    await Promise.all(
      this.sources.map(async (source) => {
        try {
          for (const reading of await source()) this.set(reading);
        } catch (error) {
          // A dependency down shows in readiness; its gauges keep their last value.
          this.logger.debug(`lag not measured: ${(error as Error).message}`);
        }
      }),
    );
  }

  private set(reading: LagReading): void {
    switch (reading.kind) {
      case 'relay':
        return this.metrics.relayLag.set({ relay: reading.relay }, reading.lag);
      case 'projection':
        return this.metrics.projectionLag.set({ projection: reading.projection }, reading.lag);
      case 'consumer':
        return this.metrics.consumerLag.set({ consumer: reading.consumer }, reading.lag);
    }
  }
}
