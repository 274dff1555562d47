/**
 * npm run bench:commands — register-association commands over HTTP against the embedded platform
 * (createApp, as `npm start` runs it: request logging on at the default level, to a file), 50
 * concurrent keep-alive clients. In the same run, the two limits a command stands on:
 * - a bare NestJS-on-Fastify app: one POST route taking the same body and answering 201 (no kit,
 *   no auth, no validation), same client, same concurrency, same duration;
 * - the raw SQLite durable append: better-sqlite3, WAL, synchronous=FULL, one IMMEDIATE
 *   transaction of one INSERT of a row the size of the one a command stores, sequential.
 * Command throughput (closed loop, saturation) is reported as a ratio of the smaller limit (target
 * >= 0.4); its p99 is information only: 50 clients at saturation measure queueing, not the service.
 * Phases alternate in rounds so drift on a shared machine hits all three alike. That throughput is
 * the platform's capacity, and then, open loop (a fixed arrival rate, latency from each request's
 * due time, so a stall is charged for every request it held back: no coordinated omission):
 * - openLoop: half the capacity for BENCH_OPEN_LOOP_MS (default 30 s), p99 target <= 50 ms;
 * - soak: 80 % of the capacity for BENCH_SOAK_MS (default 5 minutes) with the rate limiter on
 *   (a limit no load reaches, but counted on every request: checked from the RateLimit headers of
 *   every answer, and by a second client refused 429 past the token route's own limit halfway);
 *   per minute the throughput, p99, errors, the server's RSS, heap and event-loop delay, and where
 *   the CPUs went (server, this process, the rest of the machine); target: the last minute's
 *   throughput over the first's >= 0.9.
 * The open loop reports the server's event-loop delay and the CPU shares too: on a shared machine
 * they tell a slow service from a starved one.
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
import { cpuReading, cpuShare } from './cpu-share';
import { OpenLoopLoad } from './open-loop';
import {
  openLoopFigures,
  rateLimitSeen,
  IntervalServer,
  ServerStats,
  soakFigures,
  SoakInterval,
  soakIntervals,
} from './soak';
import { countBenchEvents, RawDurableAppend, storedCommandRow } from './raw-sqlite';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 4000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3000);
const OPEN_LOOP_MS = Number(process.env.BENCH_OPEN_LOOP_MS ?? 30_000);
const SOAK_MS = Number(process.env.BENCH_SOAK_MS ?? 300_000);
// Minutes; a shorter soak (to try the bench) is cut in two.
const SOAK_INTERVAL_MS = Math.min(60_000, SOAK_MS / 2);
const OPEN_LOOP_CONNECTIONS = 100;
// Requests per client IP per minute: no load of this bench reaches it, every request is counted.
const RATE_LIMIT = 1_000_000_000;
/** Set to a folder to write V8 CPU profiles of the servers there (platform/, bare/). */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
// The servers run with the Node flags `npm start` gives the platform (package.json), unless
// BENCH_NODE_FLAGS replaces them (to try runtime settings).
const START_FLAGS = ['--max-semi-space-size=32'];
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? START_FLAGS;
const COMMAND_PATH = '/api/registry/associations';
const BARE_PATH = '/api/bare/associations';
const TARGETS = { 'registerAssociation.throughput': 0.4, 'openLoop.p99Ms': 50, 'soak.throughputRatio': 0.9 };

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

/** Asks the server process for `what` over IPC (server.ts answers `{ [what]: ... }`). */
function ask<T>(server: Server, what: 'cpu' | 'stats'): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} from the server in 10 s`)), 10_000);
    const onMessage = (message: Record<string, T | undefined>) => {
      const answer = message[what];
      if (answer === undefined) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolve(answer);
    };
    server.child.on('message', onMessage);
    server.child.send(what);
  });
}

/** The server process's CPU time so far, in seconds: user (JavaScript, parsing) and system (I/O). */
async function cpuTime(server: Server): Promise<{ user: number; system: number }> {
  const cpu = await ask<NodeJS.CpuUsage>(server, 'cpu');
  return { user: cpu.user / 1e6, system: cpu.system / 1e6 };
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

/**
 * A second client, during the soak: invalid bodies to the token route (its own limit: 20 a minute
 * per client IP) until one is refused. The guard counts before validation, so no password is hashed.
 * Returns how many requests it took; throws if none was refused (the limiter is not running). 41
 * requests at most: a fixed window may end among them (20 counted in the old one, 21 in the new).
 */
async function refusedAfter(origin: string): Promise<number> {
  for (let n = 1; n <= 41; n++) {
    const answer = await post(`${origin}/api/auth/token`, {});
    if (answer.status === 429) return n;
    if (answer.status !== 400) throw new Error(`rate limit probe: expected 400 or 429, got ${answer.status}`);
  }
  throw new Error('rate limit probe: 41 requests to the token route, none refused with 429');
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
    TADAMON_RATE_LIMIT: String(RATE_LIMIT),
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
    await stopServer(bare);

    const cmd = summed(
      commandPhases.map((p) => ({ count: p.requests, seconds: p.seconds, samplesNs: p.samplesNs })),
    );
    // The request numbers go on after the closed loop's: every body registers a new association.
    let nextBody = command.sent;
    const openTarget = {
      origin: platform.origin,
      path: COMMAND_PATH,
      headers: { 'content-type': 'application/json', authorization },
      body: () => commandBody(nextBody++),
      expectStatus: 201,
    };
    const openLoad = new OpenLoopLoad(openTarget, OPEN_LOOP_CONNECTIONS);
    const openRate = cmd.perSec / 2;
    log(
      `open loop: ${openRate.toFixed(0)} commands/s (half of ${cmd.perSec.toFixed(0)}) for ${OPEN_LOOP_MS} ms`,
    );
    await ask<ServerStats>(platform, 'stats'); // resets the server's event-loop delay histogram
    const openCpuBefore = await cpuReading(() => cpuTime(platform));
    const open = await openLoad.run(openRate, OPEN_LOOP_MS);
    const openCpu = cpuShare(openCpuBefore, await cpuReading(() => cpuTime(platform)));
    const openServer = await ask<ServerStats>(platform, 'stats');
    await openLoad.close();

    const soakRate = cmd.perSec * 0.8;
    log(`soak: ${soakRate.toFixed(0)} commands/s (80 %) for ${SOAK_MS} ms, rate limiter on`);
    const soakLoad = new OpenLoopLoad(openTarget, OPEN_LOOP_CONNECTIONS);
    const serverAtStart = await ask<ServerStats>(platform, 'stats');
    // Each interval: the server's memory and event-loop delay, and where the machine's CPUs went.
    const intervalStats: IntervalServer[] = [];
    let lastReading = await cpuReading(() => cpuTime(platform));
    const sample = async () => {
      const reading = await cpuReading(() => cpuTime(platform));
      const stats = await ask<ServerStats>(platform, 'stats');
      intervalStats.push({ ...stats, cpu: cpuShare(lastReading, reading) });
      lastReading = reading;
    };
    const statsTimer = setInterval(() => void sample().catch(() => undefined), SOAK_INTERVAL_MS);
    let probe: Promise<number> | undefined;
    const probeTimer = setTimeout(() => {
      probe = refusedAfter(platform.origin);
      probe.catch(() => undefined); // awaited after the soak
    }, SOAK_MS / 2);
    const soak = await soakLoad.run(soakRate, SOAK_MS).finally(() => {
      clearInterval(statsTimer);
      clearTimeout(probeTimer);
    });
    await soakLoad.close();
    // The last interval's timer may fire after the last answer, or not.
    while (intervalStats.length < Math.round(SOAK_MS / SOAK_INTERVAL_MS)) await sample();
    const serverAtEnd = intervalStats[intervalStats.length - 1];
    if (!probe) throw new Error('soak: the rate limit probe did not run');
    const probeRefusedAfter = await probe;

    await stopServer(platform);
    // Every 201 is in the log: the answer came after the durable append. An open-loop request that
    // failed without an answer may or may not have been stored.
    const stored = countBenchEvents(eventStoreFile);
    const openAnswered = (r: typeof open) => r.statuses[201] ?? 0;
    const answered201 = command.sent + openAnswered(open) + openAnswered(soak);
    const sentTotal = command.sent + open.sent + soak.sent;
    if (stored < answered201 || stored > sentTotal)
      throw new Error(
        `${answered201} register commands answered 201 (of ${sentTotal} sent) but ${stored} are in the log`,
      );
    const intervals = soakIntervals(soak, SOAK_INTERVAL_MS, intervalStats, 201);
    const openFigures = {
      ...openLoopFigures(open, 201),
      'openLoop.server.eventLoopDelayP99Ms': openServer.eventLoopDelayMs.p99,
      'openLoop.server.eventLoopDelayMaxMs': openServer.eventLoopDelayMs.max,
      'openLoop.cpu.serverCores': openCpu.serverCores,
      'openLoop.cpu.benchCores': openCpu.benchCores,
      ...(openCpu.otherCores === undefined ? {} : { 'openLoop.cpu.otherCores': openCpu.otherCores }),
    };
    const soakResult = {
      ...soakFigures(soak, intervals, serverAtStart, serverAtEnd, 201),
      ...rateLimitSeen(soak, 201),
      'soak.rateLimit.probeRefusedAfter': probeRefusedAfter,
    };
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
      ...openFigures,
      ...soakResult,
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
      ratios: {
        'registerAssociation.throughput': round(ratio),
        'soak.throughputRatio': soakResult['soak.throughputRatio'],
      },
      ratioOf: smaller,
      targets: TARGETS,
      pass: {
        'registerAssociation.throughput': ratio >= TARGETS['registerAssociation.throughput'],
        'openLoop.p99Ms': metrics['openLoop.p99Ms'] <= TARGETS['openLoop.p99Ms'],
        'soak.throughputRatio': soakResult['soak.throughputRatio'] >= TARGETS['soak.throughputRatio'],
      },
      information: {
        'registerAssociation.p99Ms':
          `closed loop at saturation (${CONNECTIONS} clients): it measures queueing, not the service; ` +
          'no target (the latency target is openLoop.p99Ms)',
      },
      soakIntervals: intervals,
      params: {
        connections: CONNECTIONS,
        rounds: ROUNDS,
        phaseMs: PHASE_MS,
        warmupMs: WARMUP_MS,
        'http.client': 'undici Pool, keep-alive, pipelining 1, closed loop',
        'openLoop.client': `undici Pool of ${OPEN_LOOP_CONNECTIONS} keep-alive connections, fixed arrival rate, latency from the due time`,
        'openLoop.rateOfCapacity': 0.5,
        'openLoop.durationMs': OPEN_LOOP_MS,
        'soak.rateOfCapacity': 0.8,
        'soak.durationMs': SOAK_MS,
        'soak.intervalMs': SOAK_INTERVAL_MS,
        'soak.rateLimitPerMinute': RATE_LIMIT,
        'capacity.requestsPerSec': round(cmd.perSec, 1),
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
    metrics: Record<string, number>;
    soakIntervals: SoakInterval[];
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
  log(`command p99 at saturation = ${cmd.p99.toFixed(2)} ms (information: closed loop, queueing)`);
  const m = result.metrics;
  log(
    `open loop at ${m['openLoop.ratePerSec']}/s: p50 ${m['openLoop.p50Ms']}  p95 ${m['openLoop.p95Ms']}  ` +
      `p99 ${m['openLoop.p99Ms']} ms, ${m['openLoop.errors']} errors; target p99 <= ` +
      `${result.targets['openLoop.p99Ms']} ms: ${verdict('openLoop.p99Ms')}`,
  );
  log(
    `  meanwhile: server loop delay p99 ${m['openLoop.server.eventLoopDelayP99Ms']} ms; cores: server ` +
      `${m['openLoop.cpu.serverCores']}, bench ${m['openLoop.cpu.benchCores']}, others ${m['openLoop.cpu.otherCores']}`,
  );
  for (const i of result.soakIntervals)
    log(
      `soak interval ${i.interval}: ${i.requestsPerSec}/s  p99 ${i.p99Ms} ms  errors ${i.errors}  ` +
        `server RSS ${i.server.rssMiB} MiB (heap ${i.server.heapUsedMiB}), loop delay p99 ` +
        `${i.server.eventLoopDelayMs.p99} ms; cores: server ${i.server.cpu.serverCores}, ` +
        `bench ${i.server.cpu.benchCores}, others ${i.server.cpu.otherCores}`,
    );
  log(
    `soak last / first interval = ${m['soak.throughputRatio']}; target >= ` +
      `${result.targets['soak.throughputRatio']}: ${verdict('soak.throughputRatio')} ` +
      `(rate limiter counted ${m['soak.rateLimit.answersWithHeaders']} answers, probe refused after ` +
      `${m['soak.rateLimit.probeRefusedAfter']})`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:commands failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
