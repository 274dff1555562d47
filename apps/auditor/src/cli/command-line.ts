import { parseArgs, ParseArgsConfig } from 'node:util';

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
 * ends the options. Node's parseArgs splits the line; it runs lenient (strict mode refuses a value
 * that starts with a dash, as a PEM key does), so the rules are checked here on its tokens: an
 * unknown option, a missing value, a value given to a flag or an option given twice is a UsageError.
 */
export function parseArguments(args: string[], options: OptionSpec[]): ParsedArguments {
  const specs = new Map(options.map((option) => [option.name, option]));
  const config: ParseArgsConfig['options'] = Object.fromEntries(
    options.map((o) => [
      o.name,
      { type: o.value === undefined ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  const { tokens } = parseArgs({
    args,
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const parsed: ParsedArguments = { values: new Map(), flags: new Set(), positionals: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') parsed.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specs.get(token.name);
    if (!spec || !token.rawName.startsWith('--')) throw new UsageError(`unknown option ${token.rawName}`);
    if (parsed.values.has(spec.name) || parsed.flags.has(spec.name))
      throw new UsageError(`--${spec.name} is given twice`);
    if (spec.value === undefined) {
      if (token.value !== undefined) throw new UsageError(`--${spec.name} takes no value`);
      parsed.flags.add(spec.name);
      continue;
    }
    // parseArgs takes whatever follows as the value: another option means the value is missing.
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && OPTION.test(value)))
      throw new UsageError(`--${spec.name} needs a value (${spec.value})`);
    parsed.values.set(spec.name, value);
  }
  return parsed;
}

/** The options of a command as usage lines: `  --stream S   verify one stream only`. */
export function describeOptions(options: OptionSpec[]): string {
  const heads = options.map((o) => `  --${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return options.map((o, i) => `${heads[i].padEnd(width)}${o.description}`).join('\n');
}
