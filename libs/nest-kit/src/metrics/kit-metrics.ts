import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ConsumerCounts, counterSeries, countsFeeder, RelayCounts } from './operator-counts';
import { PG_DEFAULT_POOL_MAX, PoolStats } from './pool-stats';

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

  readonly lagMeasurementFailures = new Counter({
    name: 'lag_measurement_failures_total',
    help: 'Lag measurements that failed or timed out, per source (its lag series are removed meanwhile)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly lagMeasuredAt = new Gauge({
    name: 'lag_measured_timestamp_seconds',
    help: 'When a lag source was last measured successfully (Unix time)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly consumerMessages = new Counter({
    name: 'consumer_messages_total',
    help: 'Messages of a consumer by outcome: processed, duplicate (already in the inbox), retried (a failed attempt tried again), dead_lettered',
    labelNames: ['consumer', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly relayEventsPublished = new Counter({
    name: 'relay_events_published_total',
    help: 'Integration events the relay had acknowledged by Kafka (a re-sent event counts again)',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });

  readonly relayBatches = new Counter({
    name: 'relay_batches_total',
    help: 'Batches the relay read, sent and checkpointed',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });

  readonly relaySendFailures = new Counter({
    name: 'relay_send_failures_total',
    help: 'Relay batches that failed (each re-sent from the checkpoint after a backoff)',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });

  readonly relayReconnects = new Counter({
    name: 'relay_reconnects_total',
    help: 'Kafka producers the relay created after a failure',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });

  readonly dbPoolConnections = new Gauge({
    name: 'db_pool_connections',
    help: 'Clients of a PostgreSQL pool: total open, idle, and requests waiting for one',
    labelNames: ['pool', 'state'] as const,
    registers: [this.registry],
  });

  readonly dbPoolMax = new Gauge({
    name: 'db_pool_max',
    help: 'Most clients a PostgreSQL pool opens',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  /** `processMetrics`: prom-client's default process and Node.js series (event-loop lag, heap, CPU...). */
  constructor(options: { app?: string; processMetrics?: boolean } = {}) {
    if (options.app) this.registry.setDefaultLabels({ app: options.app });
    if (options.processMetrics)
      collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  private readonly collectors: (() => Promise<void> | void)[] = [];

  recordCommand(context: string, command: string, outcome: CommandMetricOutcome): void {
    this.commandOutcomes.inc({ context, command, outcome });
  }

  /** Runs before each scrape: lags are read when asked for, not polled. */
  onScrape(collect: () => Promise<void> | void): void {
    this.collectors.push(collect);
  }

  /** A relay's running totals as the relay_* counters, read at each scrape. */
  trackRelay(relay: string, read: () => RelayCounts): void {
    this.onScrape(
      countsFeeder(read, {
        published: counterSeries(this.relayEventsPublished, { relay }),
        batches: counterSeries(this.relayBatches, { relay }),
        sendFailures: counterSeries(this.relaySendFailures, { relay }),
        reconnects: counterSeries(this.relayReconnects, { relay }),
      }),
    );
  }

  /** A consumer's running totals as consumer_messages_total, read at each scrape. */
  trackConsumer(consumer: string, read: () => ConsumerCounts): void {
    const outcome = (name: string) => counterSeries(this.consumerMessages, { consumer, outcome: name });
    this.onScrape(
      countsFeeder(read, {
        processed: outcome('processed'),
        duplicates: outcome('duplicate'),
        retries: outcome('retried'),
        deadLettered: outcome('dead_lettered'),
      }),
    );
  }

  /** A PostgreSQL pool's clients as db_pool_connections and db_pool_max, read at each scrape. */
  trackPool(pool: string, stats: PoolStats): void {
    this.onScrape(() => {
      this.dbPoolConnections.set({ pool, state: 'total' }, stats.totalCount);
      this.dbPoolConnections.set({ pool, state: 'idle' }, stats.idleCount);
      this.dbPoolConnections.set({ pool, state: 'waiting' }, stats.waitingCount);
      this.dbPoolMax.set({ pool }, stats.options.max ?? PG_DEFAULT_POOL_MAX);
    });
  }

  /** The exposition text, after every collector has updated its gauges (a failing one is skipped). */
  async scrape(): Promise<string> {
    await Promise.allSettled(this.collectors.map(async (collect) => collect()));
    return this.registry.metrics();
  }
}
