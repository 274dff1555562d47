import { Inbox, PostgresInbox, SqliteInbox } from '@tadamon/messaging';
import { OpenedResources, sqliteStateFile, stateDependency } from '@tadamon/nest-kit';
import { Pool } from 'pg';
import { PartnershipsConfig } from '../config';

/**
 * Opens the Funding consumer's inbox in PostgreSQL (the service's pool) or in its SQLite file.
 * The policy's effects are appends to the log, idempotent by their command ids; the inbox skips a
 * redelivered event before the policy runs.
 */
export function openConsumerInbox(
  location: PartnershipsConfig['consumerState'],
  resources: OpenedResources,
  pool: Pool | undefined,
): Promise<Inbox<unknown>> {
  const described = stateDependency(location, 'TADAMON_CONSUMER_FILE');
  return resources.open(`the Funding consumer's inbox in ${described}`, async () => {
    if (location.kind === 'postgres') return (await PostgresInbox.create(pool as Pool)) as Inbox<unknown>;
    const db = sqliteStateFile(location.file, resources);
    // FULL: Kafka's offset is committed once a delivery returns, so a commit lost with the machine
    // would never be delivered again.
    db.pragma('synchronous = FULL');
    return new SqliteInbox(db) as Inbox<unknown>;
  });
}
