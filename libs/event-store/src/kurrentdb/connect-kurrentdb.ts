import { EventStore } from '../event-store';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/** Connects to KurrentDB and makes sure it answers (the client connects lazily). */
export async function connectKurrentDb(connectionString: string): Promise<EventStore> {
  const store = await KurrentDbEventStore.connect({ connectionString });
  try {
    await store.headPosition(); // fail at start, not on a first command
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
