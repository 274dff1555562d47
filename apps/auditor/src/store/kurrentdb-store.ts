import { EventStore } from '@tadamon/event-store';
import { KurrentDbEventStore } from '@tadamon/event-store/kurrentdb';

/** Loaded only when the auditor reads KurrentDB: the gRPC client is heavy. */
export function connectKurrentDb(connectionString: string): Promise<EventStore> {
  return KurrentDbEventStore.connect({ connectionString });
}
