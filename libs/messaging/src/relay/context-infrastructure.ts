import { Logger } from '@nestjs/common';
import { ContextPublication } from '@tadamon/contracts';
import { EventStore, ScheduledLogSeals } from '@tadamon/event-store';
import {
  HealthCheck,
  IdempotencyStore,
  LogSealSettings,
  OpenedResources,
  PoolStats,
  RelayingInfrastructure,
  ServiceConfig,
  ServiceWorker,
} from '@tadamon/nest-kit';
import { MongooseDocumentStore, Projection, ProjectionRunners } from '@tadamon/read-store';
import { EventLog } from '../event-log';
import { MonitoredKafkaRelay } from './monitored-kafka-relay';
import { RelayedLog, relayedLogHealthChecks } from './relayed-log';

/** What every context service of the distributed profile is configured with. */
export interface ContextServiceConfig extends ServiceConfig {
  /** The log is sealed when a key is given (docs/audit.md). */
  logSeals: LogSealSettings;
}

/** What a context brings to its service: what it publishes, its read models, its own state and work. */
export interface ContextWork {
  publication: ContextPublication;
  /** What the relay reads, when it is not the log as stored (a log that adds facts to events). */
  relayLog?: EventLog;
  projections: readonly Projection[];
  /** Pools of the context's own state (a key store, a consumer's inbox), for the db_pool_* gauges. */
  pools?: Record<string, PoolStats | undefined>;
  /** Work of its own beside the relay, the runners and the log sealer (a consumer-group monitor). */
  workers?: ServiceWorker[];
}

/**
 * What a context runs on in the distributed profile: its log, its read models in MongoDB with one
 * projection runner each, the relay of its integration events to Kafka and the log sealer. The
 * context's service opens the log (openRelayedLog) and its own state, then derives from this.
 * The relay, the runners and the sealer start with the app and stop (the sealer sealing what is
 * pending) before the connections close.
 */
export abstract class ContextInfrastructure extends RelayingInfrastructure {
  readonly eventStore: EventStore;
  readonly documents: MongooseDocumentStore;
  readonly idempotency: IdempotencyStore;
  readonly rateLimit: RelayedLog['rateLimit'];
  readonly projections: ProjectionRunners;
  readonly relay: MonitoredKafkaRelay;
  readonly logSeals: ScheduledLogSeals;

  protected constructor(
    readonly config: ContextServiceConfig,
    log: RelayedLog,
    work: ContextWork,
    resources: OpenedResources,
  ) {
    const { eventStore, documents, checkpoints } = log;
    const logger = new Logger('ReadModels');
    const projections = new ProjectionRunners(eventStore, documents, work.projections, (message) =>
      logger.error(message),
    );
    const relay = new MonitoredKafkaRelay({
      publication: work.publication,
      log: work.relayLog ?? eventStore,
      checkpoints,
      kafka: config.kafka,
    });
    const logSeals = new ScheduledLogSeals(eventStore, config.logSeals, new Logger('LogSeals'));
    super(
      {
        relay,
        published: work.publication.categories,
        projections,
        kafkaBrokers: config.kafka.brokers,
        relayCounts: () => relay.relay.metrics(),
        pools: { service: log.pool, ...work.pools },
        workers: [
          ...(work.workers ?? []),
          { dependency: 'the log sealer', start: () => logSeals.start(), stop: () => logSeals.stop() },
        ],
      },
      resources,
    );
    this.projections = projections;
    this.eventStore = eventStore;
    this.documents = documents;
    this.idempotency = log.idempotency;
    this.rateLimit = log.rateLimit;
    this.relay = relay;
    this.logSeals = logSeals;
  }

  /** Readiness of the log, the read models and the relay; a context adds its own state's. */
  healthChecks(): Record<string, HealthCheck> {
    return relayedLogHealthChecks(this, this.relay);
  }
}
