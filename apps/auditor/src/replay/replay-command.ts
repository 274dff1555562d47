import { EventStore } from '@tadamon/event-store';
import { assertStreamName, InvalidStreamName } from '@tadamon/eventsourcing';
import { ParsedArguments, UsageError } from '../cli/command-line';
import { describeLocation, eventStoreLocation, openEventStoreReadOnly } from '../store/event-store-location';
import { CommandIo } from '../verify/verify-command';
import { parseAsOf } from './as-of';
import { replayApplication, UnknownApplication } from '@tadamon/audit';
import { replayReport } from './replay-report';

/** The one application id a command takes. */
export function applicationIdArgument(command: string, args: ParsedArguments): string {
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? `${command} needs the application id`
        : `${command} takes one application id, not: ${args.positionals.join(' ')}`,
    );
  }
  const applicationId = args.positionals[0];
  try {
    assertStreamName(`grantApplication-${applicationId}`);
  } catch (error) {
    if (error instanceof InvalidStreamName) throw new UsageError(`not an application id: "${applicationId}"`);
    throw error;
  }
  return applicationId;
}

export const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Opens the store read-only, runs `body`, closes the store. A store that cannot be opened, an
 * unknown application or a read that fails is exit code 2 with the reason on stderr.
 */
export async function withStore(
  command: string,
  args: ParsedArguments,
  io: CommandIo,
  body: (store: EventStore, where: string) => Promise<number>,
): Promise<number> {
  const location = eventStoreLocation(args, io.env);
  const where = describeLocation(location);
  let store: EventStore;
  try {
    store = await openEventStoreReadOnly(location);
  } catch (error) {
    io.stderr.write(`auditor: cannot open the event store (${where}): ${message(error)}\n`);
    return 2;
  }
  try {
    return await body(store, where);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(
      error instanceof UnknownApplication
        ? `auditor ${command}: ${error.message}\n`
        : `auditor: ${command} could not complete (${where}): ${message(error)}\n`,
    );
    return 2;
  } finally {
    await store.close().catch(() => undefined);
  }
}

/**
 * `replay <applicationId> [--as-of ISO] [--with-current-rules] [--json]`. Exit codes: 0 every
 * recomputation gives what was recorded and every money fact holds; 1 one differs (a finding), or
 * a chain read is broken; 2 usage, store error or unknown application.
 */
export async function replayCommand(args: ParsedArguments, io: CommandIo): Promise<number> {
  const applicationId = applicationIdArgument('replay', args);
  const asOf = parseAsOf(args.values.get('as-of'));
  const withCurrentRules = args.flags.has('with-current-rules');
  return withStore('replay', args, io, async (store, where) => {
    const { result } = await replayApplication(store, applicationId, { asOf, withCurrentRules });
    io.stdout.write(
      args.flags.has('json')
        ? `${JSON.stringify({ store: where, ...result }, null, 2)}\n`
        : replayReport(result, where),
    );
    return result.verdict === 'same' ? 0 : 1;
  });
}
