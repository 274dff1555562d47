import Database from 'better-sqlite3';
import { registryPublication } from '@tadamon/contracts';
import { EventStore } from '@tadamon/event-store';
import { categoryOf } from '@tadamon/eventsourcing';
import { CheckpointStore, PostgresCheckpointStore, SqliteCheckpointStore } from '@tadamon/messaging';
import { HealthCheck, KitMetrics } from '@tadamon/nest-kit';
import { KeyStore, PersonalDataCipher, PostgresKeyStore, SqliteKeyStore } from '@tadamon/personal-data';
import { CHECKPOINTS_COLLECTION, MongooseDocumentStore } from '@tadamon/read-store';
import { AppendListener, registryProjections } from '@tadamon/registry';
import { Pool } from 'pg';
import { RegistryConfig, StateLocation } from '../config';
import { openEventStore } from './event-store';
import { LagMetrics } from './lag-metrics';
import { ProjectionRunners } from './projection-runners';
import { RegistryRelay } from './registry-relay';

/** A dependency could not be opened at start; the message names it and the variable to check. */
export class StartupError extends Error {
  constructor(dependency: string, cause: unknown) {
    super(`could not open ${dependency}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StartupError';
  }
}

const where = (location: StateLocation) =>
  location.kind === 'postgres'
    ? 'PostgreSQL (DATABASE_URL)'
    : `SQLite ${location.file} (TADAMON_SQLITE_FILE)`;

/**
 * What the Registry runs on in the distributed profile: the event store, the read models in
 * MongoDB with one projection runner each, the relay to Kafka and the personal-data key store.
 * Everything is opened before the HTTP app is built (a missing server fails the start, naming it);
 * the relay and the runners start with the app and stop before the connections close.
 */
export class DistributedInfrastructure {
  readonly projections: ProjectionRunners;
  readonly relay: RegistryRelay;
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
    private readonly closers: Array<() => Promise<void> | void>,
  ) {
    this.personalData = new PersonalDataCipher(keyStore, config.masterKey);
    this.projections = new ProjectionRunners(eventStore, documents, registryProjections);
    this.relay = new RegistryRelay(config.kafka, eventStore, checkpoints);
    this.appendListener = {
      appended: (_position: number, streamId?: string) => {
        this.projections.notify(streamId);
        if (streamId === undefined || registryPublication.categories.includes(categoryOf(streamId)))
          this.relay.wake();
      },
    };
  }

  static async open(config: RegistryConfig): Promise<DistributedInfrastructure> {
    const closers: Array<() => Promise<void> | void> = [];
    const step = async <T>(dependency: string, open: () => Promise<T> | T): Promise<T> => {
      try {
        return await open();
      } catch (error) {
        throw new StartupError(dependency, error);
      }
    };
    try {
      const postgresUrl =
        config.eventStore.kind === 'postgres'
          ? config.eventStore.url
          : config.relayCheckpoints.kind === 'postgres'
            ? config.relayCheckpoints.url
            : undefined;
      let pool: Pool | undefined;
      if (postgresUrl) {
        const opened = new Pool({ connectionString: postgresUrl, max: 10 });
        // An idle connection lost (server restart) is dropped by the pool; unheard, it would crash the process.
        opened.on('error', () => undefined);
        closers.push(() => opened.end());
        pool = opened;
      }
      const eventStore = await step(
        `the event store (TADAMON_EVENT_STORE=${config.eventStore.kind}; ${
          { postgres: 'DATABASE_URL', kurrentdb: 'KURRENTDB_URL', sqlite: 'TADAMON_SQLITE_FILE' }[
            config.eventStore.kind
          ]
        })`,
        () => openEventStore(config.eventStore, config.eventStore.kind === 'postgres' ? pool : undefined),
      );
      closers.push(() => eventStore.close());

      const checkpoints = await step<CheckpointStore>(
        `the relay checkpoints in ${where(config.relayCheckpoints)}`,
        () =>
          config.relayCheckpoints.kind === 'postgres'
            ? PostgresCheckpointStore.create(pool as Pool)
            : new SqliteCheckpointStore(sqliteDatabase(config.relayCheckpoints.file, closers)),
      );

      const keyLocation = config.keyStore;
      const keyStore = await step<KeyStore>(
        `the personal-data key store in ${
          keyLocation.kind === 'postgres'
            ? 'PostgreSQL (DATABASE_URL)'
            : `${keyLocation.file} (TADAMON_KEY_STORE_FILE)`
        }`,
        () =>
          keyLocation.kind === 'postgres'
            ? PostgresKeyStore.connect(keyLocation.url)
            : new SqliteKeyStore(keyLocation.file),
      );
      closers.push(() => keyStore.close());

      const documents = await step(
        `the read models (MONGODB_URL, database ${config.readModels.database})`,
        () => MongooseDocumentStore.connect(config.readModels.url, config.readModels.database),
      );
      closers.push(() => documents.close());

      return new DistributedInfrastructure(config, eventStore, documents, keyStore, checkpoints, closers);
    } catch (error) {
      await closeAll(closers);
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

  /** Starts the relay (creating its topic if needed), the projection runners and the lag gauges. */
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
    this.lagMetrics = new LagMetrics(metrics, this.relay, this.projections);
    this.lagMetrics.start();
  }

  /** Measures the relay and projection lags for /metrics now, rather than at the next tick. */
  async refreshLagMetrics(): Promise<void> {
    await this.lagMetrics?.refresh();
  }

  /** Stops the relay and the runners after their batch in progress, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lagMetrics?.stop();
    await Promise.all([this.relay.stop(), this.projections.stop()]);
    await closeAll(this.closers);
  }
}

function sqliteDatabase(file: string, closers: Array<() => Promise<void> | void>): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  closers.push(() => void db.close());
  return db;
}

/** Closes in the reverse order of opening; one failure does not keep the others open. */
async function closeAll(closers: Array<() => Promise<void> | void>): Promise<void> {
  for (const close of [...closers].reverse()) {
    try {
      await close();
    } catch {
      // closing anyway
    }
  }
}
