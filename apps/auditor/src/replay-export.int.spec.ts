import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Pool } from 'pg';
import { generateSealKeyPair, LogSealer, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { foldEvents } from '@tadamon/eventsourcing';
import {
  AwardGrant,
  BudgetEnvelopeState,
  envelopeBalance,
  GrantApplicationEvent,
  grantApplicationDecider,
  grantApplicationStreamName,
  budgetEnvelopeStreamName,
} from '@tadamon/funding';
import { CommandRun, requireServer, runAuditor as runAuditorProcess } from '@tadamon/testing';
import { runAuditor } from './cli/auditor-cli';
import type { Dossier, ReplayResult } from '@tadamon/audit';
import {
  demoStepsWithSplitScores,
  DemoRun,
  FUNDING_DEMO_IDS,
  FundingDemoStep,
  runDemoSteps,
  TestClock,
} from '@tadamon/audit/testing';

const MD = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const FIGUIG = FUNDING_DEMO_IDS.applications.cooperativesFiguig;
const ENVELOPE = FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco;
const INJECTED = '<script>alert("dossier")</script> & "quoted" <b>bold</b>';
const keys = generateSealKeyPair();
const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-auditor-replay-'));
  directories.push(dir);
  return dir;
}

type Run = CommandRun;

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** The auditor's command line in this process (fast; the exit codes are also checked in a child process). */
async function auditHere(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runAuditor(args, { stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The auditor as a user runs it: its own process, only the environment given. */
const audit = (args: string[], env: NodeJS.ProcessEnv = {}) => runAuditorProcess(args, env);

const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

/** The whole demo in a SQLite file, the store's clock at each command's instant, then sealed. */
async function demoLog(): Promise<{ file: string; run: DemoRun }> {
  const file = join(tempDir(), 'events.db');
  const clock = new TestClock();
  const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF', now: clock.now });
  const run = await runDemoSteps(store, clock);
  clock.set('2015-05-01T00:00:00.000Z');
  await new LogSealer({ store, privateKey: keys.privateKey, now: clock.now }).sealNow();
  await store.close();
  return { file, run };
}

/**
 * The demo with the Figuig cooperatives' split relevance scores and a comment carrying markup, up
 * to the Figuig award; then a forged award, appended straight to the store (no decider would record
 * it): the same decision with another consensus.
 */
async function forgedLog(): Promise<{ file: string; forgedAt: string; recommendedAt: string }> {
  const file = join(tempDir(), 'events.db');
  const steps = demoStepsWithSplitScores();
  const firstScores = steps.find(
    (s) => s.command.type === 'RecordEvaluatorScores' && s.id === MD,
  ) as FundingDemoStep;
  const data = firstScores.command.data as unknown as { scores: { comment: string }[] };
  data.scores[0].comment = INJECTED;
  const isFiguigAward = (s: FundingDemoStep) => s.command.type === 'AwardGrant' && s.id === FIGUIG;
  const clock = new TestClock();
  const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF', now: clock.now });
  await runDemoSteps(store, clock, steps, isFiguigAward);

  const award = steps.find(isFiguigAward)?.command as AwardGrant;
  const stored = await store.readStream(grantApplicationStreamName(FIGUIG));
  const state = foldEvents(grantApplicationDecider, stored as unknown as GrantApplicationEvent[]);
  const [decided] = grantApplicationDecider.decide(award, state);
  const forged = { ...decided.data, consensus: (decided.data as { consensus: number }).consensus + 250 };
  clock.set(award.metadata.now);
  await store.appendToStream(
    grantApplicationStreamName(FIGUIG),
    [
      {
        id: randomUUID(),
        type: decided.type,
        schemaVersion: 1,
        data: forged,
        metadata: {
          correlationId: award.metadata.commandId,
          causationId: award.metadata.commandId,
          commandId: award.metadata.commandId,
          actor: award.metadata.actor,
        },
      },
    ],
    { expectedRevision: stored[stored.length - 1].revision },
  );
  await store.close();
  const recommended = stored.find((e) => e.type === 'GrantApplicationRecommended');
  return { file, forgedAt: award.metadata.now, recommendedAt: recommended?.recordedAt as string };
}

describe('replay and export on the funding demo (SQLite, the store clock controlled)', () => {
  let file: string;
  let run: DemoRun;

  beforeAll(async () => {
    ({ file, run } = await demoLog());
  }, 60000);

  it('replay --as-of each moment gives exactly the state a live query returned at that moment', async () => {
    const mdStream = grantApplicationStreamName(MD);
    const moments = run.live.filter((l) => l.streamId === mdStream);
    expect(moments.length).toBeGreaterThanOrEqual(15);
    for (const moment of moments) {
      const replay = await auditHere(['replay', MD, '--as-of', moment.at, '--json', '--sqlite-file', file]);
      expect({ at: moment.at, code: replay.code, stderr: replay.stderr }).toEqual({
        at: moment.at,
        code: 0,
        stderr: '',
      });
      const result = JSON.parse(replay.stdout) as ReplayResult;
      expect({ at: moment.at, state: result.state.application }).toEqual({
        at: moment.at,
        state: json(moment.state),
      });
    }

    // The envelope as a live query of its stream saw it, at each of its steps after M&D existed.
    const envelopeMoments = run.live.filter(
      (l) => l.streamId === budgetEnvelopeStreamName(ENVELOPE) && l.at > moments[0].at,
    );
    expect(envelopeMoments.length).toBe(4);
    for (const moment of envelopeMoments) {
      const result = JSON.parse(
        (await auditHere(['replay', MD, '--as-of', moment.at, '--json', '--sqlite-file', file])).stdout,
      ) as ReplayResult;
      const live = moment.state as BudgetEnvelopeState & { status: 'open' };
      expect(result.state.envelopes).toEqual([
        json({
          envelopeId: ENVELOPE,
          status: live.status,
          ...envelopeBalance(live),
          commitment: live.commitments[MD] ?? null,
        }),
      ]);
    }
  }, 60000);

  it('keeps an event recorded exactly at as-of, and not one recorded a millisecond later', async () => {
    const award = run.appended.find(
      (e) => e.type === 'GrantAwarded' && e.streamId === grantApplicationStreamName(MD),
    );
    const at = award?.recordedAt as string;
    const before = new Date(Date.parse(at) - 1).toISOString();
    const status = async (asOf: string) =>
      (
        JSON.parse(
          (await auditHere(['replay', MD, '--as-of', asOf, '--json', '--sqlite-file', file])).stdout,
        ) as ReplayResult
      ).state.application.status;
    expect(await status(at)).toBe('awarded');
    expect(await status(before)).toBe('recommended');
  });

  it('recomputes every consensus and decision of the demo with its recorded version: same, exit 0', async () => {
    for (const applicationId of [MD, FIGUIG]) {
      const replay = await auditHere(['replay', applicationId, '--sqlite-file', file]);
      expect(replay).toMatchObject({ code: 0, stderr: '' });
      const lines = replay.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        new RegExp(`^replay: application ${applicationId} as of .*, SQLite .*events\\.db$`),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^ {2}2014-07-01T09:[0-9:.]+Z {2}ConsensusScoreReached \(2025-1\): same$/),
      );
      expect(lines).toContainEqual(expect.stringMatching(/GrantAwarded \(2025-1\): same$/));
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^ {2}2014-07-15T10:[0-9:.]+Z {2}GrantAwarded +user-committee \(committee\) {2}amount=USD 250,000\.00; consensus=/,
        ),
      );
      expect(lines[lines.length - 1]).toBe(
        'replay: SAME: 3 recomputation(s) (1 consensus, 1 recommendation, 1 decision) give what was recorded, each with the scoring rules version it recorded; no money finding',
      );
    }
  });

  it("says with --with-current-rules what today's rules (2026-1) would change, rank included", async () => {
    const replay = await auditHere(['replay', MD, '--with-current-rules', '--sqlite-file', file]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain("with today's scoring rules (2026-1):");
    expect(replay.stdout).toContain(
      '  ConsensusScoreReached (2025-1 -> 2026-1): would differ: consensus 82.88 would be 83.30\n      consensus: 8288 -> 8330\n      perCriterion[relevance].consensus: 8667 -> 8800\n',
    );
    expect(replay.stdout).toMatch(
      /rank in call call-icmd-phase-2-morocco among 2 scored application\(s\), budget USD 500,000\.00: rank 1 \(funded, consensus 82\.88\) as recorded, rank 1 \(funded, consensus 83\.30\) with 2026-1: same/,
    );
    const result = JSON.parse(
      (await auditHere(['replay', MD, '--with-current-rules', '--json', '--sqlite-file', file])).stdout,
    ) as ReplayResult;
    expect(
      result.currentRules?.rank?.rankings.current.map((r) => [r.applicationId, r.rank, r.funded]),
    ).toEqual([
      [MD, 1, true],
      [FIGUIG, 2, true],
    ]);
  });

  it('exports a JSON dossier: timeline, scores with comments, declarations, decision, envelope then, chain proof and seal', async () => {
    const out = join(tempDir(), 'dossier.json');
    const run = await auditHere(
      [
        'export',
        MD,
        '--format',
        'json',
        '--out',
        out,
        '--sqlite-file',
        file,
        '--public-key',
        keys.publicKeyPem,
      ],
      {},
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      new RegExp(
        `^export: dossier of ${MD} as of .* \\(json\\) written to .*dossier\\.json; verdict same\\n$`,
      ),
    );
    const dossier = JSON.parse(readFileSync(out, 'utf8')) as Dossier;
    expect(dossier).toMatchObject({
      dossier: 'tadamon-audit-dossier',
      verdict: 'same',
      application: {
        applicationId: MD,
        status: 'awarded',
        associationId: 'assoc-migrations-et-developpement',
      },
      call: { callId: 'call-icmd-phase-2-morocco', scoringRulesVersion: '2025-1', criteriaVersion: 1 },
      consensus: { consensus: 8288, rulesVersion: '2025-1', passedThresholds: true },
      decision: {
        kind: 'award',
        amount: { amountMinor: 25_000_000, currency: 'USD' },
        rationale: expect.stringMatching(/^Classée première/),
        committeeMembers: ['user-committee'],
        criteriaVersion: 1,
        scoringRulesVersion: '2025-1',
        consensus: 8288,
        envelopeId: ENVELOPE,
        envelopeRemaining: { amountMinor: 50_000_000, currency: 'USD' },
      },
      // At the decision: M&D's commitment made, the Figuig one not yet; nothing paid.
      envelope: {
        at: 'decision',
        envelopeId: ENVELOPE,
        committed: { amountMinor: 25_000_000 },
        disbursed: { amountMinor: 0 },
        remaining: { amountMinor: 25_000_000 },
        recordedRemaining: { amountMinor: 50_000_000 },
        commitment: { status: 'active', committedMinor: 25_000_000 },
      },
    });
    expect(dossier.timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining([
        'GrantApplicationSubmitted',
        'EvaluatorScoresRecorded',
        'ConsensusScoreReached',
        'GrantAwarded',
        'FundsCommitted',
      ]),
    );
    expect(dossier.scores.map((s) => [s.evaluatorId, s.scores.length, s.scoredAt])).toEqual([
      ['user-evaluator1', 4, '2014-06-20T17:00:00.000Z'],
      ['user-evaluator2', 4, '2014-06-23T17:00:00.000Z'],
      ['user-evaluator3', 4, '2014-06-25T17:00:00.000Z'],
    ]);
    expect(dossier.scores[0].scores[0]).toEqual({
      criterionId: 'relevance',
      points: 88,
      comment: 'Besoin avéré : douars sans réseau recensés par les communes.',
    });
    expect(dossier.conflicts.map((c) => [c.evaluatorId, c.kind])).toEqual([
      ['user-evaluator1', 'no-conflict'],
      ['user-evaluator2', 'no-conflict'],
      ['user-evaluator3', 'no-conflict'],
    ]);
    expect(dossier.recomputations.map((r) => r.same)).toEqual([true, true, true]);
    expect(dossier.proof.streams.map((s) => [s.streamId, s.ok, s.events])).toEqual([
      [grantApplicationStreamName(MD), true, 22],
      ['callForProposals-call-icmd-phase-2-morocco', true, 3],
      [budgetEnvelopeStreamName(ENVELOPE), true, 5],
    ]);
    expect(dossier.proof.streams[0].firstHash).toMatch(/^[0-9a-f]{64}$/);
    expect(dossier.proof.seal).toMatchObject({
      position: 51,
      count: 51,
      keyId: expect.stringMatching(/^ed25519:[0-9a-f]{16}$/),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.any(String),
      signatureValid: true,
    });
    expect(dossier.proof.seal?.position).toBeGreaterThanOrEqual(dossier.decision?.position ?? Infinity);

    // Without a key, the seal is given but its signature is not checked.
    const unchecked = JSON.parse(
      (await auditHere(['export', MD, '--format', 'json', '--sqlite-file', file])).stdout,
    ) as Dossier;
    expect(unchecked.proof.seal?.signatureValid).toBeNull();
  });

  it('exports an HTML dossier in French and English: self-contained, print-ready, left to right', async () => {
    for (const [lang, words] of [
      [
        'fr',
        [
          'Dossier d’audit',
          'Décision',
          'Notes par évaluateur et par critère',
          'Preuve de la chaîne',
          'Subvention attribuée',
        ],
      ],
      [
        'en',
        ['Audit dossier', 'Decision', 'Scores by evaluator and criterion', 'Chain proof', 'Grant awarded'],
      ],
    ] as const) {
      const page = await auditHere(['export', MD, '--format', 'html', '--lang', lang, '--sqlite-file', file]);
      expect(page.code).toBe(0);
      expect(page.stdout).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}" dir="ltr">`));
      for (const word of words) expect(page.stdout).toContain(word);
      expect(page.stdout).toContain('@media print');
      expect(page.stdout).not.toMatch(/<script|<link|src=|https?:\/\//i);
    }
  });
});

describe('replay and export of a forged decision (SQLite)', () => {
  let forged: Awaited<ReturnType<typeof forgedLog>>;

  beforeAll(async () => {
    forged = await forgedLog();
  }, 60000);

  it('reports a decision whose recorded consensus its own rules do not give, and exits 1', async () => {
    const replay = await auditHere(['replay', FIGUIG, '--sqlite-file', forged.file]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(
      /GrantAwarded \(2025-1\): DIFFERENT\n {6}consensus: recorded 7397, recomputed 7147\n/,
    );
    expect(replay.stdout.trimEnd().split('\n').pop()).toMatch(
      /^replay: DIFFERENT: 1 of 3 recomputation\(s\) differ from what was recorded: GrantAwarded at position \d+$/,
    );
    // The chains hold: the forgery went through the store; only the recomputation sees it.
    const result = JSON.parse(
      (await auditHere(['replay', FIGUIG, '--json', '--sqlite-file', forged.file])).stdout,
    ) as ReplayResult;
    expect(result.verdict).toBe('different');
    expect(result.chains.every((c) => c.ok)).toBe(true);
    expect(result.recomputations.find((r) => !r.same)?.differences).toEqual([
      { field: 'consensus', recorded: 7397, recomputed: 7147 },
    ]);
  });

  it('shows, before the forgery, that 2026-1 would fail the relevance threshold and unrank the application', async () => {
    const replay = await auditHere([
      'replay',
      FIGUIG,
      '--as-of',
      forged.recommendedAt,
      '--with-current-rules',
      '--sqlite-file',
      forged.file,
    ]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain(
      'GrantApplicationRecommended (2025-1 -> 2026-1): would differ: consensus 71.47 would be 66.40; it would fail the thresholds (relevance): it could not be recommended',
    );
    expect(replay.stdout).toMatch(
      /rank 2 \(funded, consensus 71\.47\) as recorded, not ranked \(below-threshold, consensus 66\.40\) with 2026-1: would differ/,
    );
  });

  it('escapes what events carry in the Arabic HTML dossier: right to left, Arabic labels', async () => {
    const out = join(tempDir(), 'dossier.html');
    const run = await auditHere([
      'export',
      MD,
      '--format',
      'html',
      '--lang',
      'ar',
      '--out',
      out,
      '--sqlite-file',
      forged.file,
    ]);
    expect(run.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    for (const word of [
      'ملف التدقيق',
      'القرار',
      'النقاط حسب المقيّم والمعيار',
      'التصريحات بتضارب المصالح',
      'إثبات السلسلة',
      'منح الدعم',
    ]) {
      expect(page).toContain(word);
    }
    expect(page).toContain('[dir="rtl"] th,');
    expect(page).toContain(
      '&lt;script&gt;alert(&quot;dossier&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;',
    );
    expect(page).not.toMatch(/<script|<b>bold/i);
    // The Arabic title of the project, from the application's localized texts.
    expect(page).toContain('كهربة دواوير إقليم تارودانت');
    // Well formed, as far as counting tells: every element opened is closed.
    for (const tag of [
      'html',
      'head',
      'body',
      'main',
      'section',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'ul',
      'li',
      'bdi',
      'h2',
      'p',
    ]) {
      const opened = page.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
      expect({ tag, closed: page.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0 }).toEqual({
        tag,
        closed: opened,
      });
    }
  });
});

describe('replay and export in their own process: exit codes', () => {
  let clean: string;
  let forged: string;
  const dataDir = () => ({ DATA_DIR: tempDir() });

  beforeAll(async () => {
    clean = (await demoLog()).file;
    forged = (await forgedLog()).file;
  }, 60000);

  it('exits 0 when every recomputation is the same, 1 on a finding (dossier still written)', async () => {
    const same = await audit(['replay', MD, '--sqlite-file', clean]);
    expect(same).toMatchObject({ code: 0, stderr: '' });
    expect(same.stdout).toMatch(/\nreplay: SAME: 3 recomputation\(s\)/);
    const different = await audit(['replay', FIGUIG], { TADAMON_SQLITE_FILE: forged });
    expect(different).toMatchObject({ code: 1, stderr: '' });
    expect(different.stdout).toMatch(/\nreplay: DIFFERENT: 1 of 3/);
    const out = join(tempDir(), 'dossier.html');
    const dossier = await audit([
      'export',
      FIGUIG,
      '--format',
      'html',
      '--out',
      out,
      '--sqlite-file',
      forged,
    ]);
    expect(dossier.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  }, 60000);

  it('exits 2 with the reason for usage errors, a missing store and an unknown application', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['replay', 'application-nobody', '--sqlite-file', clean],
        /no application application-nobody in the store/,
      ],
      [
        ['replay', MD, '--as-of', '2014-01-01', '--sqlite-file', clean],
        /has no event recorded at or before 2014-01-01T00:00:00\.000Z \(its first was recorded 2014-04-14T10:00:00\.000Z\)/,
      ],
      [
        ['replay', MD, '--as-of', '2014-07-20T12:00', '--sqlite-file', clean],
        /--as-of must be an ISO 8601 date or instant with its zone/,
      ],
      [['replay', '--sqlite-file', clean], /replay needs the application id/],
      [['replay', MD, FIGUIG, '--sqlite-file', clean], /replay takes one application id/],
      [['replay', '../etc', '--sqlite-file', clean], /not an application id: "\.\.\/etc"/],
      [
        ['replay', MD, '--sqlite-file', join(tempDir(), 'none.db')],
        /cannot open the event store \(SQLite .*none\.db\): no event store file/,
      ],
      [['export', MD, '--sqlite-file', clean], /--format is required \(json\|html\)/],
      [
        ['export', MD, '--format', 'pdf', '--sqlite-file', clean],
        /--format must be one of json, html, not "pdf"/,
      ],
      [
        ['export', MD, '--format', 'html', '--lang', 'de', '--sqlite-file', clean],
        /--lang must be one of ar, fr, en, not "de"/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await audit(args, dataDir());
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(message);
    }
  }, 120000);
});

describe('replay on PostgreSQL (read-only sessions)', () => {
  const schema = `auditor_replay_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let pool: Pool;
  let run: DemoRun;

  beforeAll(async () => {
    pool = new Pool({ connectionString: requireServer('postgres'), max: 2 });
    const clock = new TestClock();
    const store = await PostgresEventStore.connect({ pool, schema, now: clock.now });
    run = await runDemoSteps(store, clock);
    await store.close();
  }, 60000);
  afterAll(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool?.end();
  });

  it('gives the live states at their moments and recomputes the demo: same', async () => {
    const env = { DATABASE_URL: requireServer('postgres') };
    const mdStream = grantApplicationStreamName(MD);
    const moments = run.live.filter((l) => l.streamId === mdStream);
    for (const moment of [moments[3], moments[12], moments[moments.length - 1]]) {
      const replay = await auditHere(
        ['replay', MD, '--as-of', moment.at, '--json', '--store', 'postgres', '--schema', schema],
        env,
      );
      expect(replay.code).toBe(0);
      expect((JSON.parse(replay.stdout) as ReplayResult).state.application).toEqual(json(moment.state));
    }
    const same = await audit(['replay', FIGUIG, '--store', 'postgres', '--schema', schema], env);
    expect(same).toMatchObject({ code: 0, stderr: '' });
    expect(same.stdout).toMatch(
      /^replay: application application-icmd2-cooperatives-figuig as of .*, PostgreSQL /,
    );
    expect(same.stdout).toMatch(/\nreplay: SAME: 3 recomputation\(s\)/);
  }, 60000);
});
