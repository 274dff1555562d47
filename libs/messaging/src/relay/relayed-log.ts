import { EventStore, openEventStore } from '@tadamon/event-store';
import { dirname, join } from 'node:path';
import {
  eventStoreDependency,
  HealthCheck,
  IdempotencyStore,
  OpenedResources,
  PostgresIdempotencyStore,
  PostgresRateLimitStore,
  RateLimitStore,
  servicePostgresPool,
  ServiceConfig,
  SqliteIdempotencyStore,
  sqliteStateFile,
  stateDependency,
} from '@tadamon/nest-kit';
import { CHECKPOINTS_COLLECTION, MongooseDocumentStore } from '@tadamon/read-store';
import { Pool } from 'pg';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { PostgresCheckpointStore } from '../checkpoints/postgres-checkpoint-store';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store';

/**
 * What every distributed service stands on: its log, the relay's checkpoint, its read models and
 * its Idempotency-Key claims.
 */
export interface RelayedLog {
  /** The service's PostgreSQL pool when its log or its state is there (for the service's own state too). */
  pool: Pool | undefined;
  eventStore: EventStore;
  checkpoints: CheckpointStore;
  documents: MongooseDocumentStore;
  /** Beside the relay checkpoint: in PostgreSQL (shared by the service's instances) or a SQLite file. */
  idempotency: IdempotencyStore;
  /** With TADAMON_RATE_LIMIT_STORE=postgres: request counts shared by the instances (else each counts its own). */
  rateLimit: RateLimitStore | undefined;
}

/**
 * Opens a service's log, the relay checkpoint and the idempotency keys beside it, and the MongoDB
 * read models, each closed
 * with the service's other resources; a dependency that cannot be opened fails naming itself and
 * the variable to check.
 */
export async function openRelayedLog(config: ServiceConfig, resources: OpenedResources): Promise<RelayedLog> {
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
  const documents = await resources.open(
    `the read models (MONGODB_URL, database ${config.readModels.database})`,
    () => MongooseDocumentStore.connect(config.readModels.url, config.readModels.database),
    (store) => store.close(),
  );
  const idempotency = await resources.open<IdempotencyStore>(
    `the idempotency keys in ${stateDependency(location)}`,
    () =>
      location.kind === 'postgres'
        ? PostgresIdempotencyStore.create(pool as Pool)
        : new SqliteIdempotencyStore(join(dirname(location.file), 'idempotency.db')),
    (store) => (store instanceof SqliteIdempotencyStore ? store.close() : undefined),
  );
  const rateLimit =
    config.http.rateLimitStore === 'postgres'
      ? await resources.open<RateLimitStore>(`the rate limit counters in ${stateDependency(location)}`, () =>
          PostgresRateLimitStore.create(pool as Pool),
        )
      : undefined;
  return { pool, eventStore, checkpoints, documents, idempotency, rateLimit };
}

/** Readiness of what openRelayedLog opened, and of the relay's broker connection. */
export function relayedLogHealthChecks(
  log: Pick<RelayedLog, 'eventStore' | 'documents'>,
  relay: { check(): Promise<void> },
): Record<string, HealthCheck> {
  return {
    eventStore: async () => void (await log.eventStore.headPosition()),
    readModels: async () => void (await log.documents.collection(CHECKPOINTS_COLLECTION).get('health')),
    kafkaRelay: () => relay.check(),
  };
}
