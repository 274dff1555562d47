import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `live_pid` decides whether `infra:up` starts a server or trusts the one it recorded. A stale pid
 * file (after a reboot, or a server that died) must never pass for a running server: that left
 * Kafka down while `infra:status` said "running", because the recorded number had become a thread
 * of another server.
 */
const lib = join(__dirname, '..', 'local', 'lib.sh');
let home: string;

function livePid(pid: number, writtenSecondsAgo = 0): string {
  const file = join(home, 'run', 'probe.pid');
  writeFileSync(file, `${pid}\n`);
  const when = Date.now() / 1000 - writtenSecondsAgo;
  utimesSync(file, when, when);
  return execFileSync('bash', ['-c', `source "${lib}"; live_pid probe`], {
    env: { ...process.env, TADAMON_INFRA_HOME: home, TADAMON_CACHE_DIR: join(home, 'cache') },
    encoding: 'utf8',
  }).trim();
}

function pidOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error('the child process did not start');
  return child.pid;
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'tadamon-infra-'));
  mkdirSync(join(home, 'run'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

it('recognises the process it has just started', () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    expect(livePid(pidOf(child))).toBe(String(child.pid));
  } finally {
    child.kill();
  }
});

it('does not take a thread of another process for the recorded server', () => {
  const thread = readdirSync(`/proc/${process.pid}/task`)
    .map(Number)
    .find((tid) => tid !== process.pid);
  expect(thread).toBeDefined();
  expect(livePid(thread ?? -1)).toBe('');
});

it('does not take a process older than its pid file for the recorded server', () => {
  // pid 1 started long before this pid file was written: the number was reused.
  expect(livePid(1)).toBe('');
});

it('does not take a process younger than its pid file for the recorded server', () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    expect(livePid(pidOf(child), 3600)).toBe('');
  } finally {
    child.kill();
  }
});

it('does not take a process that no longer exists', async () => {
  const child = spawn('true');
  await new Promise((exited) => child.on('exit', exited));
  expect(livePid(pidOf(child))).toBe('');
});
