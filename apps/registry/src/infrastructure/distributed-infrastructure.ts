import { Logger } from '@nestjs/common';
import { registryPublication } from '@tadamon/contracts';
import { EventStore, ScheduledLogSeals } from '@tadamon/event-store';
import { MonitoredKafkaRelay, RelayedLog, openRelayedLog, relayedLogHealthChecks } from '@tadamon/messaging';
import {
  HealthCheck,
  IdempotencyStore,
  OpenedResources,
  RelayingInfrastructure,
  stateDependency,
} from '@tadamon/nest-kit';
import { KeyStore, PersonalDataCipher, PostgresKeyStore, SqliteKeyStore } from '@tadamon/personal-data';
import { MongooseDocumentStore, ProjectionRunners } from '@tadamon/read-store';
import { registryProjections } from '@tadamon/registry';
import { RegistryConfig } from '../config';

/**
 * What the Registry runs on in the distributed profile: the event store, the read models in
 * MongoDB with one projection runner each, the relay to Kafka, the log sealer and the
 * personal-data key store. Everything is opened before the HTTP app is built (a missing server
 * fails the start, naming it); the relay, the runners and the sealer start with the app and stop
 * (the sealer sealing what is pending) before the connections close.
 */
export class DistributedInfrastructure extends RelayingInfrastructure {
  readonly eventStore: EventStore;
  readonly documents: MongooseDocumentStore;
  readonly idempotency: IdempotencyStore;
  readonly rateLimit: RelayedLog['rateLimit'];
  readonly projections: ProjectionRunners;
  readonly relay: MonitoredKafkaRelay;
  readonly logSeals: ScheduledLogSeals;
  readonly personalData: PersonalDataCipher;

  private constructor(
    readonly config: RegistryConfig,
    log: RelayedLog,
    readonly keyStore: KeyStore,
    resources: OpenedResources,
  ) {
    const { eventStore, documents, checkpoints } = log;
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
        relayCounts: () => relay.relay.metrics(),
        pools: {
          service: log.pool,
          'key-store': keyStore instanceof PostgresKeyStore ? keyStore.pool : undefined,
        },
        workers: [
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
    this.personalData = new PersonalDataCipher(keyStore, config.masterKey);
  }

  static open(config: RegistryConfig): Promise<DistributedInfrastructure> {
    return OpenedResources.openAll(async (resources) => {
      const log = await openRelayedLog(config, resources);

      const keyLocation = config.keyStore;
      const keyStore = await resources.open<KeyStore>(
        `the personal-data key store in ${stateDependency(keyLocation, 'TADAMON_KEY_STORE_FILE')}`,
        () =>
          keyLocation.kind === 'postgres'
            ? PostgresKeyStore.connect(keyLocation.url)
            : new SqliteKeyStore(keyLocation.file),
        (store) => store.close(),
      );

      return new DistributedInfrastructure(config, log, keyStore, resources);
    });
  }

  healthChecks(): Record<string, HealthCheck> {
    return {
      ...relayedLogHealthChecks(this, this.relay),
      keyStore: async () => void (await this.keyStore.isErased('health-check')),
    };
  }
}
