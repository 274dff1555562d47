/**
 * npm run bench:rate-limit — what a request pays for the rate limiter, per store: the kit's guard
 * (a client limit no load reaches, so every request is counted and let through) on the in-memory
 * store and on PostgresRateLimitStore (DATABASE_URL, a pool of 10 as the services' own).
 * - sequential: one request at a time, time per request (the latency the limiter adds);
 * - concurrent: 50 requests in flight, as many as the guard takes per second, with p50/p99 and this
 *   process's CPU per request (PostgreSQL's own CPU is on top, on the same machine here).
 * Phases alternate in rounds so drift on a shared machine hits both stores alike. 1,000 client IPs.
 * Writes bench/results/rate-limit.json. The choice of TADAMON_RATE_LIMIT_STORE's default rests on it
 * (libs/nest-kit/README.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InMemoryRateLimitStore,
  PostgresRateLimitStore,
  RateLimitGuard,
  RateLimitStore,
} from '@tadamon/nest-kit';
import { Pool } from 'pg';
import { latencies, round } from '../shared/measure';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://tadamon:tadamon@127.0.0.1:5432/tadamon_test';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 3000);
const CONCURRENCY = 50;
const CLIENTS = 1000;

const log = (line: string) => process.stdout.write(`${line}\n`);

const requestFrom = (ip: string) =>
  ({
    getType: () => 'http',
    getHandler: requestFrom,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => ({ ip }), getResponse: () => ({ headers: () => undefined }) }),
  }) as unknown as ExecutionContext;
const requests = Array.from({ length: CLIENTS }, (_, c) => requestFrom(`198.18.${c >> 8}.${c & 255}`));

interface Phase {
  requests: number;
  seconds: number;
  samplesNs: number[];
  cpuSeconds: number;
}

/** Runs `workers` loops of one guarded request after another for `durationMs`. */
async function phase(guard: RateLimitGuard, workers: number, durationMs: number): Promise<Phase> {
  const samplesNs: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(durationMs) * 1_000_000n;
  const worker = async () => {
    while (process.hrtime.bigint() < deadline) {
      const start = process.hrtime.bigint();
      await guard.canActivate(requests[next++ % CLIENTS]);
      samplesNs.push(Number(process.hrtime.bigint() - start));
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { requests: samplesNs.length, seconds, samplesNs, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function figures(name: string, phases: Phase[]): Record<string, number> {
  const count = phases.reduce((sum, p) => sum + p.requests, 0);
  const seconds = phases.reduce((sum, p) => sum + p.seconds, 0);
  const cpu = phases.reduce((sum, p) => sum + p.cpuSeconds, 0);
  const l = latencies(phases.flatMap((p) => p.samplesNs));
  return {
    [`${name}.requestsPerSec`]: round(count / seconds, 0),
    [`${name}.p50Ms`]: round(l.p50, 4),
    [`${name}.p99Ms`]: round(l.p99, 4),
    [`${name}.cpuMsPerRequest`]: round((cpu / count) * 1000, 4),
  };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const pool = new Pool({ connectionString: DATABASE_URL, max: 10 });
  const schema = `bench_rl_${process.pid}`;
  const guardOn = (store: RateLimitStore) =>
    new RateLimitGuard(new Reflector(), { limit: 1e12, windowMs: 60_000 }, store);
  const memory = guardOn(new InMemoryRateLimitStore());
  const postgres = guardOn(await PostgresRateLimitStore.create(pool, { schema }));
  const stores = { memory, postgres };
  const measured: Record<string, Phase[]> = {};
  try {
    for (const guard of Object.values(stores)) await phase(guard, CONCURRENCY, 1000); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['memory', 'postgres'] as const) : (['postgres', 'memory'] as const);
      log(`round ${r + 1}/${ROUNDS}: ${order.join(', ')}, sequential then ${CONCURRENCY} concurrent`);
      for (const name of order)
        for (const [kind, workers] of [
          ['sequential', 1],
          ['concurrent', CONCURRENCY],
        ] as const)
          (measured[`${name}.${kind}`] ??= []).push(await phase(stores[name], workers, PHASE_MS));
    }
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
    await memory.onModuleDestroy();
  }
  const metrics = Object.assign({}, ...Object.entries(measured).map(([name, p]) => figures(name, p)));
  const result = {
    name: 'rate-limit',
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage1m: { before: round(loadBefore[0], 2), after: round(loadavg()[0], 2) },
      note: 'PostgreSQL runs on the same machine; its CPU is not in cpuMsPerRequest',
    },
    metrics,
    params: {
      rounds: ROUNDS,
      phaseMs: PHASE_MS,
      concurrency: CONCURRENCY,
      clients: CLIENTS,
      'pg.poolMax': 10,
    },
  };
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'rate-limit.json'), `${JSON.stringify(result, null, 2)}\n`);
  for (const [key, value] of Object.entries(metrics)) log(`${key.padEnd(40)} ${value}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `bench:rate-limit failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
