import { NewEvent } from '@tadamon/eventsourcing';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A lower-case v4-shaped UUID from the seeded source. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const WORDS = ['association', 'projet', 'جمعية', 'مشروع', 'Agadir', 'Oujda', 'budget', 'formation', 'تضامن'];

/** A realistic event: ~300 bytes of data (French and Arabic words, amounts, ids) plus metadata. */
export function benchEvent(random: () => number, type = 'GrantInstalmentPaid'): NewEvent {
  const commandId = seededUuid(random);
  const words = Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return {
    id: seededUuid(random),
    type,
    schemaVersion: 1,
    data: {
      applicationId: seededUuid(random),
      amount: Math.round(random() * 1_000_000) / 100,
      currency: 'MAD',
      instalment: Math.floor(random() * 4) + 1,
      note: words.join(' '),
      region: 'MA-09',
    },
    metadata: {
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { id: seededUuid(random), roles: ['officer'] },
    },
  };
}

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Percentiles in milliseconds of samples in nanoseconds. */
export function latencies(samplesNs: number[]): Latencies {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] / 1e6 };
}

/** Per-operation timing; returns operations per second over the summed time and the samples. */
export async function timeEach(
  count: number,
  operation: (i: number) => unknown,
): Promise<{ perSec: number; samplesNs: number[] }> {
  const samplesNs: number[] = new Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await operation(i);
    const elapsed = Number(process.hrtime.bigint() - start);
    samplesNs[i] = elapsed;
    total += elapsed;
  }
  return { perSec: count / (total / 1e9), samplesNs };
}

/** Runs `body` and returns its wall time in seconds. */
export async function seconds(body: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await body();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Alternates the project's operation and its raw limit in rounds, so drift on a shared machine
 * (another job starting, the disk flushing) hits both alike. Returns summed rates and samples.
 */
export async function alternate(
  rounds: number,
  perRound: number,
  project: (i: number) => unknown,
  raw: (i: number) => unknown,
): Promise<{
  project: { perSec: number; samplesNs: number[] };
  raw: { perSec: number; samplesNs: number[] };
}> {
  const projectSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const base = round * perRound;
    const first = round % 2 === 0;
    if (first) rawSamples.push(...(await timeEach(perRound, (i) => raw(base + i))).samplesNs);
    projectSamples.push(...(await timeEach(perRound, (i) => project(base + i))).samplesNs);
    if (!first) rawSamples.push(...(await timeEach(perRound, (i) => raw(base + i))).samplesNs);
  }
  const rate = (samples: number[]) => samples.length / (samples.reduce((a, b) => a + b, 0) / 1e9);
  return {
    project: { perSec: rate(projectSamples), samplesNs: projectSamples },
    raw: { perSec: rate(rawSamples), samplesNs: rawSamples },
  };
}

/** What every section reports: figures to merge into the results file. */
export interface SectionResult {
  metrics: Record<string, number>;
  limits: Record<string, number>;
  ratios: Record<string, number>;
  params: Record<string, string | number>;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
