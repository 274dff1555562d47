import { Logger } from '@nestjs/common';
import { KitMetrics } from './kit-metrics';

/** One measured lag, for the kit's gauge of its kind. */
export type LagReading =
  | { kind: 'relay'; relay: string; lag: number }
  | { kind: 'projection'; projection: string; lag: number }
  | { kind: 'consumer'; consumer: string; lag: number };

/** Measures some lags (a relay's, the projections', a consumer group's). */
export type LagSource = () => Promise<LagReading[]>;

export interface LagMetricsOptions {
  /** Default 5 s. */
  intervalMs?: number;
  /** A source that has not answered after this long counts as failed. Default 2 s. */
  timeoutMs?: number;
}

interface SourceState {
  measure: LagSource;
  /** The measurement in flight, shared by refreshes that overlap it. */
  measuring?: Promise<LagReading[]>;
  /** The measurement in flight already timed out: the source hangs. */
  hung: boolean;
  /** What the source reported last, removed when it fails. */
  reported: LagReading[];
  failing: boolean;
}

class MeasurementTimeout extends Error {}

/**
 * Keeps the kit's `relay_lag_events`, `projection_lag_events` and `consumer_lag_messages` gauges
 * current. Lag needs reads of the log or the broker, so it is measured on a timer rather than on
 * every scrape. A gauge never shows a stale value: a source that fails or does not answer in time
 * has its series removed (an absent series alerts; a frozen one reassures) and counts in
 * `lag_measurement_failures_total`. A source that hangs (a deadlocked database) is not called
 * again until it answers, and does not hold up the other sources.
 */
export class LagMetrics {
  private readonly logger = new Logger('LagMetrics');
  private readonly sources: Map<string, SourceState>;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly metrics: KitMetrics,
    sources: Record<string, LagSource>,
    options: LagMetricsOptions = {},
  ) {
    this.sources = new Map(
      Object.entries(sources).map(([name, measure]) => [
        name,
        { measure, hung: false, reported: [], failing: false },
      ]),
    );
    this.intervalMs = options.intervalMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  /** Measures every lag now; resolves within the timeout whatever the sources do. */
  refresh(): Promise<void> {
    const refreshing = Promise.all(
      [...this.sources].map(([name, state]) => this.measureSource(name, state)),
    ).then(() => undefined);
    this.refreshing = refreshing;
    return refreshing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  private async measureSource(name: string, state: SourceState): Promise<void> {
    if (state.measuring && state.hung) return this.failed(name, state, 'still not answering');
    const measuring = state.measuring ?? this.startMeasuring(state);
    try {
      const readings = await withTimeout(measuring, this.timeoutMs);
      this.measured(name, state, readings);
    } catch (error) {
      if (error instanceof MeasurementTimeout) state.hung = true;
      this.failed(name, state, (error as Error).message);
    }
  }

  private startMeasuring(state: SourceState): Promise<LagReading[]> {
    const measuring = state.measure();
    state.measuring = measuring;
    state.hung = false;
    const settled = () => {
      if (state.measuring === measuring) state.measuring = undefined;
    };
    measuring.then(settled, settled);
    return measuring;
  }

  private measured(name: string, state: SourceState, readings: LagReading[]): void {
    const now = new Set(readings.map(seriesKey));
    for (const gone of state.reported.filter((reading) => !now.has(seriesKey(reading)))) this.remove(gone);
    for (const reading of readings) this.set(reading);
    state.reported = readings;
    state.failing = false;
    this.metrics.lagMeasuredAt.set({ source: name }, Date.now() / 1000);
  }

  private failed(name: string, state: SourceState, reason: string): void {
    for (const reading of state.reported) this.remove(reading);
    state.reported = [];
    this.metrics.lagMeasurementFailures.inc({ source: name });
    // A dependency down shows in readiness too: one warning when it starts failing is enough.
    if (!state.failing) this.logger.warn(`lag of ${name} not measured, its series removed: ${reason}`);
    state.failing = true;
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

  private remove(reading: LagReading): void {
    switch (reading.kind) {
      case 'relay':
        return this.metrics.relayLag.remove({ relay: reading.relay });
      case 'projection':
        return this.metrics.projectionLag.remove({ projection: reading.projection });
      case 'consumer':
        return this.metrics.consumerLag.remove({ consumer: reading.consumer });
    }
  }
}

const seriesKey = (reading: LagReading): string => {
  switch (reading.kind) {
    case 'relay':
      return `relay:${reading.relay}`;
    case 'projection':
      return `projection:${reading.projection}`;
    case 'consumer':
      return `consumer:${reading.consumer}`;
  }
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MeasurementTimeout(`no answer within ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
