import { RecordedEvent } from '@tadamon/eventsourcing';
import { budgetEnvelopeStreamName, grantApplicationStreamName } from '@tadamon/funding';
import { demoLogInMemory, FUNDING_DEMO_IDS } from '../testing/funding-demo-log';
import { checkMoneyFacts, MoneyInput, RecomputedFundedSet } from './money-facts';

const MD = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const FIGUIG = FUNDING_DEMO_IDS.applications.cooperativesFiguig;
const ENVELOPE = FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco;
const demo = demoLogInMemory();

type Data = Record<string, unknown>;
type Edit = (events: RecordedEvent[]) => RecordedEvent[];

const appOf = (id: string) => demo.get(grantApplicationStreamName(id)) as RecordedEvent[];
const envelopeEvents = demo.get(budgetEnvelopeStreamName(ENVELOPE)) as RecordedEvent[];

/** Changes the data of the events of a type (only the application's own, for an envelope). */
const editData =
  (type: string, change: (data: Data) => void, applicationId: string = MD): Edit =>
  (events) =>
    events.map((e) => {
      if (e.type !== type || (e.data as Data).applicationId !== applicationId) return e;
      const data = structuredClone(e.data) as Data;
      change(data);
      return { ...e, data };
    });

/**
 * An award and its commitment as recorded before awards recorded their place in the ranking (no
 * ranking, no derogation, on either).
 */
const unrecorded = (applicationId: string = MD): { app: Edit; envelope: Edit } => {
  const strip = (d: Data) => {
    delete d.ranking;
    delete d.derogation;
  };
  return {
    app: editData('GrantAwarded', strip, applicationId),
    envelope: editData('FundsCommitted', (d) => strip(d.award as Data), applicationId),
  };
};

/** An event appended after the whole log: the next global position, one minute after the last. */
function appended(stream: RecordedEvent[], type: string, data: Data): RecordedEvent {
  const last = Math.max(...[...demo.values()].flat().map((e) => e.globalPosition));
  const lastAt = Math.max(...[...demo.values()].flat().map((e) => Date.parse(e.recordedAt)));
  return {
    ...stream[stream.length - 1],
    id: `forged-${type}`,
    type,
    data,
    revision: stream.length,
    globalPosition: last + 1,
    recordedAt: new Date(lastAt + 60_000).toISOString(),
  };
}

function check(
  options: {
    applicationId?: string;
    app?: Edit;
    envelope?: Edit;
    /** The log as of a position (the rest still in `all`). */
    asOfPosition?: number;
    fundedSets?: MoneyInput['fundedSets'];
  } = {},
) {
  const applicationId = options.applicationId ?? MD;
  const app = (options.app ?? ((e) => e))(appOf(applicationId));
  const envelope = (options.envelope ?? ((e) => e))(envelopeEvents);
  const asOfPosition = options.asOfPosition ?? Number.MAX_SAFE_INTEGER;
  const cut = (events: RecordedEvent[]) => events.filter((e) => e.globalPosition <= asOfPosition);
  return checkMoneyFacts({
    applicationId,
    application: { asOf: cut(app), all: app },
    envelopes: new Map([[ENVELOPE, { asOf: cut(envelope), all: envelope }]]),
    fundedSets: options.fundedSets,
  });
}

const errors = (result: ReturnType<typeof check>) =>
  result.findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.field}`);

const usd = (major: number) => ({ amountMinor: major * 100, currency: 'USD' });

describe('checkMoneyFacts', () => {
  it.each([MD, FIGUIG])('finds every money fact of the demo application %s holding', (applicationId) => {
    expect(check({ applicationId }).findings).toEqual([]);
  });

  it.each([MD, FIGUIG])(
    'notes, for the demo application %s awarded before awards recorded their ranking, that it was not recorded',
    (applicationId) => {
      const result = check({ applicationId, ...unrecorded(applicationId) });
      expect(errors(result)).toEqual([]);
      expect(result.findings.map((f) => [f.check, f.severity, f.recorded])).toEqual([
        ['ranking-not-recorded', 'note', 'not recorded'],
      ]);
    },
  );

  it('reports an award raised above its commitment and the amount requested', () => {
    const result = check({ app: editData('GrantAwarded', (d) => (d.amount = usd(350_000))) });
    // The agreement's tranches, signed for the real award, no longer add up to it either.
    expect(errors(result)).toEqual([
      'award-vs-request amount',
      'award-vs-commitment amount',
      'tranches-vs-award tranches',
    ]);
    expect(result.findings.find((f) => f.check === 'award-vs-commitment')).toMatchObject({
      recorded: usd(350_000),
      recomputed: usd(250_000),
      type: 'GrantAwarded',
    });
  });

  it('reports an awarded project that is not the proposal: another region, title or sector', () => {
    const result = check({
      app: editData('GrantAwarded', (d) => {
        const project = d.project as Data;
        project.region = { scheme: 'iso3166-2:2015', code: 'MA-01' };
        project.title = { fr: 'Un autre projet' };
        project.sectors = ['99810'];
      }),
    });
    expect(errors(result)).toEqual([
      'award-project-vs-proposal project.title',
      'award-project-vs-proposal project.sectors',
      'award-project-vs-proposal project.region',
    ]);
  });

  it('reports a second award appended on a commitment of another amount', () => {
    const award = appOf(MD).find((e) => e.type === 'GrantAwarded') as RecordedEvent;
    const second = (events: RecordedEvent[]) => [
      ...events,
      appended(events, 'GrantAwarded', { ...(award.data as Data), amount: usd(90_000) }),
    ];
    const result = check({ app: second });
    expect(errors(result)).toEqual(['second-award amount', 'award-vs-commitment amount']);
    expect(result.findings.find((f) => f.check === 'second-award')?.recomputed).toMatch(
      /an award of .* already stands \(position \d+\)/,
    );
  });

  it('reports the envelope arithmetic a forged commitment records', () => {
    const result = check({
      envelope: editData('FundsCommitted', (d) => (d.remainingBefore = usd(9_000_000))),
    });
    expect(errors(result)).toEqual(['commitment-vs-envelope remainingBefore']);
  });

  it('flags a commitment that no award and no release accounts for anywhere in the log', () => {
    const noAward: Edit = (events) => events.filter((e) => e.type !== 'GrantAwarded');
    const result = check({
      app: (events) =>
        noAward(events).filter((e) => !['GrantAgreementSigned', 'TrancheReleased'].includes(e.type)),
      envelope: (events) =>
        events.filter((e) => !(e.type === 'DisbursementRecorded' && (e.data as Data).applicationId === MD)),
    });
    expect(errors(result)).toEqual(['dangling-commitment status']);
  });

  it('notes, without an error, a commitment still pending at as-of that the log awards later', () => {
    const commit = envelopeEvents.find(
      (e) => e.type === 'FundsCommitted' && (e.data as Data).applicationId === MD,
    ) as RecordedEvent;
    const result = check({ asOfPosition: commit.globalPosition });
    expect(errors(result)).toEqual([]);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        check: 'dangling-commitment',
        severity: 'note',
        note: expect.stringMatching(/^pending at as-of; the log awards it later, at position \d+/),
      }),
    );
  });

  it('flags a rejected or withdrawn application still holding an active commitment', () => {
    const withdraw = (events: RecordedEvent[]) => [
      ...events,
      appended(events, 'GrantApplicationWithdrawn', {
        applicationId: MD,
        reason: 'project abandoned',
        previousStatus: 'awarded',
        award: { envelopeId: ENVELOPE, amount: usd(250_000) },
        withdrawnAt: '2015-01-01T00:00:00.000Z',
        by: 'someone',
      }),
    ];
    const result = check({ app: withdraw });
    expect(errors(result)).toEqual(['commitment-held-after-decision status']);

    // Rejected while funds are committed for it (a crash between the commitment and the award).
    const rejected = check({
      app: (events) =>
        events
          .filter((e) => !['GrantAgreementSigned', 'TrancheReleased'].includes(e.type))
          .map((e) =>
            e.type === 'GrantAwarded'
              ? { ...e, type: 'GrantApplicationRejected', data: { ...(e.data as Data), reasons: ['budget'] } }
              : e,
          ),
      envelope: (events) =>
        events.filter((e) => !(e.type === 'DisbursementRecorded' && (e.data as Data).applicationId === MD)),
    });
    expect(errors(rejected)).toEqual(['commitment-held-after-decision status']);
    expect(rejected.findings.find((f) => f.severity === 'error')?.note).toMatch(
      /is rejected and still holds/,
    );
  });

  it('reports tranches that do not add up to the award, and a tranche paid another amount', () => {
    const schedule = check({
      app: editData('GrantAgreementSigned', (d) => {
        const tranches = d.tranches as { amount: { amountMinor: number } }[];
        tranches[tranches.length - 1].amount.amountMinor += 100;
      }),
    });
    expect(errors(schedule)).toEqual(['tranches-vs-award tranches']);

    const paid = check({
      envelope: editData(
        'DisbursementRecorded',
        (d) => ((d.amount as { amountMinor: number }).amountMinor += 1),
      ),
    });
    expect(errors(paid)).toEqual(['disbursement-vs-tranche amount']);

    const released = check({
      app: editData('TrancheReleased', (d) => ((d.amount as { amountMinor: number }).amountMinor -= 1)),
    });
    expect(errors(released)).toEqual(['tranche-vs-schedule amount', 'disbursement-vs-tranche amount']);
  });

  it('reports a tranche released and never paid, and a payment of no released tranche', () => {
    const unpaid = check({
      envelope: (events) =>
        events.filter((e) => !(e.type === 'DisbursementRecorded' && (e.data as Data).applicationId === MD)),
    });
    expect(errors(unpaid)).toEqual(['tranche-without-disbursement trancheId']);

    const unreleased = check({ app: (events) => events.filter((e) => e.type !== 'TrancheReleased') });
    expect(errors(unreleased)).toEqual(['disbursement-without-tranche trancheId']);
  });

  it('reports a payment above the commitment', () => {
    const result = check({
      envelope: editData('DisbursementRecorded', (d) => (d.amount = usd(260_000))),
    });
    expect(errors(result)).toContain('disbursed-vs-committed amount');
  });

  it("compares the award's place and derogation the commitment carries with the award", () => {
    const placed = (ranking: unknown, derogation: unknown) =>
      editData('FundsCommitted', (d) => {
        d.award = { ...(d.award as Data), ranking, derogation };
      });
    expect(errors(check({ envelope: placed({ rank: 1, fundedSet: true }, null) }))).toEqual([]);
    expect(errors(check({ envelope: placed({ rank: 4, fundedSet: false }, null) }))).toEqual([
      'award-terms-vs-commitment ranking',
    ]);
    expect(
      errors(
        check({ envelope: placed({ rank: 1, fundedSet: true }, { reason: 'r', committeeMembers: ['c'] }) }),
      ),
    ).toEqual(['award-terms-vs-commitment derogation']);
  });

  it('compares the award terms a commitment carries with the award', () => {
    const withTerms = (rationale: string) =>
      editData('FundsCommitted', (d) => {
        d.award = { amount: d.amount, rationale, conditions: [], committeeMembers: [] };
      });
    const award = appOf(MD).find((e) => e.type === 'GrantAwarded')?.data as Data;
    const result = check({ envelope: withTerms('another rationale') });
    expect(errors(result)).toEqual([
      'award-terms-vs-commitment conditions',
      'award-terms-vs-commitment rationale',
      'award-terms-vs-commitment committeeMembers',
    ]);
    const same = check({
      envelope: editData('FundsCommitted', (d) => {
        d.award = {
          amount: d.amount,
          rationale: award.rationale,
          conditions: award.conditions,
          committeeMembers: award.committeeMembers,
        };
      }),
    });
    expect(errors(same)).toEqual([]);

    // At the commitment's top level: its own amount is the commitment, compared once.
    const topLevel = check({
      envelope: editData('FundsCommitted', (d) => {
        delete d.award;
        d.rationale = 'another rationale';
      }),
    });
    expect(errors(topLevel)).toEqual(['award-terms-vs-commitment rationale']);
  });

  describe('the ranking an award records', () => {
    /** The award and its commitment recording this place and derogation (the terms agree). */
    const recorded = (ranking: unknown, derogation: unknown): { app: Edit; envelope: Edit } => ({
      app: editData('GrantAwarded', (d) => {
        d.ranking = ranking;
        d.derogation = derogation;
      }),
      envelope: editData('FundsCommitted', (d) => {
        d.award = { ...(d.award as Data), ranking, derogation };
      }),
    });

    it('is an error outside the funded set without a derogation, a note with one', () => {
      expect(errors(check({ ...recorded({ rank: 3, fundedSet: false }, null) }))).toEqual([
        'award-outside-funded-set ranking.fundedSet',
      ]);
      const derogation = { reason: 'regional balance', committeeMembers: ['c1', 'c2'] };
      const result = check({ ...recorded({ rank: 3, fundedSet: false }, derogation) });
      expect(errors(result)).toEqual([]);
      expect(result.findings).toEqual([
        expect.objectContaining({
          check: 'derogation',
          severity: 'note',
          recorded: derogation,
          note: expect.stringContaining('regional balance (committee c1, c2)'),
        }),
      ]);
      expect(check({ ...recorded({ rank: 1, fundedSet: true }, null) }).findings).toEqual([]);
    });

    it('is an error when the funded set recomputed from the log differs from what was recorded', () => {
      const award = appOf(MD).find((e) => e.type === 'GrantAwarded') as RecordedEvent;
      const fundedSets = (fate: RecomputedFundedSet) => new Map([[award.id, fate]]);
      expect(
        errors(
          check({
            ...recorded({ rank: 1, fundedSet: true }, null),
            fundedSets: fundedSets({ rank: 4, fundedSet: false, applications: 5 }),
          }),
        ),
      ).toEqual(['funded-set-recomputed ranking']);
      expect(
        check({
          ...recorded({ rank: 1, fundedSet: true }, null),
          fundedSets: fundedSets({ rank: 1, fundedSet: true, applications: 5 }),
        }).findings,
      ).toEqual([]);
      // An old award: not recorded, with the recomputed fate shown; a note, not an error.
      const old = check({
        ...unrecorded(),
        fundedSets: fundedSets({ rank: 4, fundedSet: false, applications: 5 }),
      });
      expect(old.findings).toEqual([
        expect.objectContaining({
          check: 'ranking-not-recorded',
          severity: 'note',
          recomputed: { rank: 4, fundedSet: false, applications: 5 },
        }),
      ]);
    });
  });
});
