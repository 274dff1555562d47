import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { MongooseDocumentStore } from '../mongoose/mongoose-document-store';
import { Projection } from './projection';
import { rebuildProjection, UnknownProjection } from './rebuild-command';

const USAGE = `usage: rebuild <projection> | --list
  EVENT_STORE_URL  sqlite:<file> (default sqlite:data/events.db) or postgres://user:password@host:port/db
  MONGO_URL        the read-model database server (required), MONGO_DB its database (default tadamon)`;

type Output = NodeJS.WritableStream & { isTTY?: boolean };

async function openEventStore(url: string): Promise<EventStore> {
  if (url.startsWith('sqlite:')) return SqliteEventStore.open({ filename: url.slice('sqlite:'.length) });
  if (/^postgres(ql)?:\/\//.test(url)) return PostgresEventStore.connect({ connectionString: url });
  throw new Error(`EVENT_STORE_URL must start with sqlite: or postgres://, got "${url}"`);
}

/**
 * `rebuild <projection>` for read models in MongoDB: drops the projection's collections, replays
 * the log with a progress bar, prints the event count and the collections' hashes. Returns the
 * exit code: 0 done, 1 failed, 2 bad usage.
 */
export async function runRebuildCli(
  args: string[],
  projections: Projection[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = process.stderr,
): Promise<number> {
  const names = projections.map((p) => p.name);
  if (args[0] === '--list') {
    out.write(`${names.join('\n') || '(no projections registered)'}\n`);
    return 0;
  }
  if (args.length !== 1 || args[0].startsWith('-')) {
    out.write(`${USAGE}\n`);
    return 2;
  }
  if (!names.includes(args[0])) {
    out.write(`${new UnknownProjection(args[0], names).message}\n`);
    return 2;
  }
  if (!env.MONGO_URL) {
    out.write(`MONGO_URL is not set\n${USAGE}\n`);
    return 2;
  }
  let store: EventStore | undefined;
  let docs: MongooseDocumentStore | undefined;
  try {
    store = await openEventStore(env.EVENT_STORE_URL ?? 'sqlite:data/events.db');
    docs = await MongooseDocumentStore.connect(env.MONGO_URL, env.MONGO_DB ?? 'tadamon');
    await rebuildProjection(args[0], projections, store, docs, out);
    return 0;
  } catch (error) {
    out.write(`rebuild failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await docs?.close();
    await store?.close();
  }
}
