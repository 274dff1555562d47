import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { Pool } from 'pg';
import { RegistryConfig } from '../config';

/** Opens the configured event store; PostgreSQL borrows the service's pool. */
export async function openEventStore(config: RegistryConfig['eventStore'], pool?: Pool): Promise<EventStore> {
  switch (config.kind) {
    case 'postgres':
      return PostgresEventStore.connect(pool ? { pool } : { connectionString: config.url });
    case 'kurrentdb': {
      // Loaded here only, so processes on other stores never load the gRPC client and its native
      // bridge (a relative import: Nx would take a dynamic import of the lib as lazy-loading it all).
      const { connectKurrentDb } = await import('./kurrentdb-event-store');
      return connectKurrentDb(config.url);
    }
    case 'sqlite':
      return SqliteEventStore.open({ filename: config.file });
  }
}
