import {
  DynamicModule,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ContextPublication,
  fundingPublication,
  partnershipsPublication,
  registryPublication,
  trainingPublication,
} from '@tadamon/contracts';
import { EventStore } from '@tadamon/event-store';
import { SqliteRegistryFacts } from '@tadamon/funding';
import { SqliteRegistryDirectory } from '@tadamon/partnerships';
import {
  EmbeddedEventTransport,
  SqliteCheckpointStore,
  SqliteDeadLetterStore,
  SqliteInbox,
} from '@tadamon/messaging';
import { HealthRegistry, KitMetrics, LagMetrics } from '@tadamon/nest-kit';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { EmbeddedConfig } from './embedded-config';
import { EVENT_STORE } from './embedded.module';

/** Funding's consumer database: its inbox, checkpoints, dead letters and Registry facts. */
export const FUNDING_CONSUMER_DATABASE = Symbol('FUNDING_CONSUMER_DATABASE');
export const FUNDING_REGISTRY_FACTS_STORE = Symbol('FUNDING_REGISTRY_FACTS_STORE');
/** The in-process transport delivering the Registry's integration events to Funding's policy. */
export const FUNDING_EVENTS_TRANSPORT = Symbol('FUNDING_EVENTS_TRANSPORT');
/** Partnerships' consumer database: its inbox, checkpoints, dead letters and Registry directory. */
export const PARTNERSHIPS_CONSUMER_DATABASE = Symbol('PARTNERSHIPS_CONSUMER_DATABASE');
export const PARTNERSHIPS_REGISTRY_DIRECTORY_STORE = Symbol('PARTNERSHIPS_REGISTRY_DIRECTORY_STORE');
/** The in-process transport delivering Funding's and the Registry's events to Partnerships' policies. */
export const PARTNERSHIPS_EVENTS_TRANSPORT = Symbol('PARTNERSHIPS_EVENTS_TRANSPORT');
/** Notifications' consumer database (inbox, checkpoints, dead letters) and its transport of every topic. */
export const NOTIFICATIONS_CONSUMER_DATABASE = Symbol('NOTIFICATIONS_CONSUMER_DATABASE');
export const NOTIFICATIONS_EVENTS_TRANSPORT = Symbol('NOTIFICATIONS_EVENTS_TRANSPORT');

/** The integration events in-process consumers may listen to (one publication per topic). */
export const EMBEDDED_PUBLICATIONS: readonly ContextPublication[] = [
  registryPublication,
  fundingPublication,
  partnershipsPublication,
  trainingPublication,
];

/**
 * Each in-process consumer: its name (inbox and checkpoint key), its SQLite file under DATA_DIR,
 * the topics it delivers (an app holds every context's handlers; each transport takes its own, and
 * of the Registry's topic, which both take, the handlers bound to it by consumerTransport), and the
 * tokens of its database and transport. create-app.ts connects each transport.
 */
export const EMBEDDED_CONSUMERS = [
  {
    consumer: 'funding',
    file: 'funding.db',
    topics: [registryPublication.topic],
    database: FUNDING_CONSUMER_DATABASE,
    transport: FUNDING_EVENTS_TRANSPORT,
  },
  {
    consumer: 'partnerships',
    file: 'partnerships.db',
    topics: [fundingPublication.topic, registryPublication.topic],
    database: PARTNERSHIPS_CONSUMER_DATABASE,
    transport: PARTNERSHIPS_EVENTS_TRANSPORT,
  },
  {
    consumer: 'notifications',
    file: 'notifications.db',
    topics: [
      registryPublication.topic,
      fundingPublication.topic,
      partnershipsPublication.topic,
      trainingPublication.topic,
    ],
    database: NOTIFICATIONS_CONSUMER_DATABASE,
    transport: NOTIFICATIONS_EVENTS_TRANSPORT,
  },
] as const;
type EmbeddedConsumer = (typeof EMBEDDED_CONSUMERS)[number];

export const consumerFile = (config: EmbeddedConfig, consumer: EmbeddedConsumer): string =>
  resolve(config.dataDir, consumer.file);

const openConsumerDatabase = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL, not FULL: in WAL mode a commit survives a process crash but may be lost with the
  // machine; inbox, checkpoint and effects then roll back together and the events are delivered
  // again from the durable log (idempotently), so no fsync per delivery is needed.
  db.pragma('synchronous = NORMAL');
  return db;
};

const consumerProviders = (config: EmbeddedConfig, consumer: EmbeddedConsumer): Provider[] => [
  { provide: consumer.database, useFactory: () => openConsumerDatabase(consumerFile(config, consumer)) },
  {
    provide: consumer.transport,
    inject: [EVENT_STORE, consumer.database],
    useFactory: (store: EventStore, db: Database.Database) =>
      new EmbeddedEventTransport<Database.Database>({
        consumer: consumer.consumer,
        log: store,
        publications: [...EMBEDDED_PUBLICATIONS],
        topics: consumer.topics,
        boundHandlers: true,
        checkpoints: new SqliteCheckpointStore(db),
        inbox: new SqliteInbox(db),
        deadLetters: new SqliteDeadLetterStore(db),
      }),
  },
];

/**
 * The embedded profile's messaging: each context's consumer of other contexts' integration events
 * is an EmbeddedEventTransport (same publication, same deliver(), same @EventPattern handler as on
 * Kafka): the Registry's events reach Funding and Partnerships, Funding's reach Partnerships. Each
 * consumer's SQLite file under DATA_DIR holds its transport's checkpoints, inbox and dead letters
 * (and what its Registry policy writes: Funding's facts, Partnerships' directory of organisations,
 * so an entry and its inbox row commit together). create-app.ts connects each transport as a
 * microservice of the HTTP app.
 */
@Module({})
export class EmbeddedMessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly modules: ModuleRef,
    private readonly health: HealthRegistry,
    private readonly metrics: KitMetrics,
  ) {}

  static forRoot(config: EmbeddedConfig): DynamicModule {
    return {
      module: EmbeddedMessagingModule,
      global: true,
      providers: [
        ...EMBEDDED_CONSUMERS.flatMap((consumer) => consumerProviders(config, consumer)),
        {
          provide: FUNDING_REGISTRY_FACTS_STORE,
          inject: [FUNDING_CONSUMER_DATABASE],
          useFactory: (db: Database.Database) => new SqliteRegistryFacts(db),
        },
        {
          provide: PARTNERSHIPS_REGISTRY_DIRECTORY_STORE,
          inject: [PARTNERSHIPS_CONSUMER_DATABASE],
          useFactory: (db: Database.Database) => new SqliteRegistryDirectory(db),
        },
      ],
      exports: [
        ...EMBEDDED_CONSUMERS.flatMap((consumer) => [consumer.database, consumer.transport]),
        FUNDING_REGISTRY_FACTS_STORE,
        PARTNERSHIPS_REGISTRY_DIRECTORY_STORE,
      ],
    };
  }

  onApplicationBootstrap(): void {
    const consumers = EMBEDDED_CONSUMERS.map((consumer) => ({
      name: consumer.consumer,
      db: this.modules.get<Database.Database>(consumer.database),
      transport: this.modules.get<EmbeddedEventTransport>(consumer.transport),
    }));
    for (const { name, db, transport } of consumers) {
      this.health.register(`${name}Consumer`, () => db.open);
      this.metrics.trackConsumer(name, () => transport.metrics());
    }
    const lags = new LagMetrics(this.metrics, {
      consumer: () =>
        Promise.all(
          consumers.map(async ({ name, transport }) => ({
            kind: 'consumer' as const,
            consumer: name,
            lag: Object.values(await transport.lag()).reduce((sum, lag) => sum + lag, 0),
          })),
        ),
    });
    this.metrics.onScrape(() => lags.refresh());
  }

  /** After the transports (microservices of the app, closed before the shutdown hooks). */
  onApplicationShutdown(): void {
    for (const consumer of EMBEDDED_CONSUMERS) {
      const db = this.modules.get<Database.Database>(consumer.database);
      if (db.open) db.close();
    }
  }
}
