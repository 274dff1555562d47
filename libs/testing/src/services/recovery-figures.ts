import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../servers/local-servers';

/**
 * The recovery times a fault test measured, written to bench/results/recovery-<suite>.json and
 * printed in one line, so a run's figures can be quoted (docs/operations.md).
 */
export function recordRecoveryFigures(suite: string, figures: Record<string, number | string>): void {
  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const record = { suite, measuredAt: new Date().toISOString(), figures };
  writeFileSync(join(dir, `recovery-${suite}.json`), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`[recovery] ${suite} ${JSON.stringify(figures)}\n`);
}
