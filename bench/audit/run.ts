import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * The issue's second figure, the replay of one application with 1,000 events (<= 100 ms), belongs
 * to `auditor replay`: add it as its own section (a function returning an AuditSection, with its
 * target and pass) to SECTIONS when replay exists.
 *
 * `-- --events N` writes a smaller log (a quick look; the issue's figure needs the default).
 */
const DEFAULT_EVENTS = 1_000_000;

function eventsArgument(args: string[]): number {
  const at = args.indexOf('--events');
  if (at < 0) return DEFAULT_EVENTS;
  const value = Number(args[at + 1]);
  if (!Number.isSafeInteger(value) || value < 1000) throw new Error('--events needs an integer >= 1000');
  return value;
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
  ];

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-audit-'));
  const results: AuditSection[] = [];
  try {
    for (const section of SECTIONS) results.push(await section.run(dir, log));
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'audit.json'), `${JSON.stringify(merged, null, 2)}\n`);
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
      const met = target === undefined ? '' : `target ${target}: ${result.pass[key] ? 'MET' : 'NOT MET'}`;
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
