/**
 * npm run bench:training (second part) — enrolment under contention on one session, through
 * TrainingCommands on the SQLite file store (the embedded profile's), one process:
 * - fixed rate: 500 requests arriving at 20/s, then 500 at 100/s (a fresh session each), each timed from its arrival to its
 *   answer (queueing behind the session's earlier commands included); target p99 <= 50 ms;
 * - burst: 500 requests at the same instant, each timed from the burst to its answer;
 * - raw limit, in the same run: the same two events per request (EnrolmentRequested, then
 *   EnrolmentConfirmed or EnrolmentWaitlisted) appended to a stream of the same store at its expected
 *   revision, one after another: what the store alone costs, without the read and fold of the
 *   session's stream and the decision.
 * Writes the `enrolment` key of bench/results/training.json, keeping the other keys.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tadamon/event-store';
import { TrainingCommands, trainingSessionStreamName } from '@tadamon/training';
import { latencies, round } from '../shared/measure';

const REQUESTS = 500;
/** Arrival rates: one under what a session's commands are served at, one over it. */
const RATES = [20, 100];
const SEATS = 50;
const officer = { id: 'officer-bench', roles: ['officer'] };
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function openSession(commands: TrainingCommands, sessionId: string): Promise<void> {
  const day = Date.now() + 30 * 86_400_000;
  const at = (hours: number) => new Date(day + hours * 3_600_000).toISOString();
  await commands.execute(
    'session',
    sessionId,
    {
      type: 'ScheduleSession',
      data: {
        sessionId,
        moduleId: 'gp-101',
        language: 'fr',
        timezone: 'Africa/Casablanca',
        place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
        sittings: [{ sittingId: 'day-1', startsAt: at(0), endsAt: at(4) }],
        trainers: ['trainer-bench'],
        capacity: SEATS,
      },
    },
    officer,
  );
  await commands.execute('session', sessionId, { type: 'OpenEnrolment', data: { sessionId } }, officer);
}

const enrol = (commands: TrainingCommands, sessionId: string, i: number) => {
  const traineeId = `contact-${sessionId}-${i}`;
  return commands.execute(
    'session',
    sessionId,
    {
      type: 'RequestEnrolment',
      data: {
        sessionId,
        traineeId,
        associationId: 'assoc-bench',
        eligibility: { associationVerified: true, contactOfAssociation: true },
      },
    },
    { id: traineeId, roles: ['trainee'] },
  );
};

async function fixedRate(commands: TrainingCommands, rate: number): Promise<number[]> {
  const sessionId = `bench-fixed-rate-${rate}`;
  await openSession(commands, sessionId);
  const start = now();
  const samples = await Promise.all(
    Array.from(
      { length: REQUESTS },
      (_, i) =>
        new Promise<number>((resolve, reject) => {
          const arrival = start + (i * 1000) / rate;
          setTimeout(
            () => {
              const sent = now();
              enrol(commands, sessionId, i).then(() => resolve((now() - sent) * 1e6), reject);
            },
            Math.max(0, arrival - now()),
          );
        }),
    ),
  );
  return samples;
}

async function burst(commands: TrainingCommands): Promise<{ samples: number[]; seconds: number }> {
  const sessionId = 'bench-burst';
  await openSession(commands, sessionId);
  const start = now();
  const samples = await Promise.all(
    Array.from({ length: REQUESTS }, (_, i) =>
      enrol(commands, sessionId, i).then(() => (now() - start) * 1e6),
    ),
  );
  return { samples, seconds: (now() - start) / 1000 };
}

/** The store alone: the same events a request records, appended at the expected revision. */
async function rawAppends(store: SqliteEventStore): Promise<number[]> {
  const events = (await store.readStream(trainingSessionStreamName('bench-burst'))).slice(2);
  const streamId = trainingSessionStreamName('bench-raw');
  const samples: number[] = [];
  let revision: number | 'no_stream' = 'no_stream';
  for (let i = 0; i < REQUESTS; i++) {
    const pair = events.slice(i * 2, i * 2 + 2).map((e) => ({
      id: randomUUID(),
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
    }));
    const started = now();
    const appended = await store.appendToStream(streamId, pair, { expectedRevision: revision as never });
    samples.push((now() - started) * 1e6);
    revision = Number((appended as { nextExpectedRevision: unknown }).nextExpectedRevision);
  }
  return samples;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-enrolment-bench-'));
  const store = SqliteEventStore.open({ filename: join(dir, 'events.db') });
  try {
    const commands = new TrainingCommands(store);
    // Warm-up (JIT, SQLite's page cache) on a session of its own.
    await openSession(commands, 'bench-warm-up');
    for (let i = 0; i < 50; i++) await enrol(commands, 'bench-warm-up', i);

    const rates = [];
    for (const perSecond of RATES)
      rates.push({ perSecond, ...latencies(await fixedRate(commands, perSecond)) });
    const { samples, seconds } = await burst(commands);
    const burstLatencies = latencies(samples);
    const raw = latencies(await rawAppends(store));
    const r = (l: ReturnType<typeof latencies>) => ({
      p50: round(l.p50, 2),
      p95: round(l.p95, 2),
      p99: round(l.p99, 2),
      max: round(l.max, 2),
    });
    const enrolment = {
      store: 'SQLite file (embedded profile), one process, TrainingCommands',
      requests: REQUESTS,
      seats: SEATS,
      targetP99Ms: 50,
      fixedRate: rates.map((l) => ({ perSecond: l.perSecond, ...r(l) })),
      burst: { ...r(burstLatencies), seconds: round(seconds, 3), perSecond: round(REQUESTS / seconds, 1) },
      rawAppend: { ...r(raw), path: 'appendToStream of the same two events at the expected revision' },
      // How many times the store's own append a request costs, at the median.
      ratioP50: round(rates[0].p50 / raw.p50, 2),
    };
    console.table({
      ...Object.fromEntries(enrolment.fixedRate.map((l) => [`${l.perSecond}/s p50/p95/p99 ms`, l])),
      'burst p50/p95/p99 ms': enrolment.burst,
      'raw append p50/p95/p99 ms': enrolment.rawAppend,
    });
    console.log(`ratio (request p50 / raw append p50): ${enrolment.ratioP50}`);
    const out = join(__dirname, '..', 'results');
    mkdirSync(out, { recursive: true });
    const file = join(out, 'training.json');
    const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    writeFileSync(file, JSON.stringify({ ...previous, enrolment }, null, 2) + '\n');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
