import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { OptionSpec, ParsedArguments, UsageError } from '../cli/command-line';

export type EventStoreLocation =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema: string }
  | { kind: 'kurrentdb'; url: string };

const KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;

/** The options every auditor command takes to find the event store. */
export const STORE_OPTIONS: OptionSpec[] = [
  {
    name: 'store',
    value: 'sqlite|postgres|kurrentdb',
    description:
      'the event store (default: TADAMON_EVENT_STORE, else the one whose location is given, else sqlite)',
  },
  {
    name: 'sqlite-file',
    value: 'FILE',
    description:
      'the SQLite file (default: TADAMON_SQLITE_FILE, else DATA_DIR/events.db, DATA_DIR default ./data)',
  },
  { name: 'database-url', value: 'URL', description: 'PostgreSQL (default: DATABASE_URL)' },
  {
    name: 'schema',
    value: 'NAME',
    description: 'the PostgreSQL schema of the store (default tadamon_events)',
  },
  { name: 'kurrentdb-url', value: 'URL', description: 'KurrentDB (default: KURRENTDB_URL)' },
];

const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** Where the store is, from the options first, then the environment the services read. */
export function eventStoreLocation(args: ParsedArguments, env: NodeJS.ProcessEnv): EventStoreLocation {
  const explicit = args.values.get('store') ?? given(env.TADAMON_EVENT_STORE);
  const pointed = (['sqlite-file', 'database-url', 'kurrentdb-url'] as const).filter((o) =>
    args.values.has(o),
  );
  if (pointed.length > 1)
    throw new UsageError(`give one store location, not ${pointed.map((o) => `--${o}`).join(' and ')}`);
  const implied = {
    'sqlite-file': 'sqlite',
    'database-url': 'postgres',
    'kurrentdb-url': 'kurrentdb',
  } as const;
  const kind = args.values.get('store') ?? (pointed[0] ? implied[pointed[0]] : (explicit ?? 'sqlite'));
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      `--store (or TADAMON_EVENT_STORE) must be one of ${KINDS.join(', ')}, not "${kind}"`,
    );
  }
  if (pointed[0] && implied[pointed[0]] !== kind) {
    throw new UsageError(`--${pointed[0]} does not go with --store ${kind}`);
  }
  if (args.values.has('schema') && kind !== 'postgres')
    throw new UsageError('--schema is for --store postgres');

  switch (kind) {
    case 'sqlite': {
      const file =
        args.values.get('sqlite-file') ??
        given(env.TADAMON_SQLITE_FILE) ??
        join(given(env.DATA_DIR) ?? 'data', 'events.db');
      return { kind, file: resolve(file) };
    }
    case 'postgres': {
      const url = args.values.get('database-url') ?? given(env.DATABASE_URL);
      if (!url) throw new UsageError('the PostgreSQL store needs --database-url or DATABASE_URL');
      return { kind, url, schema: args.values.get('schema') ?? 'tadamon_events' };
    }
    default: {
      const url = args.values.get('kurrentdb-url') ?? given(env.KURRENTDB_URL);
      if (!url) throw new UsageError('the KurrentDB store needs --kurrentdb-url or KURRENTDB_URL');
      return { kind: 'kurrentdb', url };
    }
  }
}

/** The location for messages, with any password in a URL masked. */
export function describeLocation(location: EventStoreLocation): string {
  if (location.kind === 'sqlite') return `SQLite ${location.file}`;
  let url = location.url;
  try {
    const parsed = new URL(location.url);
    if (parsed.password) {
      parsed.password = '***';
      url = parsed.toString();
    }
  } catch {
    // Not a URL the WHATWG parser takes: shown as given.
  }
  return location.kind === 'postgres' ? `PostgreSQL ${url} (schema ${location.schema})` : `KurrentDB ${url}`;
}

/**
 * Opens the store read-only: SQLite in read-only mode (the file must exist), PostgreSQL without
 * migrations in read-only sessions, KurrentDB (the auditor only reads). Checks the connection by
 * reading the head position, so a bad location fails here with its cause.
 */
export async function openEventStoreReadOnly(location: EventStoreLocation): Promise<EventStore> {
  let store: EventStore;
  switch (location.kind) {
    case 'sqlite':
      if (!existsSync(location.file)) throw new Error(`no event store file at ${location.file}`);
      store = SqliteEventStore.open({ filename: location.file, readOnly: true });
      break;
    case 'postgres':
      store = await PostgresEventStore.connect({
        connectionString: location.url,
        schema: location.schema,
        readOnly: true,
      });
      break;
    case 'kurrentdb': {
      const { connectKurrentDb } = await import('./kurrentdb-store');
      store = await connectKurrentDb(location.url);
      break;
    }
  }
  try {
    await store.headPosition();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
