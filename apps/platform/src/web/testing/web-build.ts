import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@tadamon/testing';

/** Where `nx build web` writes the app (apps/web/vite.config.mts). */
export const WEB_DIST = join(repoRoot(), 'dist/apps/web');
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.mts',
  'apps/web/postcss.config.cjs',
];
/** Written after a build this harness ran or checked; dist/ is git-ignored. */
const STAMP = join(repoRoot(), 'dist/.web-build-stamp');
const LOCK = join(repoRoot(), 'dist/.web-build.lock');
const LOCK_WAIT_MS = 300_000;

/** Tests are not inputs of the build (apps/web/project.json says the same to nx). */
function isBuildInput(path: string): boolean {
  return !/\.test\.tsx?$/.test(path) && !path.includes('/src/test/');
}

function newestInput(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return isBuildInput(path) ? stat.mtimeMs : 0;
  return Math.max(0, ...readdirSync(path).map((name) => newestInput(join(path, name))));
}

function isFresh(): boolean {
  if (!existsSync(join(WEB_DIST, 'index.html')) || !existsSync(STAMP)) return false;
  const newest = Math.max(...WEB_SOURCES.map((p) => newestInput(join(repoRoot(), p))));
  return statSync(STAMP).mtimeMs >= newest;
}

function holderAlive(): boolean {
  try {
    process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the web app (`nx build web`, cached by nx) when dist/apps/web is missing or older than
 * its sources. Browser specs may run in parallel workers: a lock folder (mkdir is atomic) lets one
 * build while the others wait, then find the build fresh. A lock whose process died is taken over.
 */
export async function ensureWebBuild(): Promise<string> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  mkdirSync(join(repoRoot(), 'dist'), { recursive: true });
  for (;;) {
    if (isFresh()) return WEB_DIST;
    try {
      mkdirSync(LOCK);
    } catch {
      if (!holderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`the web build's lock ${LOCK} was held too long`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      if (isFresh()) return WEB_DIST;
      build();
      return WEB_DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

function build(): void {
  const started = Date.now();
  try {
    execFileSync(join(repoRoot(), 'node_modules/.bin/nx'), ['build', 'web', '--output-style=static'], {
      cwd: repoRoot(),
      // Jest sets NODE_ENV=test, and Vite then builds React's development code (50 kB more gzip).
      env: { ...process.env, NODE_ENV: 'production', NX_DAEMON: 'false' },
      stdio: 'pipe',
      timeout: LOCK_WAIT_MS,
    });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `nx build web failed:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? String(error)}`,
    );
  }
  // Dated when the build started: a source saved during the build is newer, so it builds again.
  writeFileSync(STAMP, '');
  utimesSync(STAMP, new Date(started), new Date(started));
}
