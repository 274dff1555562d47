import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaySection } from './replay';
import { AuditSection } from './section';
import { verifySection } from './verify';

/**
 * `npm run bench:audit` (issue 6), shared/BENCHMARKS.md conventions; exits 0 when it ran.
 *
 * Sections, each measured against its raw limit in the same run and merged into
 * bench/results/audit.json:
 * - verify: `verifyLog` over a SQLite log of >= 1,000,000 events vs the raw limit it stands on, a
 *   bare SELECT of the same pages and SHA-256 of the same bytes (target ratio >= 0.5); and, reported,
 *   vs SHA-256 of those bytes alone, already read and encoded.
 * - replay: `auditor replay` of one application with >= 1,000 events (target: median <= 100 ms),
 *   beside the raw read of the same stream.
 *
 * `-- --events N` writes a smaller log for verify (a quick look; the issue's figure needs the
 * default). `-- --only replay` (or `verify`) runs those sections only and merges their figures into
 * the existing bench/results/audit.json, keeping the other sections' (each section's params carry
 * the time it ran, `<section>.at`).
 */
const DEFAULT_EVENTS = 1_000_000;

function integerArgument(args: string[], name: string, fallback: number, least: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isSafeInteger(value) || value < least) throw new Error(`${name} needs an integer >= ${least}`);
  return value;
}

function eventsArgument(args: string[]): number {
  return integerArgument(args, '--events', DEFAULT_EVENTS, 1000);
}

const SECTIONS: { name: string; run: (dir: string, log: (line: string) => void) => Promise<AuditSection> }[] =
  [
    {
      name: 'verify',
      run: (dir, log) => {
        const events = eventsArgument(process.argv.slice(2));
        return verifySection(
          dir,
          { events, streams: Math.max(100, Math.round(events / 50)), sealEvery: 1000, passes: 3 },
          log,
        );
      },
    },
    {
      name: 'replay',
      run: (dir, log) => {
        const args = process.argv.slice(2);
        return replaySection(
          dir,
          {
            events: integerArgument(args, '--replay-events', 1000, 100),
            noise: integerArgument(args, '--replay-noise', 100_000, 0),
            runs: integerArgument(args, '--replay-runs', 30, 3),
          },
          log,
        );
      },
    },
  ];

/** `--only a,b`: the sections to run (default all). */
function selectedSections(args: string[]): typeof SECTIONS {
  const at = args.indexOf('--only');
  if (at < 0) return SECTIONS;
  const names = (args[at + 1] ?? '').split(',');
  const unknown = names.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--only takes section names among ${SECTIONS.map((s) => s.name).join(', ')}`);
  return SECTIONS.filter((s) => names.includes(s.name));
}

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-audit-'));
  const sections = selectedSections(process.argv.slice(2));
  const results: AuditSection[] = [];
  try {
    for (const section of sections) results.push(await section.run(dir, log));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out = join(__dirname, '..', 'results');
  const file = join(out, 'audit.json');
  // A partial run keeps the figures of the sections it did not run, from the last results: every
  // key but those of the sections run now (named `<section>.…`), which their new figures replace.
  if (sections.length < SECTIONS.length && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as AuditSection & { at: string };
    const rerun = (key: string) => sections.some((s) => key.startsWith(`${s.name}.`));
    const kept = <T>(values: Record<string, T> | undefined) =>
      Object.fromEntries(Object.entries(values ?? {}).filter(([key]) => !rerun(key)));
    const params = kept(previous.params);
    for (const section of SECTIONS.filter((s) => !sections.includes(s)))
      params[`${section.name}.at`] ??= previous.at;
    results.unshift({
      metrics: kept(previous.metrics),
      limits: kept(previous.limits),
      ratios: kept(previous.ratios),
      targets: kept(previous.targets),
      pass: kept(previous.pass),
      params,
    });
  }
  const merge = <K extends keyof AuditSection>(key: K) =>
    Object.assign({}, ...results.map((r) => r[key])) as AuditSection[K];
  const merged = {
    name: 'audit',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    metrics: merge('metrics'),
    limits: merge('limits'),
    ratios: merge('ratios'),
    targets: merge('targets'),
    pass: merge('pass'),
    params: merge('params'),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  printTable(merged);
  log(`\nwritten ${join('bench', 'results', 'audit.json')} in ${merged.seconds} s`);
}

function printTable(result: {
  metrics: Record<string, number>;
  limits: Record<string, number>;
  ratios: Record<string, number>;
  targets: Record<string, number>;
  pass: Record<string, boolean>;
  params: Record<string, string | number>;
}): void {
  const rows: [string, string, string][] = [];
  const section = (title: string, values: Record<string, number | string>) => {
    rows.push([title, '', '']);
    for (const [key, value] of Object.entries(values)) {
      const target = result.targets[key];
      const bound = key.endsWith('Ms') ? '<=' : '>=';
      const met =
        target === undefined ? '' : `target ${bound} ${target}: ${result.pass[key] ? 'MET' : 'NOT MET'}`;
      rows.push([`  ${key}`, typeof value === 'number' ? value.toLocaleString('en-US') : value, met]);
    }
  };
  section('metrics', result.metrics);
  section('limits (raw, same run)', result.limits);
  section('ratios', result.ratios);
  section('parameters', result.params);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const valueWidth = Math.max(...rows.filter(([, v]) => v.length < 40).map(([, v]) => v.length)) + 2;
  process.stdout.write(
    `\n${rows.map(([k, v, t]) => (v || t ? `${k.padEnd(width)}${v.padStart(valueWidth)}  ${t}` : k)).join('\n')}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:audit failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
