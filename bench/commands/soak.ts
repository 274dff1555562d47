import { round } from '../shared/measure';
import { CpuShare } from './cpu-share';
import { OpenLoopResult, OpenLoopSample, percentiles } from './open-loop';

/** What the server reports about itself on 'stats' (server.ts). */
export interface ServerStats {
  rssMiB: number;
  heapUsedMiB: number;
  /** Since the previous stats: how late the loop ran a 10 ms timer. */
  eventLoopDelayMs: { mean: number; p99: number; max: number };
}

/** The server over one soak interval, and where the machine's CPUs went meanwhile. */
export type IntervalServer = ServerStats & { cpu: CpuShare };

const errorsOf = (samples: OpenLoopSample[], expectStatus: number) =>
  samples.filter((s) => s.status !== expectStatus).length;

/** The open-loop figures: latency from the due time, over every request of the run. */
export function openLoopFigures(result: OpenLoopResult, expectStatus: number) {
  const latency = percentiles(result.samples.map((s) => s.latencyMs));
  return {
    'openLoop.ratePerSec': round(result.ratePerSec, 1),
    'openLoop.durationSeconds': result.seconds,
    'openLoop.sent': result.sent,
    'openLoop.errors': errorsOf(result.samples, expectStatus),
    'openLoop.p50Ms': round(latency.p50),
    'openLoop.p95Ms': round(latency.p95),
    'openLoop.p99Ms': round(latency.p99),
    'openLoop.maxMs': round(latency.max),
  };
}

export interface SoakInterval {
  interval: number;
  /** Answers with the expected status read in this interval, per second. */
  requestsPerSec: number;
  /** Of the requests due in this interval, from their due time. */
  p99Ms: number;
  errors: number;
  server: IntervalServer;
}

/**
 * Cuts the soak into intervals (minutes by default): throughput by when answers were read (a
 * server that stalls reads fewer), latency and errors by when requests were due.
 */
export function soakIntervals(
  result: OpenLoopResult,
  intervalMs: number,
  serverStats: IntervalServer[],
  expectStatus: number,
): SoakInterval[] {
  const count = Math.round((result.seconds * 1000) / intervalMs);
  return Array.from({ length: count }, (_, i) => {
    const [from, to] = [i * intervalMs, (i + 1) * intervalMs];
    const done = result.samples.filter((s) => s.doneMs >= from && s.doneMs < to && s.status === expectStatus);
    const due = result.samples.filter((s) => s.dueMs >= from && s.dueMs < to);
    return {
      interval: i + 1,
      requestsPerSec: round(done.length / (intervalMs / 1000), 1),
      p99Ms: round(percentiles(due.map((s) => s.latencyMs)).p99),
      errors: errorsOf(due, expectStatus),
      server: serverStats[i],
    };
  });
}

/** The soak's figures: the last interval's throughput over the first's, and the run's latency. */
export function soakFigures(
  result: OpenLoopResult,
  intervals: SoakInterval[],
  serverAtStart: ServerStats,
  serverAtEnd: ServerStats,
  expectStatus: number,
) {
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  const latency = percentiles(result.samples.map((s) => s.latencyMs));
  return {
    'soak.ratePerSec': round(result.ratePerSec, 1),
    'soak.durationSeconds': result.seconds,
    'soak.sent': result.sent,
    'soak.errors': errorsOf(result.samples, expectStatus),
    'soak.firstIntervalRequestsPerSec': first.requestsPerSec,
    'soak.lastIntervalRequestsPerSec': last.requestsPerSec,
    'soak.throughputRatio': round(last.requestsPerSec / first.requestsPerSec),
    'soak.p50Ms': round(latency.p50),
    'soak.p99Ms': round(latency.p99),
    'soak.maxMs': round(latency.max),
    'soak.server.rssMiBAtStart': serverAtStart.rssMiB,
    'soak.server.rssMiBAtEnd': serverAtEnd.rssMiB,
    'soak.server.eventLoopDelayP99MsFirstInterval': first.server.eventLoopDelayMs.p99,
    'soak.server.eventLoopDelayP99MsLastInterval': last.server.eventLoopDelayMs.p99,
    'soak.server.eventLoopDelayMaxMsFirstInterval': first.server.eventLoopDelayMs.max,
    'soak.server.eventLoopDelayMaxMsLastInterval': last.server.eventLoopDelayMs.max,
  };
}

/**
 * Proof that the limiter ran on the soak's requests: every expected answer carried the RateLimit
 * headers, and the count they report grew (the limiter counted, it did not only answer).
 */
export function rateLimitSeen(result: OpenLoopResult, expectStatus: number) {
  const answered = result.samples.filter((s) => s.status === expectStatus);
  const counted = answered.filter((s) => s.rateLimitCount !== undefined);
  const maxCount = counted.reduce((max, s) => Math.max(max, s.rateLimitCount as number), 0);
  if (counted.length !== answered.length || maxCount < 2)
    throw new Error(
      `soak: the rate limiter did not count every request (${counted.length} of ${answered.length} ` +
        `answers carried RateLimit headers, highest count ${maxCount})`,
    );
  return { 'soak.rateLimit.answersWithHeaders': counted.length, 'soak.rateLimit.maxCountInWindow': maxCount };
}
