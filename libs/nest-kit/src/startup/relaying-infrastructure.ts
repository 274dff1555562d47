import Database from 'better-sqlite3';
import { categoryOf } from '@tadamon/eventsourcing';
import { Pool } from 'pg';
import { HealthCheck, ProgressCheck } from '../health/health-registry';
import { EventStoreLocation, StateLocation } from '../config/service-variables';
import { KitMetrics } from '../metrics/kit-metrics';
import { LagMetrics, LagSource } from '../metrics/lag-metrics';
import { ConsumerCounts, RelayCounts } from '../metrics/operator-counts';
import { PoolStats } from '../metrics/pool-stats';
import { OpenedResources } from './opened-resources';
import { ServiceInfrastructure } from './service-infrastructure.module';
import { StartupError } from './startup-error';

/** The relay of a service's log to its context topic, as its infrastructure drives it. */
export interface ServiceRelay {
  readonly name: string;
  /** Creates the topic if needed and starts relaying from the checkpoint. */
  start(): Promise<void>;
  wake(): void;
  lag(): Promise<number>;
  /** Liveness: why the relay can make no progress, or undefined. */
  stuck?(): string | undefined;
  /** Finishes the batch in progress. */
  stop(): Promise<void>;
}

/** A service's projection runners, as its infrastructure drives them. */
export interface ServiceProjections {
  start(): void;
  notify(streamId?: string): void;
  status(): Promise<{ projection: string; lag: number | undefined }[]>;
  /** Each runner finishes its batch in progress. */
  stop(): Promise<void>;
}

/** Background work of a service's own beside its relay and runners (a sealer, a consumer-group monitor). */
export interface ServiceWorker {
  /** Started after the relay, before the runners; a failure is a StartupError naming `dependency`. */
  start(): Promise<void> | void;
  stop(): Promise<void>;
  /** What a failed start could not reach, with its variable. */
  dependency: string;
  lag?: LagSource;
  /** Names its lag source in lag_measurement_* (default `worker-<index>`). */
  name?: string;
}

export interface RelayingWork {
  relay: ServiceRelay;
  /** The stream categories the relay publishes: an append to another stream does not wake it. */
  published: readonly string[];
  projections: ServiceProjections;
  kafkaBrokers: string[];
  workers?: ServiceWorker[];
  /** The relay's running totals, for the relay_* counters of /metrics. */
  relayCounts?: () => RelayCounts;
  /** The PostgreSQL pools the service holds, by name, for the db_pool_* gauges (undefined: none). */
  pools?: Record<string, PoolStats | undefined>;
}

/**
 * A service of the distributed profile: its log relayed to its topic, its read models kept by
 * projection runners, maybe workers of its own. Everything is opened before the HTTP app is built;
 * the relay, the workers and the runners start with the app (with the lag gauges), and stop after
 * their batch in progress before the connections close.
 */
export abstract class RelayingInfrastructure implements ServiceInfrastructure {
  /** Wakes the runners and the relay after a local append instead of waiting for their poll. */
  readonly appendListener: { appended(position: number, streamId: string): void };
  private lagMetrics: LagMetrics | undefined;
  private closed = false;

  protected constructor(
    private readonly work: RelayingWork,
    private readonly resources: OpenedResources,
  ) {
    this.appendListener = {
      appended: (_position: number, streamId?: string) => {
        work.projections.notify(streamId);
        if (streamId === undefined || work.published.includes(categoryOf(streamId))) work.relay.wake();
      },
    };
  }

  /** One readiness check per dependency. */
  abstract healthChecks(): Record<string, HealthCheck>;

  /** Liveness: the relay's; a service with more background work adds its own. */
  progressChecks(): Record<string, ProgressCheck> {
    const { relay } = this.work;
    return relay.stuck ? { relay: () => relay.stuck?.() } : {};
  }

  /** The running totals of the service's consumers, by consumer, for consumer_messages_total. */
  protected consumerCounts(): Record<string, () => ConsumerCounts> {
    return {};
  }

  /** Starts the relay (creating its topic if needed), the workers, the runners and the lag gauges. */
  async start(metrics: KitMetrics): Promise<void> {
    const { relay, projections, workers = [] } = this.work;
    try {
      // Kafka need not answer yet: the relay catches up once it does (readiness says meanwhile).
      await relay.start();
    } catch (error) {
      throw new StartupError(
        `the relay's checkpoint (relay to KAFKA_BROKERS=${this.work.kafkaBrokers.join(',')})`,
        error,
      );
    }
    for (const worker of workers) {
      try {
        await worker.start();
      } catch (error) {
        throw new StartupError(worker.dependency, error);
      }
    }
    projections.start();
    const workerLags = workers.flatMap((worker, index): [string, LagSource][] =>
      worker.lag ? [[worker.name ?? `worker-${index}`, worker.lag]] : [],
    );
    this.lagMetrics = new LagMetrics(metrics, {
      relay: async () => [{ kind: 'relay', relay: relay.name, lag: await relay.lag() }],
      ...Object.fromEntries(workerLags),
      projections: async () =>
        (await projections.status()).flatMap(({ projection, lag }) =>
          lag === undefined ? [] : [{ kind: 'projection' as const, projection, lag }],
        ),
    });
    this.lagMetrics.start();
    if (this.work.relayCounts) metrics.trackRelay(relay.name, this.work.relayCounts);
    for (const [consumer, counts] of Object.entries(this.consumerCounts()))
      metrics.trackConsumer(consumer, counts);
    for (const [name, pool] of Object.entries(this.work.pools ?? {})) if (pool) metrics.trackPool(name, pool);
  }

  /** Measures the lags for /metrics now, rather than at the next tick. */
  async refreshLagMetrics(): Promise<void> {
    await this.lagMetrics?.refresh();
  }

  /**
   * Stops the relay, the runners and the workers after their batch in progress (the HTTP server,
   * and any consumer connected as a microservice, are closed before), then closes every connection.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lagMetrics?.stop();
    const { relay, projections, workers = [] } = this.work;
    await Promise.all([relay.stop(), projections.stop(), ...workers.map((worker) => worker.stop())]);
    await this.resources.closeAll();
  }
}

const EVENT_STORE_VARIABLE = {
  postgres: 'DATABASE_URL',
  kurrentdb: 'KURRENTDB_URL',
  sqlite: 'TADAMON_SQLITE_FILE',
};

/** The event store and the variable to check, for a StartupError. */
export const eventStoreDependency = (location: EventStoreLocation): string =>
  `the event store (TADAMON_EVENT_STORE=${location.kind}; ${EVENT_STORE_VARIABLE[location.kind]})`;

/** Where a piece of the service's state is, with the variable to check, for a StartupError. */
export const stateDependency = (location: StateLocation, fileVariable = 'TADAMON_SQLITE_FILE'): string =>
  location.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${location.file} (${fileVariable})`;

/** A SQLite file of the service's state (WAL, waits 5 s for a lock), closed with the others. */
export function sqliteStateFile(file: string, resources: OpenedResources): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  resources.onClose(() => void db.close());
  db.pragma('journal_mode = WAL');
  return db;
}

/**
 * The service's one PostgreSQL pool, for its log and its own state, when they are in PostgreSQL
 * (the state is there whenever there is a DATABASE_URL beside a non-SQLite log); closed with the others.
 */
/** How long a request waits for a client of the service's pool before it answers 503. */
export const POOL_ACQUIRE_TIMEOUT_MS = 5_000;
/** The service pool's sessions: a lock waited for 10 s at most, a transaction idle 60 s at most. */
export const SESSION_TIMEOUTS = '-c lock_timeout=10s -c idle_in_transaction_session_timeout=60s';

export function servicePostgresPool(
  config: { eventStore: EventStoreLocation; relayCheckpoints: StateLocation },
  resources: OpenedResources,
  sizing: { max?: number; acquireTimeoutMs?: number } = {},
): Pool | undefined {
  const { eventStore, relayCheckpoints } = config;
  const url =
    eventStore.kind === 'postgres'
      ? eventStore.url
      : relayCheckpoints.kind === 'postgres'
        ? relayCheckpoints.url
        : undefined;
  if (url === undefined) return undefined;
  const pool = new Pool({
    connectionString: url,
    max: sizing.max ?? 10,
    // Nothing waits for ever: no client in time (a pool exhausted, a server down) answers 503.
    connectionTimeoutMillis: sizing.acquireTimeoutMs ?? POOL_ACQUIRE_TIMEOUT_MS,
    // Nor for a lock (55P03, answered 503 too), and a transaction left idle while it holds locks
    // is ended by the server, so what it held is freed even if this process cannot.
    options: SESSION_TIMEOUTS,
  });
  // A connection lost (a server restart) fails the query of the client in use and is dropped by the
  // pool when idle; unheard, either would crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  resources.onClose(() => pool.end());
  return pool;
}
