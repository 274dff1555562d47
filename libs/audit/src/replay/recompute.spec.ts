import { RecordedEvent } from '@tadamon/eventsourcing';
import {
  AwardCriteria,
  budgetEnvelopeStreamName,
  grantApplicationStreamName,
  ScoreSheet,
  scoreWith,
} from '@tadamon/funding';
import { demoLogInMemory, demoStepsWithSplitScores, FUNDING_DEMO_IDS } from '../testing/funding-demo-log';
import { fieldDifferences, recomputeApplication } from './recompute';
import { timelineEntry } from './timeline';

const MD = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const FIGUIG = FUNDING_DEMO_IDS.applications.cooperativesFiguig;
const ENVELOPE = FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco;
const demo = demoLogInMemory();

type Data = Record<string, unknown>;
type Edit = (events: RecordedEvent[]) => RecordedEvent[];

/** Changes the data of every event of a type (a forger's log). */
const editData =
  (type: string, change: (data: Data) => void): Edit =>
  (events) =>
    events.map((e) => {
      if (e.type !== type) return e;
      const data = structuredClone(e.data) as Data;
      change(data);
      return { ...e, data };
    });

function recompute(
  applicationId: string,
  options: {
    edit?: Edit;
    envelope?: (events: RecordedEvent[]) => RecordedEvent[];
    withCurrentRules?: boolean;
    log?: Map<string, RecordedEvent[]>;
  } = {},
) {
  const log = options.log ?? demo;
  const events = log.get(grantApplicationStreamName(applicationId)) ?? [];
  const envelope = log.get(budgetEnvelopeStreamName(ENVELOPE)) ?? [];
  return recomputeApplication({
    application: options.edit ? options.edit(events) : events,
    envelopes: new Map([[ENVELOPE, options.envelope ? options.envelope(envelope) : envelope]]),
    callEnvelopeId: ENVELOPE,
    withCurrentRules: options.withCurrentRules ?? false,
  });
}

const differencesOf = (result: ReturnType<typeof recompute>, type: string) =>
  result.recomputations.find((r) => r.type === type)?.differences;

describe('recomputeApplication', () => {
  it.each([MD, FIGUIG])(
    'recomputes the demo consensus, recommendation and award of %s with the version each recorded: same',
    (applicationId) => {
      const result = recompute(applicationId);
      expect(result.state.status).toBe('awarded');
      expect(result.recomputations.map((r) => [r.type, r.rulesVersion, r.same, r.differences])).toEqual([
        ['ConsensusScoreReached', '2025-1', true, []],
        ['GrantApplicationRecommended', '2025-1', true, []],
        ['GrantAwarded', '2025-1', true, []],
      ]);
      expect(result.current).toBeNull();
    },
  );

  it('gives the consensus of the demo: M&D 82.88, the Figuig cooperatives 77.77 (mean of points, 2025-1)', () => {
    expect(recompute(MD).recomputations[0].outcome?.consensus).toBe(8288);
    expect(recompute(FIGUIG).recomputations[0].outcome?.consensus).toBe(7777);
  });

  it('names the field when a decision records another consensus than its sheets give', () => {
    const result = recompute(MD, { edit: editData('GrantAwarded', (d) => (d.consensus = 9000)) });
    expect(differencesOf(result, 'GrantAwarded')).toEqual([
      { field: 'consensus', recorded: 9000, recomputed: 8288 },
    ]);
    expect(result.recomputations.filter((r) => !r.same).map((r) => r.type)).toEqual(['GrantAwarded']);
  });

  it('compares a consensus outcome field by field, criteria by id', () => {
    const result = recompute(MD, {
      edit: editData('ConsensusScoreReached', (d) => {
        const outcome = d.outcome as { consensus: number; perCriterion: { consensus: number }[] };
        outcome.consensus += 30;
        outcome.perCriterion[0].consensus += 100;
      }),
    });
    expect(differencesOf(result, 'ConsensusScoreReached')).toEqual([
      { field: 'outcome.consensus', recorded: 8318, recomputed: 8288 },
      { field: 'outcome.perCriterion[relevance].consensus', recorded: 8767, recomputed: 8667 },
    ]);
  });

  it("catches consensus sheets that are not the evaluators' recorded scores, even with a matching outcome", () => {
    const events = demo.get(grantApplicationStreamName(MD)) ?? [];
    const submitted = events.find((e) => e.type === 'GrantApplicationSubmitted')?.data as {
      terms: { awardCriteria: AwardCriteria };
    };
    const result = recompute(MD, {
      edit: editData('ConsensusScoreReached', (d) => {
        const sheets = d.sheets as ScoreSheet[];
        sheets[0] = {
          ...sheets[0],
          scores: sheets[0].scores.map((s, i) => (i === 0 ? { ...s, points: 98 } : s)),
        };
        d.outcome = scoreWith('2025-1', submitted.terms.awardCriteria, sheets);
      }),
    });
    expect(differencesOf(result, 'ConsensusScoreReached')).toEqual([
      {
        field: 'sheets[user-evaluator1].scores[relevance].points',
        recorded: 98,
        recomputed: 88,
        note: "the active evaluators' recorded scores",
      },
    ]);
  });

  it("flags a decision under another rules version than the application's terms, and an unknown version", () => {
    const other = recompute(MD, {
      edit: editData('GrantAwarded', (d) => (d.scoringRulesVersion = '2026-1')),
    });
    expect(differencesOf(other, 'GrantAwarded')).toEqual([
      { field: 'consensus', recorded: 8288, recomputed: 8330 },
      {
        field: 'scoringRulesVersion',
        recorded: '2026-1',
        recomputed: '2025-1',
        note: 'the scoring rules version the application was submitted under',
      },
    ]);
    const unknown = recompute(MD, {
      edit: editData('GrantAwarded', (d) => (d.scoringRulesVersion = '2019-1')),
    });
    expect(differencesOf(unknown, 'GrantAwarded')?.map((d) => [d.field, d.recomputed])).toEqual([
      ['consensus', expect.stringMatching(/^cannot be recomputed: "2019-1" is not a scoring rules version/)],
      ['scoringRulesVersion', '2025-1'],
    ]);
  });

  it("recomputes the envelope's remaining amount from its own stream, before the application's commitment", () => {
    const wrong = recompute(FIGUIG, {
      edit: editData(
        'GrantAwarded',
        (d) => (d.envelopeRemaining = { amountMinor: 50_000_000, currency: 'USD' }),
      ),
    });
    expect(differencesOf(wrong, 'GrantAwarded')).toEqual([
      {
        field: 'envelopeRemaining',
        recorded: { amountMinor: 50_000_000, currency: 'USD' },
        recomputed: { amountMinor: 25_000_000, currency: 'USD' },
        note: "the envelope's stream just before this application's commitment",
      },
    ]);
    const uncommitted = recompute(MD, {
      envelope: (events) =>
        events.filter((e) => !(e.type === 'FundsCommitted' && (e.data as Data).applicationId === MD)),
    });
    expect(differencesOf(uncommitted, 'GrantAwarded')).toEqual([
      {
        field: 'amount',
        recorded: { amountMinor: 25_000_000, currency: 'USD' },
        recomputed: 'no commitment of it on the envelope before the award',
      },
    ]);
    const missing = recompute(MD, { envelope: () => [] });
    expect(differencesOf(missing, 'GrantAwarded')?.map((d) => d.recomputed)).toEqual([
      `unknown: envelope ${ENVELOPE} is not in the store`,
    ]);
  });

  it('flags a committee member with a conflict of interest on the application', () => {
    const result = recompute(MD, {
      edit: (events) =>
        editData(
          'GrantAwarded',
          (d) => (d.committeeMembers = ['user-committee', 'user-evaluator1']),
        )(
          events.map((e) =>
            e.type === 'NoConflictOfInterestDeclared' && (e.data as Data).evaluatorId === 'user-evaluator1'
              ? { ...e, type: 'ConflictOfInterestDeclared' }
              : e,
          ),
        ),
    });
    expect(differencesOf(result, 'GrantAwarded')).toEqual([
      {
        field: 'committeeMembers[user-evaluator1]',
        recorded: 'sits on the committee',
        recomputed: 'has a declared conflict of interest',
      },
    ]);
  });

  it("says what today's rules (2026-1, the median) would change: the consensus, and the award itself", () => {
    const md = recompute(MD, { withCurrentRules: true });
    expect(md.current?.map((c) => [c.type, c.recordedVersion, c.currentVersion, c.consequence])).toEqual([
      ['ConsensusScoreReached', '2025-1', '2026-1', 'consensus 82.88 would be 83.30'],
      ['GrantApplicationRecommended', '2025-1', '2026-1', 'consensus 82.88 would be 83.30'],
      ['GrantAwarded', '2025-1', '2026-1', 'consensus 82.88 would be 83.30'],
    ]);
    expect(md.current?.[0].differences).toContainEqual({
      field: 'perCriterion[relevance].consensus',
      recorded: 8667,
      recomputed: 8800,
    });
    expect(md.recomputations.every((r) => r.same)).toBe(true);

    const split = recompute(FIGUIG, {
      withCurrentRules: true,
      log: demoLogInMemory(demoStepsWithSplitScores()),
    });
    expect(split.recomputations.every((r) => r.same)).toBe(true);
    expect(split.current?.find((c) => c.type === 'GrantAwarded')).toMatchObject({
      same: false,
      consequence:
        'consensus 71.47 would be 66.40; it would fail the thresholds (relevance): it could not be awarded',
      differences: [
        { field: 'consensus', recorded: 7147, recomputed: 6640 },
        { field: 'passedThresholds', recorded: true, recomputed: false },
        { field: 'failedThresholds', recorded: [], recomputed: ['relevance'] },
      ],
    });
  });
});

describe('fieldDifferences', () => {
  it('walks objects and arrays, naming items by criterion or evaluator id, and shows what is missing', () => {
    expect(
      fieldDifferences(
        { a: 1, list: [{ criterionId: 'x', v: 1 }, { v: 2 }], ids: ['a', 'b'], gone: true },
        { a: 1, list: [{ criterionId: 'x', v: 2 }], ids: ['a'], extra: null },
      ),
    ).toEqual([
      { field: 'list[x].v', recorded: 1, recomputed: 2 },
      { field: 'list[1]', recorded: { v: 2 }, recomputed: '(missing)' },
      { field: 'ids', recorded: ['a', 'b'], recomputed: ['a'] },
      { field: 'gone', recorded: true, recomputed: '(missing)' },
      { field: 'extra', recorded: '(missing)', recomputed: null },
    ]);
  });
});

describe('timelineEntry', () => {
  it('gives each event its recorded and domain instants, its actor and its key facts', () => {
    const award = demo
      .get(grantApplicationStreamName(MD))
      ?.find((e) => e.type === 'GrantAwarded') as RecordedEvent;
    expect(timelineEntry(award)).toMatchObject({
      type: 'GrantAwarded',
      recordedAt: '2014-07-15T10:01:00.000Z',
      occurredAt: '2014-07-15T10:01:00.000Z',
      actor: { id: 'user-committee', roles: ['committee'] },
      facts: expect.arrayContaining([
        { key: 'amount', value: 'USD 250,000.00', money: [{ amountMinor: 25_000_000, currency: 'USD' }] },
        { key: 'consensus', value: '82.88' },
        {
          key: 'envelopeRemaining',
          value: 'USD 500,000.00',
          money: [{ amountMinor: 50_000_000, currency: 'USD' }],
        },
        { key: 'scoringRulesVersion', value: '2025-1' },
      ]),
    });
    const ranked = {
      ...award,
      data: {
        ...(award.data as object),
        ranking: { rank: 3, fundedSet: false },
        derogation: { reason: 'regional balance', committeeMembers: ['c1', 'c2'] },
      },
    };
    expect(timelineEntry(ranked).facts.slice(-3)).toEqual([
      { key: 'rank', value: '3' },
      { key: 'fundedSet', value: 'no' },
      { key: 'derogation', value: 'regional balance (c1, c2)' },
    ]);
    expect(timelineEntry({ ...award, type: 'GrantAwarded', data: 'not an object' }).facts).toEqual(
      expect.arrayContaining([{ key: 'amount', value: '-' }]),
    );
  });
});
