import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { fundingPublication, registryPublication } from '@tadamon/contracts';
import { EventStore, openEventStore } from '@tadamon/event-store';
import { categoryOf } from '@tadamon/eventsourcing';
import { AppendListener, fundingProjections } from '@tadamon/funding';
import {
  CheckpointStore,
  ConsumerGroupMonitor,
  KafkaEventConsumer,
  MonitoredKafkaRelay,
  PostgresCheckpointStore,
  SqliteCheckpointStore,
} from '@tadamon/messaging';
import {
  HealthCheck,
  KitMetrics,
  LagMetrics,
  OpenedResources,
  ServiceInfrastructure,
  StartupError,
} from '@tadamon/nest-kit';
import { CHECKPOINTS_COLLECTION, MongooseDocumentStore, ProjectionRunners } from '@tadamon/read-store';
import { Pool } from 'pg';
import { FundingConfig } from '../config';
import { ConsumerState, openConsumerState } from './consumer-state';

const EVENT_STORE_VARIABLE = {
  postgres: 'DATABASE_URL',
  kurrentdb: 'KURRENTDB_URL',
  sqlite: 'TADAMON_SQLITE_FILE',
};

/**
 * What Funding runs on in the distributed profile: the event store, the read models in MongoDB
 * with one projection runner each, the relay of Funding's integration events to Kafka, and the
 * Kafka consumer of the Registry's events with its inbox and the registry facts. Everything is
 * opened before the HTTP app is built (a missing server fails the start, naming it); the relay
 * and the runners start with the app, the consumer when the app connects it as a microservice.
 */
export class FundingInfrastructure implements ServiceInfrastructure {
  readonly projections: ProjectionRunners;
  readonly relay: MonitoredKafkaRelay;
  /** The Registry's topic, delivered to Funding's policy through the inbox. */
  readonly consumer: KafkaEventConsumer<unknown>;
  readonly consumerGroup: ConsumerGroupMonitor;
  /** Wakes the runners and the relay after a local append instead of waiting for their poll. */
  readonly appendListener: AppendListener;
  private lagMetrics: LagMetrics | undefined;
  private closed = false;

  private constructor(
    readonly config: FundingConfig,
    readonly eventStore: EventStore,
    readonly documents: MongooseDocumentStore,
    readonly consumerState: ConsumerState,
    checkpoints: CheckpointStore,
    private readonly resources: OpenedResources,
  ) {
    const logger = new Logger('ReadModels');
    this.projections = new ProjectionRunners(eventStore, documents, fundingProjections, (message) =>
      logger.error(message),
    );
    this.relay = new MonitoredKafkaRelay({
      publication: fundingPublication,
      log: eventStore,
      checkpoints,
      kafka: config.kafka,
    });
    const { brokers, partitions, replicationFactor, group } = config.kafka;
    this.consumer = new KafkaEventConsumer({
      kafka: { brokers, clientId: group },
      group,
      inbox: consumerState.inbox,
      topics: { partitions, replicationFactor },
      // An idle fetch waits this long at most; shutdown waits for the fetch in flight (kafkajs: 5 s).
      consumer: { maxWaitTimeInMs: 1000 },
    });
    this.consumerGroup = new ConsumerGroupMonitor(brokers, group, [registryPublication.topic]);
    this.appendListener = {
      appended: (_position: number, streamId: string) => {
        this.projections.notify(streamId);
        if (fundingPublication.categories.includes(categoryOf(streamId))) this.relay.wake();
      },
    };
  }

  static async open(config: FundingConfig): Promise<FundingInfrastructure> {
    const resources = new OpenedResources();
    try {
      const postgresUrl =
        config.eventStore.kind === 'postgres'
          ? config.eventStore.url
          : config.consumerState.kind === 'postgres'
            ? config.consumerState.url
            : undefined;
      let pool: Pool | undefined;
      if (postgresUrl) {
        const opened = new Pool({ connectionString: postgresUrl, max: 10 });
        // An idle connection lost (server restart) is dropped by the pool; unheard, it would crash the process.
        opened.on('error', () => undefined);
        resources.onClose(() => opened.end());
        pool = opened;
      }
      const eventStore = await resources.open(
        `the event store (TADAMON_EVENT_STORE=${config.eventStore.kind}; ${EVENT_STORE_VARIABLE[config.eventStore.kind]})`,
        () => openEventStore(config.eventStore, config.eventStore.kind === 'postgres' ? pool : undefined),
        (store) => store.close(),
      );

      const location = config.relayCheckpoints;
      const checkpoints = await resources.open<CheckpointStore>(
        `the relay checkpoints in ${
          location.kind === 'postgres'
            ? 'PostgreSQL (DATABASE_URL)'
            : `SQLite ${location.file} (TADAMON_SQLITE_FILE)`
        }`,
        () => {
          if (location.kind === 'postgres') return PostgresCheckpointStore.create(pool as Pool);
          const db = new Database(location.file, { timeout: 5000 });
          resources.onClose(() => void db.close());
          db.pragma('journal_mode = WAL');
          return new SqliteCheckpointStore(db);
        },
      );

      const consumerState = await openConsumerState(config.consumerState, resources, pool);

      const documents = await resources.open(
        `the read models (MONGODB_URL, database ${config.readModels.database})`,
        () => MongooseDocumentStore.connect(config.readModels.url, config.readModels.database),
        (store) => store.close(),
      );

      return new FundingInfrastructure(config, eventStore, documents, consumerState, checkpoints, resources);
    } catch (error) {
      await resources.closeAll();
      throw error;
    }
  }

  /** One readiness check per dependency. */
  healthChecks(): Record<string, HealthCheck> {
    return {
      eventStore: async () => void (await this.eventStore.headPosition()),
      readModels: async () => void (await this.documents.collection(CHECKPOINTS_COLLECTION).get('health')),
      kafkaRelay: () => this.relay.check(),
      registryConsumer: () => this.consumerGroup.check(),
      registryFacts: async () => void (await this.consumerState.facts.networksOf('health-check')),
    };
  }

  /** Starts the relay (creating its topic if needed), the projection runners and the lag gauges. */
  async start(metrics: KitMetrics): Promise<void> {
    const kafka = `KAFKA_BROKERS=${this.config.kafka.brokers.join(',')}`;
    try {
      await this.relay.start();
    } catch (error) {
      throw new StartupError(`the relay to Kafka (${kafka})`, error);
    }
    try {
      await this.consumerGroup.connect();
    } catch (error) {
      throw new StartupError(`the Kafka admin client (${kafka})`, error);
    }
    this.projections.start();
    this.lagMetrics = new LagMetrics(metrics, [
      async () => [{ kind: 'relay', relay: this.relay.name, lag: await this.relay.lag() }],
      async () => [
        { kind: 'consumer', consumer: this.consumerGroup.group, lag: await this.consumerGroup.lag() },
      ],
      async () =>
        (await this.projections.status()).flatMap(({ projection, lag }) =>
          lag === undefined ? [] : [{ kind: 'projection' as const, projection, lag }],
        ),
    ]);
    this.lagMetrics.start();
  }

  /** Measures the relay, consumer and projection lags for /metrics now, rather than at the next tick. */
  async refreshLagMetrics(): Promise<void> {
    await this.lagMetrics?.refresh();
  }

  /**
   * Stops the relay and the runners after their batch in progress, then closes every connection.
   * The consumer, a microservice of the app, is closed by Nest before this runs.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lagMetrics?.stop();
    await Promise.all([this.relay.stop(), this.projections.stop(), this.consumerGroup.disconnect()]);
    await this.resources.closeAll();
  }
}
