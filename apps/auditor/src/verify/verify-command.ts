import { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  EventStore,
  loadSealPublicKey,
  LogVerification,
  parseKnownSeals,
  SEAL_PUBLIC_KEY_FILE,
  verifyLog,
} from '@tadamon/event-store';
import { sealKeyId } from '@tadamon/eventsourcing';
import { OptionSpec, ParsedArguments, UsageError } from '../cli/command-line';
import { Output, progressBar } from '../cli/progress-bar';
import {
  describeLocation,
  EventStoreLocation,
  eventStoreLocation,
  openEventStoreReadOnly,
  STORE_OPTIONS,
} from '../store/event-store-location';
import {
  appendPin,
  defaultKnownKeysFile,
  isInside,
  pinnedKeyObject,
  readPins,
  sameKey,
  storeIdentity,
} from './pinned-seal-keys';

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
      "the sealer's Ed25519 public key, obtained out of band: a file (PEM), PEM or base64 text (default: TADAMON_SEAL_PUBLIC_KEY, else the key pinned for this log in --known-keys)",
  },
  {
    name: 'known-keys',
    value: 'FILE',
    description:
      "the auditor's pinned seal keys, one per log, as SSH's known_hosts (default: TADAMON_AUDITOR_KNOWN_KEYS, else ~/.config/tadamon-audit/known-seal-keys; never inside the audited folder). The first verify of a log pins DATA_DIR/seal-key.pub with a loud warning; a different key later is an error (exit 1)",
  },
  {
    name: 'known-seal',
    value: 'DIGEST',
    description: 'a seal digest noted at an earlier audit: the log must still hold that seal',
  },
  {
    name: 'known-seals',
    value: 'FILE',
    description:
      "seal digests witnessed outside the log: the platform's seal-witness.jsonl (mailed or archived), GET /api/audit/witness answers, or one digest a line; the log must still hold every one (a log cut back, or a backup restored without its -wal, fails)",
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
  const knownSealsFile = args.values.get('known-seals');
  const witnessed = knownSealsFile === undefined ? undefined : readKnownSeals(knownSealsFile);
  const knownAny = knownSeal !== undefined || witnessed !== undefined;
  if (stream !== undefined && (chainsOnly || knownAny)) {
    throw new UsageError(
      '--stream verifies one chain: --chains-only, --known-seal and --known-seals are for the whole log',
    );
  }
  if (chainsOnly && knownAny)
    throw new UsageError('--known-seal and --known-seals need the seals: drop --chains-only');
  const threadsOption = args.values.get('threads');
  const threads = threadsOption === undefined ? undefined : Number(threadsOption);
  if (threads !== undefined && !(Number.isSafeInteger(threads) && threads >= 1 && threads <= 64))
    throw new UsageError(`--threads takes an integer from 1 to 64, not ${threadsOption}`);
  const trusted = stream === undefined && !chainsOnly ? trustedSealPublicKey(args, io, location) : undefined;
  if (trusted !== undefined && 'changed' in trusted) {
    io.stdout.write(
      args.flags.has('json')
        ? `${JSON.stringify({ verdict: 'key-changed', store: describeLocation(location), detail: trusted.changed }, null, 2)}\n`
        : `${trusted.changed}\n`,
    );
    return 1;
  }
  const publicKey = trusted?.key;

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
      knownSealDigests: witnessed,
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

function readKnownSeals(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--known-seals: cannot read ${resolve(file)}: ${message(error)}`);
  }
  try {
    return parseKnownSeals(text, `--known-seals ${resolve(file)}`);
  } catch (error) {
    throw new UsageError(message(error));
  }
}

/**
 * The key the auditor trusts for this log: --public-key or TADAMON_SEAL_PUBLIC_KEY (given out of
 * band), else the key pinned for this log in the auditor's known-keys file. With no pin yet, the
 * key found in the audited folder (DATA_DIR/seal-key.pub) is pinned, with a loud warning (trust on
 * first use); a pinned key that differs from the one found there is reported (`changed`).
 */
function trustedSealPublicKey(
  args: ParsedArguments,
  io: CommandIo,
  location: EventStoreLocation,
): { key: KeyObject } | { changed: string } {
  const env = io.env;
  const explicit = explicitSealPublicKey(args, env);
  if (explicit !== undefined) return { key: explicit };
  const dataDir = resolve(env.DATA_DIR?.trim() ? env.DATA_DIR : 'data');
  const knownKeys = resolve(args.values.get('known-keys') ?? defaultKnownKeysFile(env));
  const audited = [dataDir, ...(location.kind === 'sqlite' ? [dirname(resolve(location.file))] : [])];
  const inside = audited.find((folder) => isInside(knownKeys, folder));
  if (inside !== undefined)
    throw new UsageError(
      `the known-keys file ${knownKeys} is inside the audited folder ${inside}: whoever can change the log could change it too; keep it with the auditor (--known-keys or TADAMON_AUDITOR_KNOWN_KEYS)`,
    );
  let pins;
  try {
    pins = readPins(knownKeys);
  } catch (error) {
    throw new UsageError(`--known-keys: ${message(error)}`);
  }
  const identity = storeIdentity(location);
  const pin = pins.filter((p) => p.store === identity).at(-1);
  const folderFile = join(dataDir, SEAL_PUBLIC_KEY_FILE);
  const found = existsSync(folderFile) ? keyFrom(folderFile, folderFile) : undefined;
  if (pin !== undefined) {
    const pinned = pinnedKeyObject(pin, knownKeys);
    if (found !== undefined && !sameKey(found, pinned)) {
      return {
        changed:
          `verify: SEAL KEY CHANGED: the seal key of ${describeLocation(location)} is ${sealKeyId(found)} (${folderFile}), ` +
          `but ${sealKeyId(pinned)} was pinned for it on ${pin.pinnedAt} in ${knownKeys}. Someone may have replaced the key ` +
          'pair and re-signed the seals. If the operator changed the key, confirm the new key id with them out of band, then ' +
          'verify with --public-key, and replace the pinned line',
      };
    }
    return { key: pinned };
  }
  if (found === undefined) {
    throw new UsageError(
      `no seal public key: give --public-key <file|base64> (obtained from the operator out of band), set TADAMON_SEAL_PUBLIC_KEY, or keep the platform's ${folderFile} to pin it on first use` +
        ' (--chains-only checks the chains without the seals)',
    );
  }
  appendPin(knownKeys, identity, found);
  io.stderr.write(
    [
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      `WARNING: FIRST USE: trusting the seal key ${sealKeyId(found)} found in ${folderFile},`,
      'INSIDE THE AUDITED FOLDER: whoever can rewrite the log could have put it there.',
      `It is now pinned for ${identity} in ${knownKeys};`,
      'a different key for this log will be an error from now on.',
      'Check this key id with the operator out of band (or use --public-key with a key you were given).',
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      '',
    ].join('\n'),
  );
  return { key: found };
}

/** --public-key, else TADAMON_SEAL_PUBLIC_KEY: keys given out of band. A key given but unreadable is a UsageError. */
function explicitSealPublicKey(args: ParsedArguments, env: NodeJS.ProcessEnv): KeyObject | undefined {
  const option = args.values.get('public-key');
  const variable = env.TADAMON_SEAL_PUBLIC_KEY?.trim() ? env.TADAMON_SEAL_PUBLIC_KEY : undefined;
  if (option !== undefined) return keyFrom(option, '--public-key');
  if (variable !== undefined) return keyFrom(variable, 'TADAMON_SEAL_PUBLIC_KEY');
  return undefined;
}

function keyFrom(source: string, from: string): KeyObject {
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

/**
 * The seal public key for reading (export): --public-key, else TADAMON_SEAL_PUBLIC_KEY, else the
 * key pinned for this log by an earlier verify, else DATA_DIR/seal-key.pub when that file exists
 * (not pinned here: only verify pins); undefined when none is found. A key given but unreadable is
 * a UsageError.
 */
export function findSealPublicKey(args: ParsedArguments, env: NodeJS.ProcessEnv): KeyObject | undefined {
  const explicit = explicitSealPublicKey(args, env);
  if (explicit !== undefined) return explicit;
  const knownKeys = resolve(args.values.get('known-keys') ?? defaultKnownKeysFile(env));
  try {
    const identity = storeIdentity(eventStoreLocation(args, env));
    const pin = readPins(knownKeys)
      .filter((p) => p.store === identity)
      .at(-1);
    if (pin !== undefined) return pinnedKeyObject(pin, knownKeys);
  } catch {
    // No readable pin: the folder's key, as before.
  }
  const file = resolve(join(env.DATA_DIR?.trim() ? env.DATA_DIR : 'data', SEAL_PUBLIC_KEY_FILE));
  return existsSync(file) ? keyFrom(file, file) : undefined;
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
