import { registryContactsPublication, registryPublication } from '@tadamon/contracts';
import { ContextInfrastructure, MonitoredKafkaRelay, RelayedLog, openRelayedLog } from '@tadamon/messaging';
import { HealthCheck, OpenedResources, ProgressCheck, stateDependency } from '@tadamon/nest-kit';
import { KeyStore, PersonalDataCipher, PostgresKeyStore, SqliteKeyStore } from '@tadamon/personal-data';
import { registryProjections } from '@tadamon/registry';
import { RegistryConfig } from '../config';

/** The second relay's checkpoint: the contacts topic is relayed apart from the public one. */
export const CONTACTS_RELAY_CHECKPOINT = 'relay:registry-contacts';

/**
 * What the Registry runs on in the distributed profile: the kit's context infrastructure (log,
 * read models, relay, log sealer), the relay of its contact persons (sealed cards, for
 * Notifications only) and the personal-data key store. Everything is opened before the HTTP app is
 * built (a missing server fails the start, naming it).
 */
export class DistributedInfrastructure extends ContextInfrastructure {
  readonly personalData: PersonalDataCipher;
  /** `tadamon.registry.contacts.v1`: contact persons with their cards sealed, for Notifications. */
  readonly contactsRelay: MonitoredKafkaRelay;

  private constructor(
    override readonly config: RegistryConfig,
    log: RelayedLog,
    readonly keyStore: KeyStore,
    resources: OpenedResources,
  ) {
    const contactsRelay = new MonitoredKafkaRelay({
      publication: registryContactsPublication,
      log: log.eventStore,
      checkpoints: log.checkpoints,
      kafka: config.kafka,
      checkpointName: CONTACTS_RELAY_CHECKPOINT,
    });
    super(
      config,
      log,
      {
        publication: registryPublication,
        projections: registryProjections,
        pools: { 'key-store': keyStore instanceof PostgresKeyStore ? keyStore.pool : undefined },
        workers: [
          {
            name: 'contacts-relay',
            dependency: `the relay of the Registry's contacts (KAFKA_BROKERS=${config.kafka.brokers.join(',')})`,
            start: () => contactsRelay.start(),
            stop: () => contactsRelay.stop(),
            lag: async () => [{ kind: 'relay', relay: contactsRelay.name, lag: await contactsRelay.lag() }],
          },
        ],
      },
      resources,
    );
    this.contactsRelay = contactsRelay;
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

  override progressChecks(): Record<string, ProgressCheck> {
    return { ...super.progressChecks(), contactsRelay: () => this.contactsRelay.stuck() };
  }

  override healthChecks(): Record<string, HealthCheck> {
    return {
      ...super.healthChecks(),
      kafkaContactsRelay: () => this.contactsRelay.check(),
      keyStore: async () => void (await this.keyStore.isErased('health-check')),
    };
  }
}
