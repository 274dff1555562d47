/** A mistake in the command line: exit code 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What reads as an option; anything else after an option that takes a value is its value (PEM starts with dashes). */
const OPTION = /^--([a-z][a-z0-9-]*(=|$)|$)/;

export interface OptionSpec {
  /** Without the leading dashes: `stream` for `--stream`. */
  name: string;
  /** Placeholder of the option's value (`S`, `FILE`); absent for a flag. */
  value?: string;
  description: string;
}

export interface ParsedArguments {
  /** Options given with a value. */
  values: Map<string, string>;
  /** Flags given. */
  flags: Set<string>;
  positionals: string[];
}

/**
 * Parses `--name value`, `--name=value`, flags and positionals against a command's options; `--`
 * ends the options. An unknown option, a missing value, a value given to a flag or an option given
 * twice is a UsageError.
 */
export function parseArguments(args: string[], options: OptionSpec[]): ParsedArguments {
  const specs = new Map(options.map((option) => [option.name, option]));
  const parsed: ParsedArguments = { values: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
      parsed.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const spec = specs.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (parsed.values.has(name) || parsed.flags.has(name)) throw new UsageError(`--${name} is given twice`);
    if (spec.value === undefined) {
      if (equals >= 0) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (equals >= 0) value = arg.slice(equals + 1);
    else if (i + 1 < args.length && !OPTION.test(args[i + 1])) value = args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value (${spec.value})`);
    parsed.values.set(name, value);
  }
  return parsed;
}

/** The options of a command as usage lines: `  --stream S   verify one stream only`. */
export function describeOptions(options: OptionSpec[]): string {
  const heads = options.map((o) => `  --${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return options.map((o, i) => `${heads[i].padEnd(width)}${o.description}`).join('\n');
}
