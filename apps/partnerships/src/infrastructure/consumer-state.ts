import { Inbox, PostgresInbox, SqliteInbox } from '@tadamon/messaging';
import { RegistryDirectory, SqliteRegistryDirectory } from '@tadamon/partnerships';
import { OpenedResources, sqliteStateFile, stateDependency } from '@tadamon/nest-kit';
import { Pool } from 'pg';
import { PartnershipsConfig } from '../config';
import { PostgresRegistryDirectory } from './postgres-registry-directory';

/** The consumer's inbox and the directory its Registry policy writes: one database, one transaction. */
export interface ConsumerState {
  inbox: Inbox<unknown>;
  directory: RegistryDirectory<unknown>;
}

/**
 * Opens the consumer's state (Funding's and the Registry's topics) in PostgreSQL (the service's
 * pool) or in its SQLite file. The Funding policy's effects are appends to the log, idempotent by
 * their command ids; the Registry policy's are directory entries, written in the inbox's
 * transaction; the inbox skips a redelivered event before either policy runs.
 */
export function openConsumerState(
  location: PartnershipsConfig['consumerState'],
  resources: OpenedResources,
  pool: Pool | undefined,
): Promise<ConsumerState> {
  const described = stateDependency(location, 'TADAMON_CONSUMER_FILE');
  return resources.open(`the consumer's inbox and Registry directory in ${described}`, async () => {
    if (location.kind === 'postgres') {
      const inbox = await PostgresInbox.create(pool as Pool);
      const directory = await PostgresRegistryDirectory.create(pool as Pool);
      return { inbox, directory } as ConsumerState;
    }
    const db = sqliteStateFile(location.file, resources);
    // FULL: Kafka's offset is committed once a delivery returns, so a commit lost with the machine
    // would never be delivered again.
    db.pragma('synchronous = FULL');
    return { inbox: new SqliteInbox(db), directory: new SqliteRegistryDirectory(db) } as ConsumerState;
  });
}
