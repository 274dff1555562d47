import { Pool } from 'undici';
import type { LoadTarget } from './load';

/** One request of an open-loop run, timed from when it was due, not from when it could be sent. */
export interface OpenLoopSample {
  /** When the request was due, in ms since the run started. */
  dueMs: number;
  /** When its answer was read (or it failed), in ms since the run started. */
  doneMs: number;
  /** doneMs - dueMs: the waiting a client arriving on schedule saw (no coordinated omission). */
  latencyMs: number;
  /** The status, or 0 when the request failed without one (connection error, timeout). */
  status: number;
  /** The count the rate limiter reported for this request (ratelimit-limit - ratelimit-remaining). */
  rateLimitCount: number | undefined;
}

export interface OpenLoopResult {
  ratePerSec: number;
  seconds: number;
  sent: number;
  samples: OpenLoopSample[];
  statuses: Record<number, number>;
  /** The first few answers that were not the expected status: status and body or error. */
  unexpected: { status: number; body: string }[];
}

/**
 * An open-loop HTTP load: requests are due at a fixed arrival rate whatever the server does (the
 * i-th at start + i / rate), sent over a pool of keep-alive connections (queued in the client when
 * every connection is busy). Each latency runs from the due time, so a stalled server is charged
 * for every request it held back, not only for the one in flight (no coordinated omission).
 * A 1 ms timer sends what is due: its own lateness counts against the server, never for it.
 */
export class OpenLoopLoad {
  private readonly pool: Pool;
  private next = 0;

  constructor(
    private readonly target: LoadTarget,
    connections: number,
    /** A request not answered in this time is an error (status 0). */
    timeoutMs = 30_000,
  ) {
    this.pool = new Pool(target.origin, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 120_000,
      keepAliveMaxTimeout: 600_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  /** Sends `ratePerSec` requests a second for `durationMs`, then waits for the last answers. */
  async run(ratePerSec: number, durationMs: number): Promise<OpenLoopResult> {
    if (!(ratePerSec > 0)) throw new RangeError(`open loop: rate must be positive, got ${ratePerSec}`);
    const { path, headers, body, expectStatus } = this.target;
    const samples: OpenLoopSample[] = [];
    const statuses: Record<number, number> = {};
    const unexpected: OpenLoopResult['unexpected'] = [];
    const total = Math.floor((ratePerSec * durationMs) / 1000);
    const started = process.hrtime.bigint();
    const sinceStartMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    const inFlight: Promise<void>[] = [];
    const record = (dueMs: number, status: number, text: string, count: number | undefined) => {
      const doneMs = sinceStartMs();
      samples.push({ dueMs, doneMs, latencyMs: doneMs - dueMs, status, rateLimitCount: count });
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== expectStatus && unexpected.length < 5)
        unexpected.push({ status, body: text.slice(0, 500) });
    };
    const send = async (dueMs: number) => {
      try {
        const response = await this.pool.request({ path, method: 'POST', headers, body: body(this.next++) });
        const text = await response.body.text();
        record(dueMs, response.statusCode, text, rateLimitCount(response.headers));
      } catch (error) {
        record(dueMs, 0, error instanceof Error ? error.message : String(error), undefined);
      }
    };
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = sinceStartMs();
        while (sent < total && (sent * 1000) / ratePerSec <= now) {
          inFlight.push(send((sent * 1000) / ratePerSec));
          sent += 1;
        }
        if (sent < total) setTimeout(tick, 1);
        else resolve();
      };
      tick();
    });
    await Promise.all(inFlight);
    return { ratePerSec, seconds: durationMs / 1000, sent, samples, statuses, unexpected };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function rateLimitCount(headers: Record<string, string | string[] | undefined>): number | undefined {
  const limit = Number(headers['ratelimit-limit']);
  const remaining = Number(headers['ratelimit-remaining']);
  return Number.isFinite(limit) && Number.isFinite(remaining) && headers['ratelimit-limit'] !== undefined
    ? limit - remaining
    : undefined;
}

/** Percentiles in milliseconds of latencies in milliseconds. */
export function percentiles(latencyMs: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = Float64Array.from(latencyMs).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}
