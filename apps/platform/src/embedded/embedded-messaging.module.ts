import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ContextPublication, fundingPublication, registryPublication } from '@tadamon/contracts';
import { EventStore } from '@tadamon/event-store';
import { SqliteRegistryFacts } from '@tadamon/funding';
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

/**
 * The integration events in-process consumers may listen to. An embedded transport tails a
 * publication's categories only for a topic some `@EventPattern` handles: Funding's own events
 * get a lane as soon as a context of the platform handles `tadamon.funding.events.v1`.
 */
export const EMBEDDED_PUBLICATIONS: readonly ContextPublication[] = [registryPublication, fundingPublication];

export const fundingConsumerFile = (config: EmbeddedConfig): string => resolve(config.dataDir, 'funding.db');

/**
 * The embedded profile's messaging: the Registry's integration events reach Funding through an
 * EmbeddedEventTransport (same publication, same deliver(), same @EventPattern handler as on
 * Kafka). Funding's SQLite file under DATA_DIR holds the transport's checkpoint, the inbox, the
 * dead letters and the facts the policy writes, so a fact and its inbox row commit together.
 * create-app.ts connects the transport as a microservice of the HTTP app.
 */
@Module({})
export class EmbeddedMessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(FUNDING_CONSUMER_DATABASE) private readonly db: Database.Database,
    @Inject(FUNDING_EVENTS_TRANSPORT) private readonly transport: EmbeddedEventTransport,
    private readonly health: HealthRegistry,
    private readonly metrics: KitMetrics,
  ) {}

  static forRoot(config: EmbeddedConfig): DynamicModule {
    return {
      module: EmbeddedMessagingModule,
      global: true,
      providers: [
        {
          provide: FUNDING_CONSUMER_DATABASE,
          useFactory: () => {
            const db = new Database(fundingConsumerFile(config));
            db.pragma('journal_mode = WAL');
            // NORMAL, not FULL: in WAL mode a commit survives a process crash but may be lost with
            // the machine; inbox, checkpoint and facts then roll back together and the events are
            // delivered again from the durable log (idempotently), so no fsync per delivery is needed.
            db.pragma('synchronous = NORMAL');
            return db;
          },
        },
        {
          provide: FUNDING_REGISTRY_FACTS_STORE,
          inject: [FUNDING_CONSUMER_DATABASE],
          useFactory: (db: Database.Database) => new SqliteRegistryFacts(db),
        },
        {
          provide: FUNDING_EVENTS_TRANSPORT,
          inject: [EVENT_STORE, FUNDING_CONSUMER_DATABASE],
          useFactory: (store: EventStore, db: Database.Database) =>
            new EmbeddedEventTransport<Database.Database>({
              consumer: 'funding',
              log: store,
              publications: [...EMBEDDED_PUBLICATIONS],
              checkpoints: new SqliteCheckpointStore(db),
              inbox: new SqliteInbox(db),
              deadLetters: new SqliteDeadLetterStore(db),
            }),
        },
      ],
      exports: [FUNDING_CONSUMER_DATABASE, FUNDING_REGISTRY_FACTS_STORE, FUNDING_EVENTS_TRANSPORT],
    };
  }

  onApplicationBootstrap(): void {
    this.health.register('fundingConsumer', () => this.db.open);
    this.metrics.trackConsumer('funding', () => this.transport.metrics());
    const lags = new LagMetrics(this.metrics, {
      consumer: async () => {
        const perTopic = Object.values(await this.transport.lag());
        return [{ kind: 'consumer', consumer: 'funding', lag: perTopic.reduce((sum, lag) => sum + lag, 0) }];
      },
    });
    this.metrics.onScrape(() => lags.refresh());
  }

  /** After the transport (a microservice of the app, closed before the shutdown hooks). */
  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}
