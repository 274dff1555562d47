import {
  fundingPublication,
  partnershipsPublication,
  registryPublication,
  REGISTRY_CONTACTS_TOPIC,
  notificationsPublication,
  trainingPublication,
} from '@tadamon/contracts';
import {
  consumerTransport,
  ConsumerGroupMonitor,
  ConsumerMetrics,
  ContextInfrastructure,
  KafkaEventConsumer,
  openRelayedLog,
  PostgresInbox,
  RelayedLog,
} from '@tadamon/messaging';
import {
  EmailTransport,
  KeyStoreWebhookSecrets,
  notificationsProjections,
  OutboxEmailTransport,
  SmtpEmailTransport,
  UndiciWebhookTransport,
} from '@tadamon/notifications';
import {
  HealthCheck,
  OpenedResources,
  ProgressCheck,
  ServiceWorker,
  servicePostgresPool,
} from '@tadamon/nest-kit';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { PostgresRegistryPeople } from '@tadamon/registry-people';
import { Pool } from 'pg';
import { NotificationsConfig } from '../config';
import { DIRECTORY_CONSUMER } from '../directory/on-registry-directory';
import { RegistryRecipients } from '../directory/registry-recipients';
import { NoticeFactsLog } from './notice-facts-log';

/** What the service opens beside its log: its PostgreSQL state, the key stores and the channels. */
interface NotificationsState {
  pool: Pool;
  inbox: PostgresInbox;
  directory: PostgresRegistryPeople;
  registryKeys: PostgresKeyStore;
  webhookSecrets: KeyStoreWebhookSecrets;
  email: EmailTransport;
  webhooks: UndiciWebhookTransport;
}

const groupWorker = (monitor: ConsumerGroupMonitor, group: string, brokers: string[]): ServiceWorker => ({
  name: group,
  dependency: `the Kafka admin client (KAFKA_BROKERS=${brokers.join(',')})`,
  start: () => undefined,
  stop: () => monitor.disconnect(),
  lag: async () => [{ kind: 'consumer', consumer: group, lag: await monitor.lag() }],
});

/**
 * What Notifications runs on in the distributed profile: the kit's context infrastructure (log,
 * read models, relay of its outcomes with their notices' facts, log sealer), two Kafka consumers
 * with their inboxes in PostgreSQL (the policy's, on every context's topic; the directory's, on the
 * Registry's topic and its contacts topic), the Registry's key store (to open a contact's card when
 * a message goes out), its own key store for webhook secrets, and the email and webhook channels.
 * Everything is opened before the HTTP app is built (a missing server fails the start, naming it).
 */
export class NotificationsInfrastructure extends ContextInfrastructure {
  /** Funding's, Partnerships', the Registry's and Training's topics, to the policy (OnContextEvents). */
  readonly consumer: KafkaEventConsumer<unknown>;
  /** The Registry's topic and its contacts topic, to the directory (OnRegistryDirectory). */
  readonly directoryConsumer: KafkaEventConsumer<unknown>;
  /** The lag of each group (the policy's, the directory's), for /metrics and tests. */
  readonly policyGroup: ConsumerGroupMonitor;
  readonly directoryGroup: ConsumerGroupMonitor;
  readonly directory: PostgresRegistryPeople;
  /** The directory's people as Notifications' recipients (RecipientDirectory). */
  readonly recipients: RegistryRecipients;
  readonly webhookSecrets: KeyStoreWebhookSecrets;
  readonly email: EmailTransport;
  readonly webhooks: UndiciWebhookTransport;
  private readonly registryKeys: PostgresKeyStore;

  private constructor(
    override readonly config: NotificationsConfig,
    log: RelayedLog,
    state: NotificationsState,
    resources: OpenedResources,
  ) {
    const { brokers, group, directoryGroup } = config.kafka;
    const policyGroup = new ConsumerGroupMonitor(brokers, group, [
      fundingPublication.topic,
      partnershipsPublication.topic,
      registryPublication.topic,
      trainingPublication.topic,
    ]);
    const directoryMonitor = new ConsumerGroupMonitor(brokers, directoryGroup, [
      registryPublication.topic,
      REGISTRY_CONTACTS_TOPIC,
    ]);
    super(
      config,
      log,
      {
        publication: notificationsPublication,
        relayLog: new NoticeFactsLog(log.eventStore),
        projections: notificationsProjections,
        pools: {
          consumers: state.pool === log.pool ? undefined : state.pool,
          'key-store': state.registryKeys.pool,
        },
        workers: [
          groupWorker(policyGroup, group, brokers),
          groupWorker(directoryMonitor, directoryGroup, brokers),
        ],
      },
      resources,
    );
    this.policyGroup = policyGroup;
    this.directoryGroup = directoryMonitor;
    this.directory = state.directory;
    this.recipients = new RegistryRecipients(state.directory);
    this.registryKeys = state.registryKeys;
    this.webhookSecrets = state.webhookSecrets;
    this.email = state.email;
    this.webhooks = state.webhooks;
    const consumerOf = (consumerGroup: string, transport: string) => {
      const consumer = new KafkaEventConsumer({
        kafka: { brokers, clientId: consumerGroup },
        group: consumerGroup,
        inbox: state.inbox,
        topics: { partitions: config.kafka.partitions, replicationFactor: config.kafka.replicationFactor },
        recovery: config.kafka.recovery,
        // An idle fetch waits this long at most; shutdown waits for the fetch in flight (kafkajs: 5 s).
        consumer: { maxWaitTimeInMs: 1000 },
      });
      // Two consumers in one app: each takes the handlers bound to its transport only.
      consumer.setTransportId(consumerTransport(transport));
      return consumer;
    };
    this.consumer = consumerOf(group, 'notifications');
    this.directoryConsumer = consumerOf(directoryGroup, DIRECTORY_CONSUMER);
  }

  static open(config: NotificationsConfig): Promise<NotificationsInfrastructure> {
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
      const keyStore = (what: string, variable: string, storeUrl: string) =>
        resources.open(
          `${what} (${variable})`,
          () => PostgresKeyStore.connect(storeUrl),
          (store) => store.close(),
        );
      const registryKeys = await keyStore(
        "the Registry's personal-data key store",
        config.keyStoreUrl === url ? 'DATABASE_URL' : 'TADAMON_KEY_STORE_URL',
        config.keyStoreUrl,
      );
      // The webhook secrets are this service's own: in its database, whatever the Registry's is.
      const ownKeys =
        config.keyStoreUrl === url
          ? registryKeys
          : await keyStore('the webhook secrets key store', 'DATABASE_URL', url);
      const contacts = new PersonalDataCipher(registryKeys, config.masterKey);
      const state = await resources.open(
        "the consumers' inboxes and the contacts directory (DATABASE_URL)",
        async () => ({
          inbox: await PostgresInbox.create(pool),
          directory: await PostgresRegistryPeople.create(pool, contacts, 'tadamon_notifications'),
        }),
      );
      const from = `Tadamon <notifications@${config.mailDomain}>`;
      const email = await resources.open<EmailTransport>(
        config.email.kind === 'smtp' ? 'the SMTP transport (SMTP_URL)' : `the outbox ${config.email.dir}`,
        () =>
          config.email.kind === 'smtp'
            ? new SmtpEmailTransport({ url: config.email.url, from })
            : new OutboxEmailTransport({ dir: config.email.dir, from }),
        (transport) => transport.close(),
      );
      const webhooks = await resources.open(
        'the webhook transport',
        () => new UndiciWebhookTransport({ allowPrivateTargets: config.webhookAllowPrivate }),
        (transport) => transport.close(),
      );
      return new NotificationsInfrastructure(
        config,
        log,
        {
          pool,
          ...state,
          registryKeys,
          webhookSecrets: new KeyStoreWebhookSecrets(ownKeys, config.masterKey),
          email,
          webhooks,
        },
        resources,
      );
    });
  }

  override progressChecks(): Record<string, ProgressCheck> {
    return {
      ...super.progressChecks(),
      consumer: () => this.consumer.stuck(),
      directoryConsumer: () => this.directoryConsumer.stuck(),
    };
  }

  protected override consumerCounts(): Record<string, () => ConsumerMetrics> {
    return {
      [this.config.kafka.group]: () => this.consumer.metrics(),
      [this.config.kafka.directoryGroup]: () => this.directoryConsumer.metrics(),
    };
  }

  override healthChecks(): Record<string, HealthCheck> {
    return {
      ...super.healthChecks(),
      consumer: () => this.consumer.check(),
      directoryConsumer: () => this.directoryConsumer.check(),
      keyStore: async () => void (await this.registryKeys.isErased('health-check')),
    };
  }
}
