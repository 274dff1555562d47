import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { SectionResult } from '../shared/measure';
import { postgresSection } from './postgres';
import { sqliteSection } from './sqlite';

/**
 * `npm run bench:event-store`: the event store against the raw limits it stands on, measured in
 * the same run on the same file or database (shared/BENCHMARKS.md). Exits 0 when it ran.
 */
const TARGETS = {
  'sqlite.append': 0.6,
  'postgres.append': 0.6,
  'sqlite.readAll.eventsPerSec': 200_000,
  verification: 0.5,
};

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const results: SectionResult[] = [await sqliteSection('FULL', log)];
  const connectionString =
    process.env.DATABASE_URL ?? 'postgres://tadamon:tadamon@127.0.0.1:5432/tadamon_test';
  const skipped: Record<string, string> = {};
  try {
    results.push(await postgresSection(connectionString, log));
  } catch (error) {
    skipped.postgres = error instanceof Error ? error.message : String(error);
    log(`postgres: NOT MEASURED: ${skipped.postgres}`);
  }

  const merged = {
    name: 'event-store',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    metrics: Object.assign({}, ...results.map((r) => r.metrics)) as Record<string, number>,
    limits: Object.assign({}, ...results.map((r) => r.limits)) as Record<string, number>,
    ratios: Object.assign({}, ...results.map((r) => r.ratios)) as Record<string, number>,
    targets: TARGETS,
    params: Object.assign({}, ...results.map((r) => r.params)) as Record<string, string | number>,
    ...(Object.keys(skipped).length ? { skipped } : {}),
    seconds: Math.round((Date.now() - started) / 1000),
  };

  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'event-store.json'), `${JSON.stringify(merged, null, 2)}\n`);
  printTable(merged);
  log(`\nwritten ${join('bench', 'results', 'event-store.json')} in ${merged.seconds} s`);
}

function printTable(result: {
  metrics: Record<string, number>;
  limits: Record<string, number>;
  ratios: Record<string, number>;
  targets: Record<string, number>;
  params: Record<string, string | number>;
}): void {
  const rows: [string, string, string][] = [];
  const section = (title: string, values: Record<string, number | string>) => {
    rows.push([title, '', '']);
    for (const [key, value] of Object.entries(values)) {
      const target = result.targets[key];
      const met =
        target === undefined ? '' : Number(value) >= target ? `>= ${target} MET` : `>= ${target} NOT MET`;
      rows.push([`  ${key}`, typeof value === 'number' ? value.toLocaleString('en-US') : value, met]);
    }
  };
  section('metrics', result.metrics);
  section('limits (raw, same run)', result.limits);
  section('ratios', result.ratios);
  section('parameters', result.params);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const valueWidth = Math.max(...rows.map(([, v]) => v.length)) + 2;
  process.stdout.write(
    `\n${rows.map(([k, v, t]) => (v || t ? `${k.padEnd(width)}${v.padStart(valueWidth)}  ${t}` : k)).join('\n')}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `bench:event-store failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
