import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type CommandMetricOutcome = 'accepted' | 'unchanged' | 'rejected' | 'conflict' | 'failed';

/** One registry per app (not prom-client's global one), so apps and tests in one process do not collide. */
export class KitMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commandOutcomes = new Counter({
    name: 'commands_total',
    help: 'Commands handled, by bounded context, command type and outcome',
    labelNames: ['context', 'command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly relayLag = new Gauge({
    name: 'relay_lag_events',
    help: 'Events appended to the log but not yet published by the relay',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'consumer_lag_messages',
    help: 'Messages published but not yet handled, per consumer group',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'projection_lag_events',
    help: 'Events in the log that a projection has not applied yet',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  constructor(options: { app?: string } = {}) {
    if (options.app) this.registry.setDefaultLabels({ app: options.app });
  }

  private readonly collectors: (() => Promise<void> | void)[] = [];

  recordCommand(context: string, command: string, outcome: CommandMetricOutcome): void {
    this.commandOutcomes.inc({ context, command, outcome });
  }

  /** Runs before each scrape: lags are read when asked for, not polled. */
  onScrape(collect: () => Promise<void> | void): void {
    this.collectors.push(collect);
  }

  /** The exposition text, after every collector has updated its gauges (a failing one is skipped). */
  async scrape(): Promise<string> {
    await Promise.allSettled(this.collectors.map(async (collect) => collect()));
    return this.registry.metrics();
  }
}
