/**
 * npm run bench:commands — register-association commands over HTTP against the embedded platform
 * (createApp, as `npm start` runs it: request logging on at the default level, to a file), 50
 * concurrent keep-alive clients. In the same run, the two limits a command stands on:
 * - a bare NestJS-on-Fastify app: one POST route taking the same body and answering 201 (no kit,
 *   no auth, no validation), same client, same concurrency, same duration;
 * - the raw SQLite durable append: better-sqlite3, WAL, synchronous=FULL, one IMMEDIATE
 *   transaction of one INSERT of a row the size of the one a command stores, sequential.
 * Command throughput is reported as a ratio of the smaller limit (target >= 0.4), with p99
 * (target <= 50 ms). Phases alternate in rounds so drift on a shared machine hits all three alike.
 * Each server runs in its own process; the load generator and the raw append run in this one.
 * Writes bench/results/commands.json (shared/BENCHMARKS.md).
 */
import { ChildProcess, fork } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { latencies, round } from '../shared/measure';
import { assertAllExpected, HttpLoad } from './load';
import { countBenchEvents, RawDurableAppend, storedCommandRow } from './raw-sqlite';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 4000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3000);
/** Set to a folder to write V8 CPU profiles of the servers there (platform/, bare/). */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
// The servers run with the Node flags `npm start` gives the platform (package.json), unless
// BENCH_NODE_FLAGS replaces them (to try runtime settings).
const START_FLAGS = ['--max-semi-space-size=32'];
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? START_FLAGS;
const COMMAND_PATH = '/api/registry/associations';
const BARE_PATH = '/api/bare/associations';
const TARGETS = { 'registerAssociation.throughput': 0.4, 'registerAssociation.p99Ms': 50 };

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The register command's body: every field the issue names, the id unique per request. */
const commandBody = (n: number) =>
  JSON.stringify({
    associationId: `bench-${n}`,
    profile: {
      names: {
        fr: `Association bench ${n} pour le développement de la vallée`,
        ar: `جمعية التنمية ${n}`,
        en: `Bench development association ${n}`,
      },
      hostCountries: ['FR'],
      originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
      sectors: ['14030'],
    },
  });

interface Server {
  child: ChildProcess;
  origin: string;
  logFile: string;
}

/** Forks server.ts in `mode`, its stdout and stderr (the app's logs) to a file; resolves once listening. */
function startServer(mode: 'platform' | 'bare', dir: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const logFile = join(dir, `${mode}.log`);
  const fd = openSync(logFile, 'a');
  const profile = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF_DIR, mode)}`] : [];
  const child = fork(join(__dirname, 'server.ts'), [mode, join(dir, 'data')], {
    execArgv: ['-r', '@swc-node/register', ...NODE_FLAGS, ...profile],
    env,
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server: not listening after 180 s`)), 180_000);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve({ child, origin: `http://127.0.0.1:${message.port}`, logFile });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`${mode} server exited (${code}) before listening; see ${logFile}:\n${tail(logFile)}`),
      );
    });
  });
}

/** The server process's CPU time so far, in seconds: user (JavaScript, parsing) and system (I/O). */
function cpuTime(server: Server): Promise<{ user: number; system: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no CPU time from the server in 10 s')), 10_000);
    const onMessage = (message: { cpu?: NodeJS.CpuUsage }) => {
      if (!message.cpu) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolve({ user: message.cpu.user / 1e6, system: message.cpu.system / 1e6 });
    };
    server.child.on('message', onMessage);
    server.child.send('cpu');
  });
}

/** Runs one load phase, with the server's CPU time over it. */
async function measured(server: Server, load: HttpLoad, durationMs: number, name: string) {
  const before = await cpuTime(server);
  const result = await load.run(durationMs);
  const after = await cpuTime(server);
  assertAllExpected(name, result, 201);
  return { ...result, userCpu: after.user - before.user, systemCpu: after.system - before.system };
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
    server.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.send('stop');
  });
}

const tail = (file: string) => readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

function expectStatus(what: string, actual: { status: number; text: string }, status: number): void {
  if (actual.status !== status)
    throw new Error(`${what}: expected ${status}, got ${actual.status}: ${actual.text.slice(0, 500)}`);
}

/** Sums phases: throughput over their summed wall time, latencies over all their samples. */
function summed(phases: { count: number; seconds: number; samplesNs: number[] }[]) {
  const count = phases.reduce((sum, p) => sum + p.count, 0);
  const seconds = phases.reduce((sum, p) => sum + p.seconds, 0);
  const samplesNs = phases.flatMap((p) => p.samplesNs);
  return { count, seconds, perSec: count / seconds, ...latencies(samplesNs) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-commands-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The kit's per-IP rate limit would answer 429 to a load from one address.
    TADAMON_RATE_LIMIT: String(1_000_000_000),
  };
  delete env.TADAMON_JWT_SECRET;
  delete env.TADAMON_MASTER_KEY;
  delete env.DATA_DIR;
  log(`bench:commands: starting the embedded platform and a bare NestJS-on-Fastify app (logs in ${dir})`);
  const servers = await Promise.allSettled([
    startServer('platform', dir, env),
    startServer('bare', dir, env),
  ]);
  const failed = servers.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    for (const s of servers) if (s.status === 'fulfilled') await stopServer(s.value);
    throw failed.reason;
  }
  const [platform, bare] = servers.map((s) => (s as PromiseFulfilledResult<Server>).value);
  const eventStoreFile = join(dir, 'data', 'events.db');
  let raw: RawDurableAppend | undefined;
  const loads: HttpLoad[] = [];
  try {
    const token = await post(`${platform.origin}/api/auth/token`, {
      username: 'officer',
      password: 'tadamon-demo',
    });
    expectStatus('POST /api/auth/token', token, 200);
    const authorization = `Bearer ${(JSON.parse(token.text) as { access_token: string }).access_token}`;
    // The request path under test checks tokens and bodies: make sure it does in this run.
    expectStatus(
      'a command without a token',
      await post(platform.origin + COMMAND_PATH, commandBody(-1)),
      401,
    );
    expectStatus(
      'a command with an invalid body',
      await post(
        platform.origin + COMMAND_PATH,
        { associationId: 'bench-invalid', profile: { names: 3 } },
        {
          authorization,
        },
      ),
      400,
    );

    const command = new HttpLoad(
      {
        origin: platform.origin,
        path: COMMAND_PATH,
        headers: { 'content-type': 'application/json', authorization },
        body: commandBody,
        expectStatus: 201,
      },
      CONNECTIONS,
    );
    const bareLoad = new HttpLoad(
      {
        origin: bare.origin,
        path: BARE_PATH,
        headers: { 'content-type': 'application/json', authorization },
        body: commandBody,
        expectStatus: 201,
      },
      CONNECTIONS,
    );
    loads.push(command, bareLoad);

    log(`warm-up: ${WARMUP_MS} ms each of the bare route and the command, ${CONNECTIONS} clients`);
    assertAllExpected('bare warm-up', await bareLoad.run(WARMUP_MS), 201);
    assertAllExpected('command warm-up', await command.run(WARMUP_MS), 201);
    const template = storedCommandRow(eventStoreFile);
    raw = new RawDurableAppend(dir, template);
    raw.run(Math.min(WARMUP_MS, 1000));

    type Measured = Awaited<ReturnType<typeof measured>>;
    const commandPhases: Measured[] = [];
    const barePhases: Measured[] = [];
    const rawPhases: ReturnType<RawDurableAppend['run']>[] = [];
    const rawAppend = raw;
    const phases: [string, () => Promise<void>][] = [
      ['bare', async () => void barePhases.push(await measured(bare, bareLoad, PHASE_MS, 'bare route'))],
      [
        'command',
        async () => void commandPhases.push(await measured(platform, command, PHASE_MS, 'register command')),
      ],
      ['raw', async () => void rawPhases.push(rawAppend.run(PHASE_MS))],
    ];
    for (let r = 0; r < ROUNDS; r++) {
      // Each phase goes first in one round: drift on the machine hits the three alike.
      const order = phases.map((_, i) => phases[(i + r) % phases.length]);
      log(`round ${r + 1}/${ROUNDS}: ${order.map(([name]) => name).join(', ')} (${PHASE_MS} ms each)`);
      for (const [, phase] of order) await phase();
    }
    await Promise.all(loads.map((l) => l.close()));
    loads.length = 0;

    await stopServer(platform);
    await stopServer(bare);
    // Every 201 is in the log: the answer came after the durable append.
    const stored = countBenchEvents(eventStoreFile);
    const answered201 = command.sent;
    if (stored !== answered201)
      throw new Error(`${answered201} register commands answered 201 but ${stored} are in the log`);

    const cmd = summed(
      commandPhases.map((p) => ({ count: p.requests, seconds: p.seconds, samplesNs: p.samplesNs })),
    );
    const bareSum = summed(
      barePhases.map((p) => ({ count: p.requests, seconds: p.seconds, samplesNs: p.samplesNs })),
    );
    const rawSum = summed(
      rawPhases.map((p) => ({ count: p.appends, seconds: p.seconds, samplesNs: p.samplesNs })),
    );
    const smaller = bareSum.perSec <= rawSum.perSec ? 'bareNestFastify' : 'sqlite.rawDurableAppend';
    const ratio = cmd.perSec / Math.min(bareSum.perSec, rawSum.perSec);
    const platformLog = readFileSync(platform.logFile, 'utf8');
    const metrics = {
      'registerAssociation.requestsPerSec': round(cmd.perSec, 1),
      'registerAssociation.p50Ms': round(cmd.p50),
      'registerAssociation.p95Ms': round(cmd.p95),
      'registerAssociation.p99Ms': round(cmd.p99),
      'registerAssociation.maxMs': round(cmd.max),
      'registerAssociation.requests': cmd.count,
      ...cpuFigures('registerAssociation', commandPhases, cmd),
    };
    const result = {
      name: 'commands',
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        loadAverage1m: { before: round(loadBefore[0], 2), after: round(loadavg()[0], 2) },
        note:
          'the load generator (with the raw append) and each server run in their own process on these ' +
          'CPUs; other jobs on the machine are not stopped: see the load average',
      },
      metrics,
      limits: {
        'bareNestFastify.requestsPerSec': round(bareSum.perSec, 1),
        'bareNestFastify.p50Ms': round(bareSum.p50),
        'bareNestFastify.p95Ms': round(bareSum.p95),
        'bareNestFastify.p99Ms': round(bareSum.p99),
        'bareNestFastify.maxMs': round(bareSum.max),
        ...cpuFigures('bareNestFastify', barePhases, bareSum),
        'sqlite.rawDurableAppend.appendsPerSec': round(rawSum.perSec, 1),
        'sqlite.rawDurableAppend.p50Ms': round(rawSum.p50),
        'sqlite.rawDurableAppend.p95Ms': round(rawSum.p95),
        'sqlite.rawDurableAppend.p99Ms': round(rawSum.p99),
        'sqlite.rawDurableAppend.maxMs': round(rawSum.max),
      },
      ratios: { 'registerAssociation.throughput': round(ratio) },
      ratioOf: smaller,
      targets: TARGETS,
      pass: {
        'registerAssociation.throughput': ratio >= TARGETS['registerAssociation.throughput'],
        'registerAssociation.p99Ms':
          metrics['registerAssociation.p99Ms'] <= TARGETS['registerAssociation.p99Ms'],
      },
      params: {
        connections: CONNECTIONS,
        rounds: ROUNDS,
        phaseMs: PHASE_MS,
        warmupMs: WARMUP_MS,
        'http.client': 'undici Pool, keep-alive, pipelining 1, closed loop',
        'command.bodyBytes': Buffer.byteLength(commandBody(100000)),
        'command.answered201': answered201,
        'command.storedEvents': stored,
        'platform.logLines': platformLog.split('\n').filter(Boolean).length,
        'platform.logLevel': 'info (default, request logging on)',
        'servers.nodeFlags': NODE_FLAGS.join(' '),
        'platform.demoData': 'seeded (as npm start)',
        'sqlite.synchronous': 'FULL',
        'sqlite.journalMode': 'WAL',
        'sqlite.rawRowBytes': raw.rowBytes,
        'sqlite.rawAppends': rawSum.count,
        'sqlite.eventStoreFileBytes': statSync(eventStoreFile).size,
      },
      seconds: Math.round((Date.now() - started) / 1000),
    };
    const out = join(__dirname, '..', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'commands.json'), `${JSON.stringify(result, null, 2)}\n`);
    printSummary(result, cmd, bareSum, rawSum);
    log(`\nwritten ${join('bench', 'results', 'commands.json')} in ${result.seconds} s`);
  } finally {
    await Promise.all(loads.map((l) => l.close()));
    raw?.close();
    await Promise.all([stopServer(platform), stopServer(bare)]);
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

type Summary = ReturnType<typeof summed>;

/** The server's CPU per request (user: JavaScript and parsing; system: the kernel, fsync included). */
function cpuFigures(
  name: string,
  phases: { userCpu: number; systemCpu: number }[],
  sum: Summary,
): Record<string, number> {
  const user = phases.reduce((total, p) => total + p.userCpu, 0);
  const system = phases.reduce((total, p) => total + p.systemCpu, 0);
  return {
    [`${name}.serverUserCpuMsPerRequest`]: round((user / sum.count) * 1000),
    [`${name}.serverSystemCpuMsPerRequest`]: round((system / sum.count) * 1000),
    [`${name}.serverCpuUtilisation`]: round((user + system) / sum.seconds, 2),
  };
}

function printSummary(
  result: {
    ratios: Record<string, number>;
    ratioOf: string;
    pass: Record<string, boolean>;
    targets: Record<string, number>;
  },
  cmd: Summary,
  bare: Summary,
  raw: Summary,
): void {
  const row = (name: string, s: Summary, unit: string) =>
    `${name.padEnd(34)}${Math.round(s.perSec).toLocaleString('en-US').padStart(9)} ${unit.padEnd(10)}` +
    `p50 ${s.p50.toFixed(2).padStart(7)}  p99 ${s.p99.toFixed(2).padStart(7)}  max ${s.max.toFixed(1).padStart(7)} ms`;
  const verdict = (key: string) => (result.pass[key] ? 'MET' : 'NOT MET');
  log('');
  log(row(`register command (${CONNECTIONS} clients)`, cmd, 'req/s'));
  log(row(`bare NestJS-on-Fastify (${CONNECTIONS} clients)`, bare, 'req/s'));
  log(row('raw SQLite durable append', raw, 'appends/s'));
  log(
    `command / min(limits) = ${result.ratios['registerAssociation.throughput']} (of ${result.ratioOf}); ` +
      `target >= ${result.targets['registerAssociation.throughput']}: ${verdict('registerAssociation.throughput')}`,
  );
  log(
    `command p99 = ${cmd.p99.toFixed(2)} ms; target <= ${result.targets['registerAssociation.p99Ms']} ms: ` +
      verdict('registerAssociation.p99Ms'),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:commands failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
