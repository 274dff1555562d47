import { Logger } from '@nestjs/common';
import { registryPublication } from '@tadamon/contracts';
import { EventStore, openEventStore, ScheduledLogSeals } from '@tadamon/event-store';
import {
  CheckpointStore,
  MonitoredKafkaRelay,
  PostgresCheckpointStore,
  SqliteCheckpointStore,
} from '@tadamon/messaging';
import {
  eventStoreDependency,
  HealthCheck,
  OpenedResources,
  RelayingInfrastructure,
  servicePostgresPool,
  sqliteStateFile,
  stateDependency,
} from '@tadamon/nest-kit';
import { KeyStore, PersonalDataCipher, PostgresKeyStore, SqliteKeyStore } from '@tadamon/personal-data';
import { CHECKPOINTS_COLLECTION, MongooseDocumentStore, ProjectionRunners } from '@tadamon/read-store';
import { registryProjections } from '@tadamon/registry';
import { Pool } from 'pg';
import { RegistryConfig } from '../config';

/**
 * What the Registry runs on in the distributed profile: the event store, the read models in
 * MongoDB with one projection runner each, the relay to Kafka, the log sealer and the
 * personal-data key store. Everything is opened before the HTTP app is built (a missing server
 * fails the start, naming it); the relay, the runners and the sealer start with the app and stop
 * (the sealer sealing what is pending) before the connections close.
 */
export class DistributedInfrastructure extends RelayingInfrastructure {
  readonly projections: ProjectionRunners;
  readonly relay: MonitoredKafkaRelay;
  readonly logSeals: ScheduledLogSeals;
  readonly personalData: PersonalDataCipher;

  private constructor(
    readonly config: RegistryConfig,
    readonly eventStore: EventStore,
    readonly documents: MongooseDocumentStore,
    readonly keyStore: KeyStore,
    checkpoints: CheckpointStore,
    resources: OpenedResources,
  ) {
    const logger = new Logger('ReadModels');
    const projections = new ProjectionRunners(eventStore, documents, registryProjections, (message) =>
      logger.error(message),
    );
    const relay = new MonitoredKafkaRelay({
      publication: registryPublication,
      log: eventStore,
      checkpoints,
      kafka: config.kafka,
    });
    const logSeals = new ScheduledLogSeals(eventStore, config.logSeals, new Logger('LogSeals'));
    super(
      {
        relay,
        published: registryPublication.categories,
        projections,
        kafkaBrokers: config.kafka.brokers,
        workers: [
          { dependency: 'the log sealer', start: () => logSeals.start(), stop: () => logSeals.stop() },
        ],
      },
      resources,
    );
    this.projections = projections;
    this.relay = relay;
    this.logSeals = logSeals;
    this.personalData = new PersonalDataCipher(keyStore, config.masterKey);
  }

  static open(config: RegistryConfig): Promise<DistributedInfrastructure> {
    return OpenedResources.openAll(async (resources) => {
      const pool = servicePostgresPool(config, resources);
      const eventStore = await resources.open(
        eventStoreDependency(config.eventStore),
        () => openEventStore(config.eventStore, config.eventStore.kind === 'postgres' ? pool : undefined),
        (store) => store.close(),
      );

      const location = config.relayCheckpoints;
      const checkpoints = await resources.open<CheckpointStore>(
        `the relay checkpoints in ${stateDependency(location)}`,
        () =>
          location.kind === 'postgres'
            ? PostgresCheckpointStore.create(pool as Pool)
            : new SqliteCheckpointStore(sqliteStateFile(location.file, resources)),
      );

      const keyLocation = config.keyStore;
      const keyStore = await resources.open<KeyStore>(
        `the personal-data key store in ${stateDependency(keyLocation, 'TADAMON_KEY_STORE_FILE')}`,
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
    });
  }

  healthChecks(): Record<string, HealthCheck> {
    return {
      eventStore: async () => void (await this.eventStore.headPosition()),
      readModels: async () => void (await this.documents.collection(CHECKPOINTS_COLLECTION).get('health')),
      kafkaRelay: () => this.relay.check(),
      keyStore: async () => void (await this.keyStore.isErased('health-check')),
    };
  }
}
