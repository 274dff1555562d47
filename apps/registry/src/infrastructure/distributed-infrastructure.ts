import { registryPublication } from '@tadamon/contracts';
import { ContextInfrastructure, RelayedLog, openRelayedLog } from '@tadamon/messaging';
import { HealthCheck, OpenedResources, stateDependency } from '@tadamon/nest-kit';
import { KeyStore, PersonalDataCipher, PostgresKeyStore, SqliteKeyStore } from '@tadamon/personal-data';
import { registryProjections } from '@tadamon/registry';
import { RegistryConfig } from '../config';

/**
 * What the Registry runs on in the distributed profile: the kit's context infrastructure (log,
 * read models, relay, log sealer) and the personal-data key store. Everything is opened before the
 * HTTP app is built (a missing server fails the start, naming it).
 */
export class DistributedInfrastructure extends ContextInfrastructure {
  readonly personalData: PersonalDataCipher;

  private constructor(
    override readonly config: RegistryConfig,
    log: RelayedLog,
    readonly keyStore: KeyStore,
    resources: OpenedResources,
  ) {
    super(
      config,
      log,
      {
        publication: registryPublication,
        projections: registryProjections,
        pools: { 'key-store': keyStore instanceof PostgresKeyStore ? keyStore.pool : undefined },
      },
      resources,
    );
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

  override healthChecks(): Record<string, HealthCheck> {
    return {
      ...super.healthChecks(),
      keyStore: async () => void (await this.keyStore.isErased('health-check')),
    };
  }
}
