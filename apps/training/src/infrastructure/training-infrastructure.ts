import { registryPublication, REGISTRY_CONTACTS_TOPIC, trainingPublication } from '@tadamon/contracts';
import {
  ConsumerGroupMonitor,
  ConsumerMetrics,
  ContextInfrastructure,
  KafkaEventConsumer,
  openRelayedLog,
  PostgresInbox,
  RelayedLog,
} from '@tadamon/messaging';
import { HealthCheck, OpenedResources, ProgressCheck, servicePostgresPool } from '@tadamon/nest-kit';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { PostgresRegistryPeople } from '@tadamon/registry-people';
import { trainingProjections } from '@tadamon/training';
import { Pool } from 'pg';
import { TrainingConfig } from '../config';
import { RegistryTrainees } from '../directory/registry-trainees';

/** What the service opens beside its log: its PostgreSQL state and the Registry's key store. */
interface TrainingState {
  pool: Pool;
  inbox: PostgresInbox;
  people: PostgresRegistryPeople;
  registryKeys: PostgresKeyStore;
  cards: PersonalDataCipher;
}

/**
 * What Training runs on in the distributed profile: the kit's context infrastructure (log, read
 * models, relay of Training's integration events, log sealer), the Kafka consumer of the Registry's
 * public and contacts topics with its inbox and the directory of the Registry's people in
 * PostgreSQL (schema tadamon_training), and the Registry's key store (a trainee's card is opened
 * only to put their name on a certificate). Everything is opened before the HTTP app is built.
 */
export class TrainingInfrastructure extends ContextInfrastructure {
  /** The Registry's topics, delivered to OnRegistryPeople through the inbox. */
  readonly consumer: KafkaEventConsumer<unknown>;
  readonly consumerGroup: ConsumerGroupMonitor;
  readonly people: PostgresRegistryPeople;
  /** The directory's people as Training's trainees (TraineeDirectory). */
  readonly trainees: RegistryTrainees;
  /** Seals a certificate's credential under its trainee's own key (the Registry's key store). */
  readonly credentialSealer: PersonalDataCipher;
  private readonly registryKeys: PostgresKeyStore;

  private constructor(
    override readonly config: TrainingConfig,
    log: RelayedLog,
    state: TrainingState,
    resources: OpenedResources,
  ) {
    const { brokers, group } = config.kafka;
    const consumerGroup = new ConsumerGroupMonitor(brokers, group, [
      registryPublication.topic,
      REGISTRY_CONTACTS_TOPIC,
    ]);
    super(
      config,
      log,
      {
        publication: trainingPublication,
        projections: trainingProjections,
        pools: {
          consumers: state.pool === log.pool ? undefined : state.pool,
          'key-store': state.registryKeys.pool,
        },
        workers: [
          {
            name: 'consumer-group',
            dependency: `the Kafka admin client (KAFKA_BROKERS=${brokers.join(',')})`,
            start: () => undefined,
            stop: () => consumerGroup.disconnect(),
            lag: async () => [{ kind: 'consumer', consumer: group, lag: await consumerGroup.lag() }],
          },
        ],
      },
      resources,
    );
    this.consumerGroup = consumerGroup;
    this.people = state.people;
    this.trainees = new RegistryTrainees(state.people);
    this.credentialSealer = state.cards;
    this.registryKeys = state.registryKeys;
    this.consumer = new KafkaEventConsumer({
      kafka: { brokers, clientId: group },
      group,
      inbox: state.inbox,
      topics: { partitions: config.kafka.partitions, replicationFactor: config.kafka.replicationFactor },
      recovery: config.kafka.recovery,
      // An idle fetch waits this long at most; shutdown waits for the fetch in flight (kafkajs: 5 s).
      consumer: { maxWaitTimeInMs: 1000 },
    });
  }

  static open(config: TrainingConfig): Promise<TrainingInfrastructure> {
    return OpenedResources.openAll(async (resources) => {
      const log = await openRelayedLog(config, resources);
      const url = config.databaseUrl;
      // The log's pool when it is in PostgreSQL; else one of the service's own on DATABASE_URL.
      const pool =
        log.pool ??
        (servicePostgresPool(
          { eventStore: { kind: 'postgres', url }, relayCheckpoints: { kind: 'postgres', url } },
          resources,
        ) as Pool);
      const registryKeys = await resources.open(
        `the Registry's personal-data key store (${config.keyStoreUrl === url ? 'DATABASE_URL' : 'TADAMON_KEY_STORE_URL'})`,
        () => PostgresKeyStore.connect(config.keyStoreUrl),
        (store) => store.close(),
      );
      const cards = new PersonalDataCipher(registryKeys, config.masterKey);
      const state = await resources.open(
        "the consumer's inbox and the directory of the Registry's people (DATABASE_URL)",
        async () => ({
          inbox: await PostgresInbox.create(pool),
          people: await PostgresRegistryPeople.create(pool, cards, 'tadamon_training'),
        }),
      );
      return new TrainingInfrastructure(config, log, { pool, ...state, registryKeys, cards }, resources);
    });
  }

  override progressChecks(): Record<string, ProgressCheck> {
    return { ...super.progressChecks(), registryConsumer: () => this.consumer.stuck() };
  }

  protected override consumerCounts(): Record<string, () => ConsumerMetrics> {
    return { [this.config.kafka.group]: () => this.consumer.metrics() };
  }

  override healthChecks(): Record<string, HealthCheck> {
    return {
      ...super.healthChecks(),
      registryConsumer: () => this.consumer.check(),
      keyStore: async () => void (await this.registryKeys.isErased('health-check')),
    };
  }
}
