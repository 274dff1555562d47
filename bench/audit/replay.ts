import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@tadamon/event-store';
import { eventIdFor, foldEvents, NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import {
  GrantApplicationCommand,
  GrantApplicationEvent,
  grantApplicationDecider,
  grantApplicationStreamName,
} from '@tadamon/funding';
import { replayApplication } from '@tadamon/audit';
import { replayReport } from '../../apps/auditor/src/replay/replay-report';
import {
  FUNDING_DEMO_IDS,
  FundingDemoStep,
  fundingDemoSteps,
  runDemoSteps,
  TestClock,
} from '@tadamon/audit/testing';
import { benchEvent, latencies, round, seededRandom, seededUuid } from '../shared/measure';
import { AuditSection } from './section';

export interface ReplayParams {
  /** Events in the replayed application's stream (at least). */
  events: number;
  /** Events of other streams written before it (the log around it). */
  noise: number;
  /** Timed replays; the median is the figure. */
  runs: number;
}

const TARGET_MS = 100;
const FIGUIG = FUNDING_DEMO_IDS.applications.cooperativesFiguig;
const CRITERIA = ['relevance', 'co-development', 'feasibility', 'sustainability'] as const;
const BASE = [82, 71, 75, 82];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Builds the Figuig cooperatives' application of the funding demo with >= `events` events through
 * the domain: the demo up to its evaluation, then its three evaluators revising their scores in
 * turn (each revision an EvaluatorScoresRecorded the decider accepts), then the rest of the demo
 * (consensus, recommendation, the award on the envelope, agreement, tranche), after `noise` events
 * of other streams.
 */
async function writeLog(
  filename: string,
  params: ReplayParams,
  log: (line: string) => void,
): Promise<{ streamEvents: number; logEvents: number }> {
  const clock = new TestClock(new Date('2014-01-01T00:00:00.000Z'));
  const store = SqliteEventStore.open({ filename, synchronous: 'OFF', now: clock.now });
  const random = seededRandom(20261129);
  log(`replay: writing ${params.noise.toLocaleString('en')} events of other streams`);
  for (let written = 0; written < params.noise;) {
    const appends = Array.from({ length: 32 }, () => {
      const size = Math.min(1 + Math.floor(random() * 6), params.noise - written);
      written += size;
      return { streamId: `grantApplicationReview-${seededUuid(random)}`, size };
    }).filter((a) => a.size > 0);
    await Promise.all(
      appends.map((a) =>
        store.appendToStream(
          a.streamId,
          Array.from({ length: a.size }, () => benchEvent(random, 'ScoreRecorded')),
          { expectedRevision: NO_STREAM },
        ),
      ),
    );
  }

  const steps = fundingDemoSteps();
  const consensusAt = steps.findIndex((s) => s.command.type === 'ReachConsensusScore' && s.id === FIGUIG);
  await runDemoSteps(store, clock, steps.slice(0, consensusAt));

  // The evaluators revise their scores in turn, one day apart, until the stream is long enough.
  const streamId = grantApplicationStreamName(FIGUIG);
  const stored = await store.readStream(streamId);
  let state = foldEvents(grantApplicationDecider, stored as unknown as GrantApplicationEvent[]);
  let revision = stored[stored.length - 1].revision;
  const tail = steps.slice(consensusAt).filter((s) => s.id === FIGUIG).length;
  const revisions = Math.max(0, params.events - (revision + 1) - tail);
  log(`replay: ${revisions.toLocaleString('en')} score revisions on ${FIGUIG}`);
  let at = Date.parse('2014-06-26T09:00:00.000Z');
  for (let i = 0; i < revisions; i++) {
    const evaluatorId = FUNDING_DEMO_IDS.users.evaluators[i % 3];
    const round = Math.floor(i / 3) + 1;
    const command = {
      type: 'RecordEvaluatorScores',
      data: {
        applicationId: FIGUIG,
        evaluatorId,
        scores: CRITERIA.map((criterionId, c) => ({
          criterionId,
          points: BASE[c] + (round % 5) - 2,
          comment: `Révision ${round} — مراجعة ${round}: ${criterionId}, après la visite de terrain et les pièces complémentaires.`,
        })),
      },
      metadata: {
        commandId: `bench:replay:${i}`,
        actor: { id: evaluatorId, roles: ['evaluator'] },
        now: new Date(at).toISOString(),
      },
    } as GrantApplicationCommand;
    at += 60_000;
    clock.set(new Date(at));
    const decided = grantApplicationDecider.decide(command, state);
    const events: NewEvent[] = decided.map((event, index) => ({
      id: eventIdFor(command.metadata.commandId, index),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: {
        correlationId: command.metadata.commandId,
        causationId: command.metadata.commandId,
        commandId: command.metadata.commandId,
        actor: command.metadata.actor,
      },
    }));
    const appended = await store.appendToStream(streamId, events, { expectedRevision: revision });
    revision = appended.nextExpectedRevision;
    state = decided.reduce(grantApplicationDecider.evolve, state);
  }

  // The rest of the demo, moved after the revisions: consensus, recommendation, award, agreement...
  const later = (step: FundingDemoStep, days: number): FundingDemoStep => {
    const copy = JSON.parse(JSON.stringify(step)) as FundingDemoStep;
    copy.command.metadata.now = new Date(
      Date.parse(step.command.metadata.now) + days * 86_400_000,
    ).toISOString();
    return copy;
  };
  const shift = Math.max(
    0,
    Math.ceil((at - Date.parse(steps[consensusAt].command.metadata.now)) / 86_400_000) + 1,
  );
  await runDemoSteps(
    store,
    clock,
    steps.slice(consensusAt).map((s) => later(s, shift)),
  );
  const streamEvents = (await store.readStream(streamId)).length;
  const logEvents = await store.headPosition();
  await store.close();
  return { streamEvents, logEvents };
}

/**
 * `replay` of one application with >= 1,000 events (target <= 100 ms): the auditor's
 * replayApplication over a read-only SQLite store (read the application's, call's and envelope's
 * stored rows, verify their chains, parse, fold as of now, recompute the consensus, the
 * recommendation and the award with their recorded rules version) and the text report, median of
 * `runs`. Reported beside it: the raw read of the same stream (a bare better-sqlite3 SELECT and
 * JSON.parse of data and metadata), the replay with --with-current-rules (which also ranks the
 * call), and the whole command in its own process (Node start and module loading included).
 */
export async function replaySection(
  dir: string,
  params: ReplayParams,
  log: (line: string) => void,
): Promise<AuditSection> {
  const filename = join(dir, 'replay.db');
  const { streamEvents, logEvents } = await writeLog(filename, params, log);
  if (streamEvents < params.events)
    throw new Error(`the application has ${streamEvents} events, not ${params.events}`);
  const store = SqliteEventStore.open({ filename, readOnly: true });
  const raw = new Database(filename, { readonly: true });
  const select = raw
    .prepare('SELECT data, metadata FROM events WHERE stream_id = ? ORDER BY revision')
    .raw(true);
  const streamId = grantApplicationStreamName(FIGUIG);

  let sink = 0;
  const replay = async (withCurrentRules: boolean) => {
    const start = process.hrtime.bigint();
    const { result } = await replayApplication(store, FIGUIG, { asOf: new Date(), withCurrentRules });
    if (result.verdict !== 'same')
      throw new Error(`the bench application does not replay the same: ${result.verdict}`);
    sink += replayReport(result, 'bench').length;
    return Number(process.hrtime.bigint() - start);
  };
  const rawRead = () => {
    const start = process.hrtime.bigint();
    for (const [data, metadata] of select.all(streamId) as [string, string][]) {
      sink += Object.keys(JSON.parse(data)).length + Object.keys(JSON.parse(metadata)).length;
    }
    return Number(process.hrtime.bigint() - start);
  };

  log('replay: warming up');
  for (let i = 0; i < 5; i++) {
    await replay(false);
    rawRead();
  }
  const replayNs: number[] = [];
  const rawNs: number[] = [];
  const currentNs: number[] = [];
  for (let i = 0; i < params.runs; i++) {
    // Alternated, so drift on the shared machine hits both alike.
    rawNs.push(rawRead());
    replayNs.push(await replay(false));
    currentNs.push(await replay(true));
  }
  raw.close();
  await store.close();
  if (sink === 0) throw new Error('nothing read');

  log('replay: the command in its own process, 3 times');
  const processMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, '../../apps/auditor/src/main.ts'),
        'replay',
        FIGUIG,
        '--sqlite-file',
        filename,
      ],
      { cwd: join(__dirname, '../..'), encoding: 'utf8' },
    );
    processMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0) throw new Error(`auditor replay exited ${child.status}: ${child.stderr}`);
  }

  const replayed = latencies(replayNs);
  const rawReadMs = latencies(rawNs);
  const current = latencies(currentNs);
  const medianMs = round(replayed.p50);
  log(
    `replay: median ${medianMs} ms (p95 ${round(replayed.p95)}), raw read ${round(rawReadMs.p50)} ms, ` +
      `with current rules ${round(current.p50)} ms, own process ${round(median(processMs), 0)} ms`,
  );
  return {
    metrics: {
      'replay.medianMs': medianMs,
      'replay.p95Ms': round(replayed.p95),
      'replay.withCurrentRules.medianMs': round(current.p50),
      'replay.processMedianMs': round(median(processMs), 0),
    },
    limits: { 'replay.rawStreamRead.medianMs': round(rawReadMs.p50) },
    ratios: { 'replay.vsRawStreamRead': round(rawReadMs.p50 / replayed.p50) },
    targets: { 'replay.medianMs': TARGET_MS },
    pass: { 'replay.medianMs': medianMs <= TARGET_MS },
    params: {
      'replay.what':
        'replayApplication on a read-only SQLite store (stored rows of the application, call and envelope streams read, chains verified, ' +
        'parsed, folded as of now, consensus/recommendation/award recomputed with their recorded rules version) plus the text report; ' +
        'target: median <= 100 ms. withCurrentRules also recomputes with 2026-1 and ranks the call. processMedianMs: `npm run audit -- replay` ' +
        'as a process (Node start, @swc-node/register, loading @tadamon/funding). limit: a bare SELECT of the stream and JSON.parse',
      'replay.applicationEvents': streamEvents,
      'replay.logEvents': logEvents,
      'replay.noiseEvents': params.noise,
      'replay.runs': params.runs,
      'replay.fileBytes': statSync(filename).size,
      'replay.at': new Date().toISOString(),
    },
  };
}
