import { ContentStore, FolderContentStore } from '@tadamon/content-store';
import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  EventStore,
  LogSealer,
  SealWitnessFile,
  sealWitnessView,
  SqliteEventStore,
} from '@tadamon/event-store';
import {
  HealthRegistry,
  KitMetrics,
  LagMetrics,
  SEAL_WITNESS_VIEW,
  SealWitnessSource,
} from '@tadamon/nest-kit';
import { PersonalDataCipher, SqliteKeyStore } from '@tadamon/personal-data';
import { DocumentStore, MingoDocumentStore, Projection } from '@tadamon/read-store';
import { EmbeddedConfig } from './embedded-config';
import { EmbeddedReadModels } from './embedded-read-models';

export const EMBEDDED_CONFIG = Symbol('EMBEDDED_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
export const APPEND_LISTENER = Symbol('APPEND_LISTENER');
/** Documents attached to agreements and projects, kept by their SHA-256 in DATA_DIR/documents. */
export const CONTENT_STORE = Symbol('CONTENT_STORE');

export const LOG_SEALER = Symbol('LOG_SEALER');
export const SEAL_WITNESS = Symbol('SEAL_WITNESS');
/** The personal-data keys (and the webhook secrets, kept the same way): DATA_DIR/keys.db. */
export const KEY_STORE = Symbol('KEY_STORE');
const EMBEDDED_CONFIG_OPTIONS = Symbol('EMBEDDED_CONFIG_OPTIONS');

/** Something the embedded profile opened and closes when it stops. */
export interface Closable {
  close(): void | Promise<void>;
}

export interface EmbeddedOptions {
  config: EmbeddedConfig;
  projections: Projection[];
  /** Seal the log with signed checkpoints every second (default true; tests counting events exactly turn it off). */
  logSeals?: boolean;
  /** Opened before the modules were built (the idempotency store): closed with the profile's stores. */
  alsoClose?: Closable[];
}

/** The embedded profile's infrastructure: a SQLite event store under DATA_DIR, in-memory read models. */
@Module({})
export class EmbeddedModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: EmbeddedReadModels,
    private readonly health: HealthRegistry,
    private readonly metrics: KitMetrics,
    @Inject(LOG_SEALER) private readonly sealer: LogSealer | null,
    @Inject(SEAL_WITNESS) private readonly witness: SealWitnessFile | null,
    @Inject(KEY_STORE) private readonly keyStore: SqliteKeyStore,
    @Inject(CONTENT_STORE) private readonly contentStore: ContentStore,
    @Inject(EMBEDDED_CONFIG_OPTIONS) private readonly options: EmbeddedOptions,
  ) {}

  static forRoot(options: EmbeddedOptions): DynamicModule {
    return {
      module: EmbeddedModule,
      global: true,
      providers: [
        { provide: EMBEDDED_CONFIG, useValue: options.config },
        { provide: EMBEDDED_CONFIG_OPTIONS, useValue: options },
        {
          provide: EVENT_STORE,
          inject: [EMBEDDED_CONFIG],
          useFactory: (config: EmbeddedConfig) => SqliteEventStore.open({ filename: config.eventStoreFile }),
        },
        { provide: DOCUMENT_STORE, useFactory: () => new MingoDocumentStore() },
        {
          provide: CONTENT_STORE,
          inject: [EMBEDDED_CONFIG],
          useFactory: (config: EmbeddedConfig) => FolderContentStore.open({ dir: config.documentsDir }),
        },
        {
          provide: KEY_STORE,
          inject: [EMBEDDED_CONFIG],
          useFactory: (config: EmbeddedConfig) => new SqliteKeyStore(config.keyStoreFile),
        },
        {
          provide: PERSONAL_DATA,
          inject: [KEY_STORE, EMBEDDED_CONFIG],
          useFactory: (keys: SqliteKeyStore, config: EmbeddedConfig) =>
            new PersonalDataCipher(keys, config.masterKey),
        },
        {
          provide: EmbeddedReadModels,
          inject: [EVENT_STORE, DOCUMENT_STORE],
          useFactory: (store: SqliteEventStore, docs: DocumentStore) =>
            new EmbeddedReadModels(store, docs, options.projections),
        },
        {
          provide: SEAL_WITNESS,
          useFactory: () =>
            options.logSeals === false ? null : new SealWitnessFile(options.config.sealWitnessFile),
        },
        {
          provide: LOG_SEALER,
          inject: [EVENT_STORE, SEAL_WITNESS],
          useFactory: (store: EventStore, witness: SealWitnessFile | null) =>
            options.logSeals === false ? null : embeddedSealer(store, options.config, witness),
        },
        {
          provide: SEAL_WITNESS_VIEW,
          inject: [EVENT_STORE, SEAL_WITNESS],
          useFactory: (store: EventStore, witness: SealWitnessFile | null): SealWitnessSource => ({
            witnessView: () => sealWitnessView(store, witness ?? undefined),
          }),
        },
        {
          provide: APPEND_LISTENER,
          inject: [EmbeddedReadModels],
          useFactory: (readModels: EmbeddedReadModels) => ({
            appended: (_position: number, streamId?: string) => readModels.notify(streamId),
          }),
        },
      ],
      exports: [
        EMBEDDED_CONFIG,
        EVENT_STORE,
        DOCUMENT_STORE,
        PERSONAL_DATA,
        KEY_STORE,
        CONTENT_STORE,
        APPEND_LISTENER,
        LOG_SEALER,
        SEAL_WITNESS,
        SEAL_WITNESS_VIEW,
        EmbeddedReadModels,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('eventStore', async () => void (await this.store.headPosition()));
    this.health.register('readModels', () => this.readModels.started);
    // Measured at each scrape (the log is in the process); a read that fails removes the series.
    const lags = new LagMetrics(this.metrics, {
      projections: async () =>
        (await this.readModels.status()).flatMap(({ projection, lag }) =>
          lag === undefined ? [] : [{ kind: 'projection' as const, projection, lag }],
        ),
    });
    this.metrics.onScrape(() => lags.refresh());
    await this.readModels.start();
    this.sealer?.start();
  }

  /** Also after a failed start: every file under DATA_DIR is closed, whatever stopped first. */
  async onApplicationShutdown(): Promise<void> {
    try {
      await this.readModels.stop();
      // Seals what is pending, so the log is sealed up to its head when the platform stops.
      await this.sealer?.stop();
      this.witness?.flush();
    } finally {
      await this.store.close();
      await this.keyStore.close();
      await this.contentStore.close();
      for (const closable of this.options.alsoClose ?? []) await closable.close();
    }
  }
}

/**
 * The embedded profile has one writer: the sealer seals only what this process appended (and its
 * own seals, and what an operator acknowledged with TADAMON_SEAL_ACKNOWLEDGE); anything else is
 * reported loudly and stops the sealing. Each day's latest seal goes to the witness file.
 */
function embeddedSealer(
  store: EventStore,
  config: EmbeddedConfig,
  witness: SealWitnessFile | null,
): LogSealer {
  const logger = new Logger('LogSeals');
  return new LogSealer({
    store,
    privateKey: config.sealPrivateKey,
    onlyOwnWrites: true,
    acknowledge: config.sealAcknowledge,
    stopMarkerFile: config.sealStopMarkerFile,
    onSeal: (seal) => witness?.record(seal),
    onUnaccounted: (_report, message) => logger.error(message),
    onAcknowledgement: (message, ok) => (ok ? logger.warn(message) : logger.error(message)),
    onError: (error) => logger.error(`log not sealed this round: ${error.message} (retrying)`),
  });
}
