import type { Pool } from 'pg';
import { EventStore } from './event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** Where a service's log lives, as its configuration says. */
export type EventStoreConfig =
  { kind: 'postgres'; url: string } | { kind: 'kurrentdb'; url: string } | { kind: 'sqlite'; file: string };

/** Opens the configured event store; PostgreSQL borrows the service's pool when given one. */
export async function openEventStore(config: EventStoreConfig, pool?: Pool): Promise<EventStore> {
  switch (config.kind) {
    case 'postgres':
      return PostgresEventStore.connect(pool ? { pool } : { connectionString: config.url });
    case 'kurrentdb': {
      // Loaded here only, so processes on other stores never load the gRPC client and its native bridge.
      const { connectKurrentDb } = await import('./kurrentdb/connect-kurrentdb');
      return connectKurrentDb(config.url);
    }
    case 'sqlite':
      return SqliteEventStore.open({ filename: config.file });
  }
}
