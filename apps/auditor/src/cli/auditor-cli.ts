import { EXPORT_OPTIONS } from '../export/export-options';
import { REPLAY_OPTIONS } from '../replay/replay-options';
import { CommandIo, VERIFY_OPTIONS, verifyCommand } from '../verify/verify-command';
import { describeOptions, OptionSpec, ParsedArguments, parseArguments, UsageError } from './command-line';

interface Command {
  name: string;
  synopsis: string;
  summary: string;
  options: OptionSpec[];
  run(args: ParsedArguments, io: CommandIo): Promise<number>;
}

/**
 * The auditor's commands (docs/audit.md). replay and export load the Funding domain (and what its
 * library brings) only when they run, so that verify starts fast.
 */
const COMMANDS: Command[] = [
  {
    name: 'verify',
    synopsis:
      'verify [--stream S] [store options] [--public-key FILE|KEY | --known-keys FILE] [--known-seal DIGEST] [--known-seals FILE] [--json]',
    summary:
      "checks every stream's hash chain and the signed seals of the global log with a key the auditor trusts (given, or pinned on first use), and that every witnessed seal is still there; exit 1 names the first broken event (or a changed key)",
    options: VERIFY_OPTIONS,
    run: verifyCommand,
  },
  {
    name: 'replay',
    synopsis: 'replay <applicationId> [--as-of ISO-DATE] [--with-current-rules] [store options] [--json]',
    summary:
      "the application's state at as-of, its timeline, each consensus and decision recomputed with the rules version it recorded, and its money facts (awards, commitments, envelope, tranches, payments): same, or the difference (exit 1)",
    options: REPLAY_OPTIONS,
    run: async (args, io) => (await import('../replay/replay-command')).replayCommand(args, io),
  },
  {
    name: 'export',
    synopsis:
      'export <applicationId> --format json|html [--as-of ISO-DATE] [--out FILE] [--lang ar|fr|en] [store options]',
    summary:
      'an audit dossier: timeline, scores, conflict declarations, decision, the envelope at that time, the money facts, the chain proof',
    options: EXPORT_OPTIONS,
    run: async (args, io) => (await import('../export/export-command')).exportCommand(args, io),
  },
];

function usage(): string {
  return [
    'usage: npm run audit -- <command> [options]   (or: npx tadamon-audit <command> [options])',
    '',
    ...COMMANDS.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]),
    '',
    'exit codes: 0 clean (the log verifies; every recomputation is the same), 1 a finding (a broken event,',
    '            a changed seal key, a witnessed seal missing, a recorded decision that differs from its own rules,',
    '            a money fact that does not hold), 2 usage, store error or unknown application',
    "run 'audit <command> --help' for a command's options",
  ].join('\n');
}

function commandUsage(command: Command): string {
  return `usage: npm run audit -- ${command.synopsis}\n\n${command.summary}\n\n${describeOptions(command.options)}`;
}

/**
 * The auditor's command line: reads the event store directly and read-only. Returns the exit
 * code: 0 clean, 1 a finding, 2 usage, connection error or unknown application (the reason on stderr).
 */
export async function runAuditor(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`auditor: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${commandUsage(command)}\n`);
    return 0;
  }
  try {
    return await command.run(parseArguments(rest, command.options), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`auditor ${command.name}: ${error.message}\n${commandUsage(command)}\n`);
      return 2;
    }
    io.stderr.write(`auditor ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
