import { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  EventStore,
  loadSealPublicKey,
  LogVerification,
  SEAL_PUBLIC_KEY_FILE,
  verifyLog,
} from '@tadamon/event-store';
import { OptionSpec, ParsedArguments, UsageError } from '../cli/command-line';
import { Output, progressBar } from '../cli/progress-bar';
import {
  describeLocation,
  EventStoreLocation,
  eventStoreLocation,
  openEventStoreReadOnly,
  STORE_OPTIONS,
} from '../store/event-store-location';

export const VERIFY_OPTIONS: OptionSpec[] = [
  {
    name: 'stream',
    value: 'S',
    description: "verify one stream's chain only (seals are checked on the whole log)",
  },
  ...STORE_OPTIONS,
  {
    name: 'public-key',
    value: 'FILE|KEY',
    description:
      "the sealer's Ed25519 public key: a file (PEM), PEM or base64 text (default: TADAMON_SEAL_PUBLIC_KEY, else DATA_DIR/seal-key.pub)",
  },
  {
    name: 'known-seal',
    value: 'DIGEST',
    description: 'a seal digest noted at an earlier audit: the log must still hold that seal',
  },
  {
    name: 'chains-only',
    description: 'check the chains without the seals (removal of the newest events goes unseen)',
  },
  {
    name: 'threads',
    value: 'N',
    description:
      'threads recomputing the hashes, each over blocks of the log (SQLite; default: the cores, at most 4, from 20,000 events)',
  },
  {
    name: 'through-sqlite',
    description:
      "read every row through SQLite, not the pages of a log file at rest (slower; the threads' default way when the file is live)",
  },
  { name: 'json', description: 'print the result as JSON on stdout' },
  { name: 'no-progress', description: 'no progress bar on stderr' },
];

/** Logs shorter than this get no progress bar. */
const PROGRESS_FROM = 10_000;

export interface CommandIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 the log verifies, 1 it is broken (the first broken event named), 2 usage or store error. */
export async function verifyCommand(args: ParsedArguments, io: CommandIo): Promise<number> {
  if (args.positionals.length > 0)
    throw new UsageError(`verify takes no argument: ${args.positionals.join(' ')}`);
  const location = eventStoreLocation(args, io.env);
  const stream = args.values.get('stream');
  const chainsOnly = args.flags.has('chains-only');
  const knownSeal = args.values.get('known-seal');
  if (knownSeal !== undefined && !/^[0-9a-f]{64}$/.test(knownSeal)) {
    throw new UsageError('--known-seal must be a seal digest (64 lower-case hex digits)');
  }
  if (stream !== undefined && (chainsOnly || knownSeal !== undefined)) {
    throw new UsageError('--stream verifies one chain: --chains-only and --known-seal are for the whole log');
  }
  if (chainsOnly && knownSeal !== undefined)
    throw new UsageError('--known-seal needs the seals: drop --chains-only');
  const threadsOption = args.values.get('threads');
  const threads = threadsOption === undefined ? undefined : Number(threadsOption);
  if (threads !== undefined && !(Number.isSafeInteger(threads) && threads >= 1 && threads <= 64))
    throw new UsageError(`--threads takes an integer from 1 to 64, not ${threadsOption}`);
  const publicKey = stream === undefined && !chainsOnly ? sealPublicKey(args, io.env) : undefined;

  let store: EventStore;
  try {
    store = await openEventStoreReadOnly(location);
  } catch (error) {
    io.stderr.write(
      `auditor: cannot open the event store (${describeLocation(location)}): ${message(error)}\n`,
    );
    return 2;
  }

  const bar =
    args.flags.has('no-progress') || stream !== undefined ? undefined : progressBar(io.stderr, 'verify');
  let result: LogVerification;
  try {
    result = await verifyLog(store, {
      publicKey,
      stream,
      chainsOnly,
      knownSealDigest: knownSeal,
      threads,
      readFile: !args.flags.has('through-sqlite'),
      onProgress: (progress) => {
        if (progress.head >= PROGRESS_FROM) bar?.update(progress);
      },
    });
  } catch (error) {
    bar?.done();
    io.stderr.write(
      `auditor: verify could not complete (${describeLocation(location)}): ${message(error)}\n`,
    );
    return 2;
  } finally {
    await store.close().catch(() => undefined);
  }
  bar?.done();

  if (args.flags.has('json')) {
    io.stdout.write(
      `${JSON.stringify({ verdict: result.ok ? 'ok' : 'broken', store: describeLocation(location), ...result }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(`${verdictLine(result, location, stream)}\n`);
  }
  return result.ok ? 0 : 1;
}

/** --public-key, else TADAMON_SEAL_PUBLIC_KEY, else DATA_DIR/seal-key.pub (the embedded profile's). */
function sealPublicKey(args: ParsedArguments, env: NodeJS.ProcessEnv): KeyObject {
  const key = findSealPublicKey(args, env);
  if (key === undefined) {
    const file = resolve(join(env.DATA_DIR?.trim() ? env.DATA_DIR : 'data', SEAL_PUBLIC_KEY_FILE));
    throw new UsageError(
      `no seal public key: give --public-key <file|base64>, set TADAMON_SEAL_PUBLIC_KEY, or keep the platform's ${file}` +
        ' (--chains-only checks the chains without the seals)',
    );
  }
  return key;
}

/**
 * The seal public key from --public-key, else TADAMON_SEAL_PUBLIC_KEY, else DATA_DIR/seal-key.pub
 * when that file exists; undefined when none is given. A key given but unreadable is a UsageError.
 */
export function findSealPublicKey(args: ParsedArguments, env: NodeJS.ProcessEnv): KeyObject | undefined {
  const option = args.values.get('public-key');
  const variable = env.TADAMON_SEAL_PUBLIC_KEY?.trim() ? env.TADAMON_SEAL_PUBLIC_KEY : undefined;
  const file = resolve(join(env.DATA_DIR?.trim() ? env.DATA_DIR : 'data', SEAL_PUBLIC_KEY_FILE));
  const [source, from] =
    option !== undefined
      ? [option, '--public-key']
      : variable !== undefined
        ? [variable, 'TADAMON_SEAL_PUBLIC_KEY']
        : existsSync(file)
          ? [file, file]
          : [undefined, ''];
  if (source === undefined) return undefined;
  // Something that reads as a path but is no file is a missing file, not a malformed key.
  if (
    !source.trim().startsWith('-----') &&
    /^[.~]|\.(pem|pub|key)$/.test(source.trim()) &&
    !existsSync(source.trim())
  ) {
    throw new UsageError(`${from}: no key file at ${resolve(source.trim())}`);
  }
  try {
    return loadSealPublicKey(source);
  } catch (error) {
    throw new UsageError(`${from}: ${message(error)}`);
  }
}

const count = (n: number) => n.toLocaleString('en');

/** The one-line verdict. */
export function verdictLine(result: LogVerification, location: EventStoreLocation, stream?: string): string {
  if (!result.ok) {
    const b = result.broken;
    const where = [
      `stream ${b.streamId}`,
      ...(b.revision !== undefined ? [`revision ${b.revision}`] : []),
      ...(b.position !== undefined ? [`position ${b.position}`] : []),
      ...(b.eventId !== undefined ? [`event ${b.eventId}`] : []),
    ].join(', ');
    return `verify: BROKEN: first broken event: ${where}: ${b.reason} (${b.detail})`;
  }
  if (stream !== undefined) {
    return (
      `verify: OK: stream ${stream}: ${count(result.events)} events, its hash chain holds ` +
      '(the seals, which cover the removal of the newest events, are checked when the whole log is verified)'
    );
  }
  const chains = `verify: OK: ${count(result.events)} events in ${count(result.streams)} streams of ${describeLocation(location)}, every hash chain holds`;
  if (!result.seals.checked) {
    return `${chains}; seals NOT checked (--chains-only): removing the newest events would not be noticed`;
  }
  const last = result.seals.last;
  if (!last) {
    return (
      `${chains}; NO SEAL in the log: none of its ${count(result.unsealed.count)} events is sealed, ` +
      'so removing the newest events would not be noticed (is the sealer running?)'
    );
  }
  const unsealed =
    result.unsealed.count === 0
      ? 'every event is sealed'
      : `${count(result.unsealed.count)} event(s) after position ${last.position} not yet sealed (the first recorded ${result.unsealed.firstRecordedAt})`;
  return (
    `${chains}; ${count(result.seals.count)} seals verified (key ${last.keyId}), the last covering ` +
    `${count(last.count)} events up to position ${last.position}, sealed ${last.sealedAt}, digest ${last.digest}; ${unsealed}`
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
