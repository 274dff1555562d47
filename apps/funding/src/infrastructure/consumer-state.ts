import { RegistryFacts, SqliteRegistryFacts } from '@tadamon/funding';
import { Inbox, PostgresInbox, SqliteInbox } from '@tadamon/messaging';
import { OpenedResources, sqliteStateFile, stateDependency } from '@tadamon/nest-kit';
import { Pool } from 'pg';
import { FundingConfig } from '../config';
import { PostgresRegistryFacts } from './postgres-registry-facts';

/** The Registry consumer's inbox and the facts its policy writes: one database, one transaction. */
export interface ConsumerState {
  inbox: Inbox<unknown>;
  facts: RegistryFacts<unknown>;
  /** PostgreSQL pools of its own, by name (for the pool gauges). */
  pools?: Record<string, Pool>;
}

/** Opens the consumer's state in PostgreSQL (the service's pool) or in its SQLite file. */
export async function openConsumerState(
  location: FundingConfig['consumerState'],
  resources: OpenedResources,
  pool: Pool | undefined,
): Promise<ConsumerState> {
  const described = stateDependency(location, 'TADAMON_CONSUMER_FILE');
  return resources.open(`the Registry consumer's inbox and facts in ${described}`, async () => {
    if (location.kind === 'postgres') {
      const inbox = await PostgresInbox.create(pool as Pool);
      const facts = await PostgresRegistryFacts.create(pool as Pool);
      resources.onClose(() => facts.close());
      return { inbox, facts, pools: { 'registry-facts-readers': facts.readers } } as ConsumerState;
    }
    const db = sqliteStateFile(location.file, resources);
    // FULL: Kafka's offset is committed once a delivery returns, so a commit lost with the machine
    // would never be delivered again (the embedded profile replays its own log and can use NORMAL).
    db.pragma('synchronous = FULL');
    return { inbox: new SqliteInbox(db), facts: new SqliteRegistryFacts(db) } as ConsumerState;
  });
}
