import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@tadamon/event-store';
import { DomainEvent, foldEvents, RecordedEvent } from '@tadamon/eventsourcing';
import {
  budgetEnvelopeDecider,
  budgetEnvelopeStreamName,
  envelopeBalance,
  FundsCommitted,
  OpenedEnvelope,
} from '../domain/budget-envelope/budget-envelope';
import {
  grantApplicationDecider,
  grantApplicationStreamName,
} from '../domain/grant-application/grant-application';
import { GrantAwarded } from '../domain/grant-application/grant-application-events';
import { AwardProcessReport } from './award-process';
import { CrashPlan } from './testing/award-crash-child';
import { COMMITTEE, FundingHarness, usd } from './testing/funding-harness';

/*
 * THE CRASH TEST (issue 12, item 1): the award is a process that always finishes. A child process
 * runs Funding's module on a SQLite log (awards, withdrawals and rejections, four at a time, with
 * the award process passing every 500 ms) and is killed with SIGKILL at a random moment, again and
 * again, then started again: its award process settles what the kill left at start. At the end,
 * every FundsCommitted is matched by its GrantAwarded (same application, same amount) or by a
 * CommitmentReleased, and the envelope's remaining amount is its budget less the active commitments.
 * The kills follow a seed (AWARD_CRASH_SEED, printed): a failure can be run again as it was.
 */

const SEED = Number(process.env.AWARD_CRASH_SEED ?? 20_261_206);
const KILLS = 14;
const APPLICATIONS = 80;
/** 250,000 each: the envelope holds 60 of the 73 awards, until withdrawals give money back. */
const BUDGET = usd(15_000_000);
const CHILD = resolve(__dirname, 'testing', 'award-crash-child.ts');
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const START_TIMEOUT_MS = 90_000;

/** mulberry32, the test's own choices (where to kill) from the seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

interface Child {
  process: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
  stderr: () => string;
}

describe('the award process, killed at random points (SIGKILL) and restarted', () => {
  const children = new Set<ChildProcess>();
  let dataDir: string;
  let plan: CrashPlan;

  const start = (mode: 'run' | 'settle', seed: number): Child => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, dataDir, mode, String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'test' },
    });
    children.add(child);
    const lines: Record<string, unknown>[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
        newline = buffer.indexOf('\n');
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    const exited = new Promise<number | null>((done) =>
      child.on('exit', (code) => {
        children.delete(child);
        done(code);
      }),
    );
    return { process: child, lines, exited, stderr: () => stderr };
  };

  /** The child's start report, once its award process has passed and it is working. */
  const ready = async (child: Child): Promise<AwardProcessReport> => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let exited = false;
    void child.exited.then(() => (exited = true));
    for (;;) {
      const line = child.lines.find((l) => l['ready']);
      if (line) return line['start'] as AwardProcessReport;
      if (exited || Date.now() > deadline)
        throw new Error(`the child did not start (exited: ${exited}): ${child.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tadamon-award-crash-'));
    const store = SqliteEventStore.open({ filename: join(dataDir, 'events.db') });
    try {
      const funding = new FundingHarness(store);
      funding.verified('assoc-md');
      const { envelopeId, callId } = await funding.publishedCall(BUDGET);
      const applications: CrashPlan['applications'] = [];
      for (let i = 0; i < APPLICATIONS; i++) {
        const action = i % 12 === 0 ? 'reject' : i % 6 === 1 ? 'award-withdraw' : 'award';
        applications.push({ applicationId: await funding.recommended(callId, 'assoc-md'), action });
      }
      plan = {
        envelopeId,
        applications,
        committee: { id: COMMITTEE.id, roles: [...COMMITTEE.roles] },
        association: { id: 'user-assoc-md', roles: ['association'] },
      };
      writeFileSync(join(dataDir, 'plan.json'), JSON.stringify(plan));
    } finally {
      await store.close();
    }
  }, 180_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('ends with every commitment matched by its award or released, and the envelope exact', async () => {
    const next = random(SEED);
    const reports: AwardProcessReport[] = [];
    let kills = 0;
    let finishedRuns = 0;
    let run = 0;
    // Until KILLS kills, or until a run finishes every decision it was given before its kill.
    while (kills < KILLS && finishedRuns === 0) {
      const child = start('run', SEED + run++);
      reports.push(await ready(child));
      // Early in the run, where the four workers have awards in flight: a few decisions per run.
      const delay = 10 + Math.floor(next() * next() * 200);
      const finished = await Promise.race([
        child.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), delay)),
      ]);
      if (finished) {
        finishedRuns++;
        continue;
      }
      child.process.kill('SIGKILL');
      await child.exited;
      kills++;
    }
    const last = start('settle', SEED + run);
    reports.push(await ready(last));
    expect(await last.exited).toBe(0);

    // The log as the last process left it, read back and checked from its raw events.
    const store = SqliteEventStore.open({ filename: join(dataDir, 'events.db') });
    let all: RecordedEvent[];
    try {
      all = await store.readAll();
    } finally {
      await store.close();
    }
    const envelopeStream = budgetEnvelopeStreamName(plan.envelopeId);
    const envelopeEvents = all.filter((e) => e.streamId === envelopeStream);
    const active = new Map<string, RecordedEvent>();
    const unmatched: string[] = [];
    let commitments = 0;
    let released = 0;
    const reasons: Record<string, number> = {};
    for (const event of envelopeEvents) {
      const applicationId = (event.data as { applicationId: string }).applicationId;
      if (event.type === 'FundsCommitted') {
        if (active.has(applicationId)) unmatched.push(`${applicationId}: committed twice`);
        active.set(applicationId, event);
        commitments++;
      } else if (event.type === 'CommitmentReleased') {
        if (!active.has(applicationId)) unmatched.push(`${applicationId}: released with nothing active`);
        active.delete(applicationId);
        released++;
        const reason = (event.data as { reason: string }).reason.replace(/:.*$/, '');
        reasons[reason] = (reasons[reason] ?? 0) + 1;
      }
    }
    let matched = 0;
    for (const { applicationId } of plan.applications) {
      const events = all.filter((e) => e.streamId === grantApplicationStreamName(applicationId));
      const state = foldEvents(grantApplicationDecider, events as unknown as DomainEvent[]);
      const awards = events.filter((e) => e.type === 'GrantAwarded') as unknown as GrantAwarded[];
      if (awards.length > 1) unmatched.push(`${applicationId}: ${awards.length} awards`);
      const commitment = active.get(applicationId) as unknown as FundsCommitted | undefined;
      if (commitment) {
        const award = awards[0];
        const same =
          award !== undefined &&
          state.status === 'awarded' &&
          award.data.envelopeId === plan.envelopeId &&
          award.data.amount.amountMinor === commitment.data.amount.amountMinor &&
          award.data.amount.currency === commitment.data.amount.currency;
        if (same) matched++;
        else unmatched.push(`${applicationId}: committed, ${state.status}`);
      } else if (state.status === 'awarded') {
        unmatched.push(`${applicationId}: awarded without an active commitment`);
      }
    }
    const envelope = foldEvents(
      budgetEnvelopeDecider,
      envelopeEvents as unknown as DomainEvent[],
    ) as OpenedEnvelope;
    const activeMinor = [...active.values()].reduce(
      (sum, e) => sum + (e.data as FundsCommitted['data']).amount.amountMinor,
      0,
    );

    const settled = reports.reduce(
      (sum, r) => ({ completed: sum.completed + r.completed, released: sum.released + r.released }),
      { completed: 0, released: 0 },
    );
    const figures = {
      seed: SEED,
      kills,
      runsThatFinishedBeforeTheirKill: finishedRuns,
      commitments,
      awardedAndMatched: matched,
      released,
      releaseReasons: reasons,
      completedByTheAwardProcessAtRestart: settled.completed,
      releasedByTheAwardProcessAtRestart: settled.released,
      unmatched: unmatched.length,
      remaining: envelopeBalance(envelope).remaining,
    };
    console.log(`award crash test: ${JSON.stringify(figures)}`);

    expect(unmatched).toEqual([]);
    expect(matched + released).toBe(commitments);
    expect(envelopeBalance(envelope).remaining.amountMinor).toBe(BUDGET.amountMinor - activeMinor);
    expect(envelope.committedMinor).toBe(activeMinor);
    // The test did what it says: processes were killed, and some kill left an award half done.
    expect(kills).toBeGreaterThanOrEqual(KILLS / 2);
    expect(settled.completed + settled.released).toBeGreaterThan(0);
    expect(matched).toBeGreaterThan(0);
  }, 300_000);
});
