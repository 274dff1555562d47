import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { registryPublication } from '@tadamon/contracts';
import { EventStore, openEventStore } from '@tadamon/event-store';
import { categoryOf } from '@tadamon/eventsourcing';
import {
  CheckpointStore,
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
  StateLocation,
} from '@tadamon/nest-kit';
import { KeyStore, PersonalDataCipher, PostgresKeyStore, SqliteKeyStore } from '@tadamon/personal-data';
import { CHECKPOINTS_COLLECTION, MongooseDocumentStore, ProjectionRunners } from '@tadamon/read-store';
import { AppendListener, registryProjections } from '@tadamon/registry';
import { Pool } from 'pg';
import { RegistryConfig } from '../config';
import { RegistryLogSeals } from './registry-log-seals';

const where = (location: StateLocation) =>
  location.kind === 'postgres'
    ? 'PostgreSQL (DATABASE_URL)'
    : `SQLite ${location.file} (TADAMON_SQLITE_FILE)`;

const EVENT_STORE_VARIABLE = {
  postgres: 'DATABASE_URL',
  kurrentdb: 'KURRENTDB_URL',
  sqlite: 'TADAMON_SQLITE_FILE',
};

/**
 * What the Registry runs on in the distributed profile: the event store, the read models in
 * MongoDB with one projection runner each, the relay to Kafka, the log sealer and the
 * personal-data key store. Everything is opened before the HTTP app is built (a missing server
 * fails the start, naming it); the relay, the runners and the sealer start with the app and stop
 * before the connections close.
 */
export class DistributedInfrastructure implements ServiceInfrastructure {
  readonly projections: ProjectionRunners;
  readonly relay: MonitoredKafkaRelay;
  readonly logSeals: RegistryLogSeals;
  readonly personalData: PersonalDataCipher;
  /** Wakes the runners and the relay after a local append instead of waiting for their poll. */
  readonly appendListener: AppendListener;
  private lagMetrics: LagMetrics | undefined;
  private closed = false;

  private constructor(
    readonly config: RegistryConfig,
    readonly eventStore: EventStore,
    readonly documents: MongooseDocumentStore,
    readonly keyStore: KeyStore,
    checkpoints: CheckpointStore,
    private readonly resources: OpenedResources,
  ) {
    const logger = new Logger('ReadModels');
    this.personalData = new PersonalDataCipher(keyStore, config.masterKey);
    this.projections = new ProjectionRunners(eventStore, documents, registryProjections, (message) =>
      logger.error(message),
    );
    this.relay = new MonitoredKafkaRelay({
      publication: registryPublication,
      log: eventStore,
      checkpoints,
      kafka: config.kafka,
    });
    this.logSeals = new RegistryLogSeals(eventStore, config.logSeals);
    this.appendListener = {
      appended: (_position: number, streamId?: string) => {
        this.projections.notify(streamId);
        if (streamId === undefined || registryPublication.categories.includes(categoryOf(streamId)))
          this.relay.wake();
      },
    };
  }

  static async open(config: RegistryConfig): Promise<DistributedInfrastructure> {
    const resources = new OpenedResources();
    try {
      const postgresUrl =
        config.eventStore.kind === 'postgres'
          ? config.eventStore.url
          : config.relayCheckpoints.kind === 'postgres'
            ? config.relayCheckpoints.url
            : undefined;
      let pool: Pool | undefined;
      if (postgresUrl) {
        pool = new Pool({ connectionString: postgresUrl, max: 10 });
        // An idle connection lost (server restart) is dropped by the pool; unheard, it would crash the process.
        pool.on('error', () => undefined);
        const opened = pool;
        resources.onClose(() => opened.end());
      }
      const eventStore = await resources.open(
        `the event store (TADAMON_EVENT_STORE=${config.eventStore.kind}; ${EVENT_STORE_VARIABLE[config.eventStore.kind]})`,
        () => openEventStore(config.eventStore, config.eventStore.kind === 'postgres' ? pool : undefined),
        (store) => store.close(),
      );

      const location = config.relayCheckpoints;
      const checkpoints = await resources.open<CheckpointStore>(
        `the relay checkpoints in ${where(location)}`,
        () =>
          location.kind === 'postgres'
            ? PostgresCheckpointStore.create(pool as Pool)
            : new SqliteCheckpointStore(sqliteDatabase(location.file, resources)),
      );

      const keyLocation = config.keyStore;
      const keyStore = await resources.open<KeyStore>(
        `the personal-data key store in ${
          keyLocation.kind === 'postgres'
            ? 'PostgreSQL (DATABASE_URL)'
            : `${keyLocation.file} (TADAMON_KEY_STORE_FILE)`
        }`,
        () =>
          keyLocation.kind === 'postgres'
            ? PostgresKeyStore.connect(keyLocation.url)
            : new SqliteKeyStore(keyLocation.file),
        (store) => store.close(),
      );

      const documents = await resources.open(
        `the read models (MONGODB_URL, database ${config.readModels.database})`,
        () => MongooseDocumentStore.connect(config.readModels.url, config.readModels.database),
        (store) => store.close(),
      );

      return new DistributedInfrastructure(config, eventStore, documents, keyStore, checkpoints, resources);
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
      keyStore: async () => void (await this.keyStore.isErased('health-check')),
    };
  }

  /** Starts the relay (creating its topic if needed), the projection runners, the sealer and the lag gauges. */
  async start(metrics: KitMetrics): Promise<void> {
    try {
      await this.relay.start();
    } catch (error) {
      throw new StartupError(
        `the relay to Kafka (KAFKA_BROKERS=${this.config.kafka.brokers.join(',')})`,
        error,
      );
    }
    this.projections.start();
    this.logSeals.start();
    this.lagMetrics = new LagMetrics(metrics, [
      async () => [{ kind: 'relay', relay: this.relay.name, lag: await this.relay.lag() }],
      async () =>
        (await this.projections.status()).flatMap(({ projection, lag }) =>
          lag === undefined ? [] : [{ kind: 'projection' as const, projection, lag }],
        ),
    ]);
    this.lagMetrics.start();
  }

  /** Measures the relay and projection lags for /metrics now, rather than at the next tick. */
  async refreshLagMetrics(): Promise<void> {
    await this.lagMetrics?.refresh();
  }

  /**
   * Stops the relay and the runners after their batch in progress and seals what is pending
   * (the HTTP server is closed: nothing is appended after), then closes every connection.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lagMetrics?.stop();
    await Promise.all([this.relay.stop(), this.projections.stop(), this.logSeals.stop()]);
    await this.resources.closeAll();
  }
}

function sqliteDatabase(file: string, resources: OpenedResources): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  resources.onClose(() => void db.close());
  return db;
}
