import { CommandIo, VERIFY_OPTIONS, verifyCommand } from '../verify/verify-command';
import { describeOptions, OptionSpec, ParsedArguments, parseArguments, UsageError } from './command-line';

interface Command {
  name: string;
  synopsis: string;
  summary: string;
  options: OptionSpec[];
  run(args: ParsedArguments, io: CommandIo): Promise<number>;
}

/** The auditor's commands. `replay` and `export` (docs/audit.md) join this list. */
const COMMANDS: Command[] = [
  {
    name: 'verify',
    synopsis: 'verify [--stream S] [store options] [--public-key FILE|KEY] [--known-seal DIGEST] [--json]',
    summary:
      "checks every stream's hash chain and the signed seals of the global log; exit 1 names the first broken event",
    options: VERIFY_OPTIONS,
    run: verifyCommand,
  },
];

function usage(): string {
  return [
    'usage: npm run audit -- <command> [options]   (or: npx tadamon-audit <command> [options])',
    '',
    ...COMMANDS.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]),
    '',
    'exit codes: 0 verified, 1 broken (the first broken event is named), 2 usage or store error',
    "run 'audit <command> --help' for a command's options",
  ].join('\n');
}

function commandUsage(command: Command): string {
  return `usage: npm run audit -- ${command.synopsis}\n\n${command.summary}\n\n${describeOptions(command.options)}`;
}

/**
 * The auditor's command line: reads the event store directly and read-only. Returns the exit
 * code: 0 clean, 1 broken, 2 usage or connection error (with the reason on stderr).
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
