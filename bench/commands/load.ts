import { Pool } from 'undici';

/** What one load phase measured: completed requests, wall time, per-request latency, statuses. */
export interface LoadResult {
  requests: number;
  seconds: number;
  samplesNs: number[];
  statuses: Record<number, number>;
  /** The first few answers that were not the expected status: status and body. */
  unexpected: { status: number; body: string }[];
}

export interface LoadTarget {
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The request body of the n-th request of the whole run (n unique across phases). */
  body: (n: number) => string;
  expectStatus: number;
}

/**
 * A closed-loop HTTP load: `connections` clients over keep-alive TCP connections (one undici
 * Pool, no pipelining), each sending its next request as soon as its previous answer is read.
 * The pool stays open between phases, so warm-up and measured phases reuse the connections.
 */
export class HttpLoad {
  private readonly pool: Pool;
  private next = 0;

  constructor(
    private readonly target: LoadTarget,
    private readonly connections: number,
  ) {
    this.pool = new Pool(target.origin, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 120_000,
      keepAliveMaxTimeout: 600_000,
    });
  }

  /** Runs the load for `durationMs`; requests started before the deadline are waited for. */
  async run(durationMs: number): Promise<LoadResult> {
    const { path, headers, body, expectStatus } = this.target;
    const samplesNs: number[] = [];
    const statuses: Record<number, number> = {};
    const unexpected: LoadResult['unexpected'] = [];
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(durationMs) * 1_000_000n;
    const client = async () => {
      while (process.hrtime.bigint() < deadline) {
        const payload = body(this.next++);
        const start = process.hrtime.bigint();
        const response = await this.pool.request({ path, method: 'POST', headers, body: payload });
        const text = await response.body.text();
        samplesNs.push(Number(process.hrtime.bigint() - start));
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        if (response.statusCode !== expectStatus && unexpected.length < 5)
          unexpected.push({ status: response.statusCode, body: text.slice(0, 500) });
      }
    };
    await Promise.all(Array.from({ length: this.connections }, client));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { requests: samplesNs.length, seconds, samplesNs, statuses, unexpected };
  }

  /** How many requests this load has sent so far (warm-up included). */
  get sent(): number {
    return this.next;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Throws, naming the statuses, when any answer of the phase was not the expected status. */
export function assertAllExpected(name: string, result: LoadResult, expectStatus: number): void {
  const bad = result.requests - (result.statuses[expectStatus] ?? 0);
  if (bad === 0) return;
  throw new Error(
    `${name}: ${bad} of ${result.requests} answers were not ${expectStatus} ` +
      `(statuses ${JSON.stringify(result.statuses)}); first: ${JSON.stringify(result.unexpected)}`,
  );
}
