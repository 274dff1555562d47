import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SqliteEventStore } from '@tadamon/event-store';
import { rechained, sqliteLogTamper } from '@tadamon/event-store/testing';
import { canonicalJson, Command, handleCommand } from '@tadamon/eventsourcing';
import {
  AwardGrant,
  budgetEnvelopeStreamName,
  grantApplicationDecider,
  grantApplicationStreamName,
} from '@tadamon/funding';
import { runAuditor } from './cli/auditor-cli';
import type { Dossier, ReplayResult } from '@tadamon/audit';
import {
  demoStepsInMad,
  FUNDING_DEMO_IDS,
  FundingDemoStep,
  runDemoSteps,
  TestClock,
} from '@tadamon/audit/testing';

const MD = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const FIGUIG = FUNDING_DEMO_IDS.applications.cooperativesFiguig;
const mad = (major: number) => ({ amountMinor: major * 100, currency: 'MAD' });
const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runAuditor(args, { stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const isStep = (type: string, id: string) => (s: FundingDemoStep) => s.command.type === type && s.id === id;

/** The MAD demo in a fresh SQLite file, through the deciders, up to (not including) the first step `stopBefore` accepts. */
async function madLog(
  options: { steps?: FundingDemoStep[]; stopBefore?: (s: FundingDemoStep) => boolean } = {},
): Promise<{ file: string; store: SqliteEventStore; clock: TestClock; steps: FundingDemoStep[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-auditor-money-'));
  directories.push(dir);
  const file = join(dir, 'events.db');
  const clock = new TestClock();
  const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF', now: clock.now });
  const steps = options.steps ?? demoStepsInMad();
  await runDemoSteps(store, clock, steps, options.stopBefore);
  return { file, store, clock, steps };
}

async function replayJson(
  applicationId: string,
  file: string,
): Promise<{ code: number; result: ReplayResult }> {
  const run = await audit(['replay', applicationId, '--json', '--sqlite-file', file]);
  expect(run.stderr).toBe('');
  return { code: run.code, result: JSON.parse(run.stdout) as ReplayResult };
}

/** Rewrites the data of the first event of `type` in a stream, and re-chains the stream after it: a forger's full recomputation. */
async function rewriteEvent(
  file: string,
  streamId: string,
  type: string,
  change: (data: Record<string, unknown>) => void,
  which: (data: Record<string, unknown>) => boolean = () => true,
): Promise<void> {
  const tamper = sqliteLogTamper(file);
  try {
    const rows = (await tamper.rows()).filter((r) => r.streamId === streamId);
    const at = rows.findIndex(
      (r) => r.type === type && which(JSON.parse(r.dataJson) as Record<string, unknown>),
    );
    const data = JSON.parse(rows[at].dataJson) as Record<string, unknown>;
    change(data);
    await tamper.rewrite(
      rechained([{ ...rows[at], dataJson: canonicalJson(data) }, ...rows.slice(at + 1)], rows[at].prevHash),
    );
  } finally {
    await tamper.close();
  }
}

/**
 * Rewrites an award's place in the ranking and its derogation where the platform records them:
 * on the award, and in the award's terms its commitment carries (a forger who keeps both in step).
 */
async function rewriteAwardPlace(
  file: string,
  applicationId: string,
  change: (data: Record<string, unknown>) => void,
): Promise<void> {
  await rewriteEvent(file, grantApplicationStreamName(applicationId), 'GrantAwarded', change);
  await rewriteEvent(
    file,
    budgetEnvelopeStreamName(FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco),
    'FundsCommitted',
    (data) => change(data.award as Record<string, unknown>),
    (data) => data.applicationId === applicationId,
  );
}

const moneyErrors = (result: { money: ReplayResult['money'] }) =>
  result.money.findings.filter((f) => f.severity === 'error');

/** The JSON and French HTML dossiers of the application: both must say it is not the same. */
async function expectNonGreenDossier(applicationId: string, file: string, checks: string[]): Promise<string> {
  const json = await audit(['export', applicationId, '--format', 'json', '--sqlite-file', file]);
  expect(json.code).toBe(1);
  const dossier = JSON.parse(json.stdout) as Dossier;
  expect(dossier.verdict).toBe('different');
  expect(moneyErrors(dossier).map((f) => f.check)).toEqual(expect.arrayContaining(checks));
  const page = await audit([
    'export',
    applicationId,
    '--format',
    'html',
    '--lang',
    'fr',
    '--sqlite-file',
    file,
  ]);
  expect(page.code).toBe(1);
  expect(page.stdout).toContain('<p class="verdict different">');
  expect(page.stdout).not.toContain('<p class="verdict same">');
  expect(page.stdout).toContain('<section id="money">');
  expect(page.stdout).toContain('<span class="different">Écart</span>');
  return page.stdout;
}

describe('replay and export check the money (SQLite, the demo in MAD)', () => {
  it('the clean demo in MAD replays SAME with no money finding and exports a green dossier', async () => {
    const { file, store } = await madLog();
    await store.close();
    const { code, result } = await replayJson(MD, file);
    expect({ code, verdict: result.verdict, errors: moneyErrors(result) }).toEqual({
      code: 0,
      verdict: 'same',
      errors: [],
    });
    const text = await audit(['replay', MD, '--sqlite-file', file]);
    expect(text.stdout).toMatch(/\nmoney facts recomputed from the log:\n {2}checked: each award against/);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(/^replay: SAME: .*; no money finding$/);
    const page = await audit(['export', MD, '--format', 'html', '--lang', 'fr', '--sqlite-file', file]);
    expect(page.code).toBe(0);
    expect(page.stdout).toContain('<p class="verdict same">');
    expect(page.stdout).toContain('Tous les faits financiers concordent');
  }, 120_000);

  it('reports an award raised from MAD 3,000,000 to 4,000,000 with the stream chain recomputed', async () => {
    const { file, store } = await madLog();
    await store.close();
    await rewriteEvent(file, grantApplicationStreamName(MD), 'GrantAwarded', (data) => {
      expect(data.amount).toEqual(mad(3_000_000));
      data.amount = mad(4_000_000);
    });

    const { code, result } = await replayJson(MD, file);
    expect(code).toBe(1);
    expect(result.verdict).toBe('different');
    expect(result.chains.every((c) => c.ok)).toBe(true);
    expect(result.recomputations.every((r) => r.same)).toBe(true);
    expect(moneyErrors(result)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          check: 'award-vs-commitment',
          type: 'GrantAwarded',
          field: 'amount',
          recorded: mad(4_000_000),
          recomputed: mad(3_000_000),
        }),
        expect.objectContaining({
          check: 'award-vs-request',
          recorded: mad(4_000_000),
          recomputed: mad(3_000_000),
        }),
        expect.objectContaining({ check: 'tranches-vs-award' }),
      ]),
    );
    const text = await audit(['replay', MD, '--sqlite-file', file]);
    expect(text.stdout).toContain('MONEY award-vs-commitment (GrantAwarded at position');
    expect(text.stdout).toMatch(/amount recorded MAD 4,000,000\.00, recomputed MAD 3,000,000\.00/);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(
      /^replay: DIFFERENT: \d+ money finding\(s\): .*award-vs-commitment/,
    );

    const page = await expectNonGreenDossier(MD, file, ['award-vs-commitment', 'award-vs-request']);
    // The amounts in French format.
    expect(page).toContain('4.000.000,00\u00a0MAD');
    expect(page).toContain('3.000.000,00\u00a0MAD');
    expect(page).toContain('Montant attribué et engagement sur l’enveloppe');
  }, 120_000);

  it('reports a forged second award of MAD 90,000 on a MAD 10,000 commitment', async () => {
    // The cooperatives are committed and awarded MAD 10,000; no agreement is signed yet.
    const steps = demoStepsInMad();
    for (const step of steps.filter(
      (s) =>
        (s.command.type === 'CommitFunds' || s.command.type === 'AwardGrant') &&
        s.command.data.applicationId === FIGUIG,
    )) {
      (step.command.data as { amount: unknown }).amount = mad(10_000);
    }
    const { file, store, clock } = await madLog({
      steps,
      stopBefore: (s) => s.command.type === 'SignGrantAgreement',
    });
    try {
      const award = steps.find(isStep('AwardGrant', FIGUIG))?.command as AwardGrant;
      const stored = await store.readStream(grantApplicationStreamName(FIGUIG));
      const first = stored.find((e) => e.type === 'GrantAwarded');
      expect((first?.data as { amount: unknown }).amount).toEqual(mad(10_000));
      // Appended through the store: its chain is as valid as any other event's.
      clock.set('2014-12-01T00:00:00.000Z');
      await store.appendToStream(
        grantApplicationStreamName(FIGUIG),
        [
          {
            id: randomUUID(),
            type: 'GrantAwarded',
            schemaVersion: 1,
            data: { ...(first?.data as object), amount: mad(90_000), decidedAt: '2014-12-01T00:00:00.000Z' },
            metadata: {
              correlationId: award.metadata.commandId,
              causationId: award.metadata.commandId,
              commandId: randomUUID(),
              actor: award.metadata.actor,
            },
          },
        ],
        { expectedRevision: stored[stored.length - 1].revision },
      );
    } finally {
      await store.close();
    }

    const { code, result } = await replayJson(FIGUIG, file);
    expect(code).toBe(1);
    expect(result.verdict).toBe('different');
    expect(result.chains.every((c) => c.ok)).toBe(true);
    expect(moneyErrors(result).map((f) => [f.check, f.recorded, f.recomputed])).toEqual([
      [
        'second-award',
        mad(90_000),
        expect.stringMatching(/^an award of .*"amountMinor":1000000.* already stands/),
      ],
      ['award-vs-commitment', mad(90_000), mad(10_000)],
    ]);
    const page = await expectNonGreenDossier(FIGUIG, file, ['second-award', 'award-vs-commitment']);
    expect(page).toContain('90.000,00\u00a0MAD');
    expect(page).toContain('10.000,00\u00a0MAD');
  }, 120_000);

  it('flags a commitment that no award and no release accounts for (a crash between the two appends)', async () => {
    const { file, store } = await madLog({ stopBefore: isStep('AwardGrant', MD) });
    await store.close();
    const { code, result } = await replayJson(MD, file);
    expect(code).toBe(1);
    expect(result.state.application.status).toBe('recommended');
    expect(moneyErrors(result)).toEqual([
      expect.objectContaining({
        check: 'dangling-commitment',
        type: 'FundsCommitted',
        note: 'no award and no release of this commitment anywhere in the log',
      }),
    ]);
    await expectNonGreenDossier(MD, file, ['dangling-commitment']);
  }, 120_000);

  it('flags a rejected application still holding an active commitment', async () => {
    const { file, store, clock, steps } = await madLog({ stopBefore: isStep('AwardGrant', MD) });
    try {
      const award = steps.find(isStep('AwardGrant', MD))?.command as AwardGrant;
      const reject = {
        type: 'RejectGrantApplication',
        data: {
          applicationId: MD,
          reasons: ['the committee reconsidered'],
          committeeMembers: award.data.committeeMembers,
          envelope: award.data.envelope,
        },
        metadata: { ...award.metadata, commandId: randomUUID() },
      };
      clock.set(award.metadata.now);
      await handleCommand(
        store,
        grantApplicationDecider as unknown as Parameters<typeof handleCommand>[1],
        grantApplicationStreamName(MD),
        reject as unknown as Command,
      );
    } finally {
      await store.close();
    }
    const { code, result } = await replayJson(MD, file);
    expect(code).toBe(1);
    expect(result.state.application.status).toBe('rejected');
    expect(moneyErrors(result)).toEqual([
      expect.objectContaining({
        check: 'commitment-held-after-decision',
        recomputed: 'released, since the application is rejected',
      }),
    ]);
    await expectNonGreenDossier(MD, file, ['commitment-held-after-decision']);
  }, 120_000);

  it('shows money in the Arabic dossier in ar-MA format, right to left, Latin digits', async () => {
    const { file, store } = await madLog();
    await store.close();
    const page = await audit(['export', MD, '--format', 'html', '--lang', 'ar', '--sqlite-file', file]);
    expect(page.code).toBe(0);
    const html = page.stdout;
    expect(html).toContain('<bdi dir="rtl" class="money">\u200f3.000.000,00\u00a0د.م.\u200f</bdi>');
    expect(html).not.toContain('MAD 3,000,000.00');
    expect(html).not.toMatch(/[\u0660-\u0669]/);
  }, 120_000);

  describe('the call funded set at each award, recomputed from the log', () => {
    /** The call's budget cut to MAD 3,000,000: M&D (rank 1) takes it all, the cooperatives (rank 2) are beyond it. */
    const smallBudget = () => {
      const steps = demoStepsInMad();
      const draft = steps.find((s) => s.command.type === 'DraftCallForProposals');
      (draft?.command.data as { terms: { budget: unknown } }).terms.budget = mad(3_000_000);
      return steps;
    };

    it('shows, for an award that recorded no ranking, the recomputed fate as a note: old events stay SAME', async () => {
      const { file, store } = await madLog({ steps: smallBudget() });
      await store.close();
      // As awards were recorded before they carried their place in the ranking.
      for (const applicationId of [MD, FIGUIG])
        await rewriteAwardPlace(file, applicationId, (data) => {
          delete data.ranking;
          delete data.derogation;
        });
      const md = await replayJson(MD, file);
      const figuig = await replayJson(FIGUIG, file);
      expect([md.code, figuig.code]).toEqual([0, 0]);
      const noteOf = (r: ReplayResult) => r.money.findings.find((f) => f.check === 'ranking-not-recorded');
      expect(noteOf(md.result)).toMatchObject({
        severity: 'note',
        recorded: 'not recorded',
        recomputed: { rank: 1, fundedSet: true, applications: 2 },
      });
      expect(noteOf(figuig.result)).toMatchObject({
        severity: 'note',
        recomputed: { rank: 2, fundedSet: false, applications: 2 },
      });
    }, 120_000);

    it('reports an award that recorded itself in the funded set when the log ranks it outside', async () => {
      const { file, store } = await madLog({ steps: smallBudget() });
      await store.close();
      await rewriteAwardPlace(file, FIGUIG, (data) => {
        data.ranking = { rank: 1, fundedSet: true };
        data.derogation = null;
      });
      const { code, result } = await replayJson(FIGUIG, file);
      expect(code).toBe(1);
      expect(moneyErrors(result)).toEqual([
        expect.objectContaining({
          check: 'funded-set-recomputed',
          recorded: { rank: 1, fundedSet: true },
          recomputed: { rank: 2, fundedSet: false },
        }),
      ]);
      await expectNonGreenDossier(FIGUIG, file, ['funded-set-recomputed']);
    }, 120_000);

    it('shows a recorded derogation, and flags an award outside the funded set without one', async () => {
      const { file, store } = await madLog({ steps: smallBudget() });
      await store.close();
      const derogation = {
        reason: 'only project in the Oriental region',
        committeeMembers: ['user-committee'],
      };
      await rewriteAwardPlace(file, FIGUIG, (data) => {
        data.ranking = { rank: 2, fundedSet: false };
        data.derogation = derogation;
      });
      const withDerogation = await replayJson(FIGUIG, file);
      expect(withDerogation.code).toBe(0);
      expect(withDerogation.result.money.findings).toEqual([
        expect.objectContaining({ check: 'derogation', severity: 'note', recorded: derogation }),
      ]);

      await rewriteAwardPlace(file, FIGUIG, (data) => {
        data.derogation = null;
      });
      const without = await replayJson(FIGUIG, file);
      expect(without.code).toBe(1);
      expect(moneyErrors(without.result).map((f) => f.check)).toEqual(['award-outside-funded-set']);
    }, 120_000);
  });
});
