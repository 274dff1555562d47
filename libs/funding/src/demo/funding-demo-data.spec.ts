import { Command, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import {
  budgetEnvelopeDecider,
  budgetEnvelopeStreamName,
  BudgetEnvelopeState,
  envelopeBalance,
  FundsCommitted,
  OpenedEnvelope,
} from '../domain/budget-envelope/budget-envelope';
import {
  callForProposalsDecider,
  callForProposalsStreamName,
  CallForProposalsState,
  DraftedCall,
} from '../domain/call-for-proposals/call-for-proposals';
import { InvalidTransition } from '../domain/errors';
import { MIN_INTERNATIONAL_EVALUATORS } from '../domain/call-for-proposals/call-terms';
import {
  grantApplicationDecider,
  grantApplicationStreamName,
} from '../domain/grant-application/grant-application';
import { GrantAwarded } from '../domain/grant-application/grant-application-events';
import { GrantApplication, GrantApplicationState } from '../domain/grant-application/grant-application-state';
import { rankApplications } from '../domain/scoring/ranking';
import {
  FUNDING_DEMO_ACTORS,
  FUNDING_DEMO_IDS,
  fundingDemoSteps,
  FundingDemoStep,
} from './funding-demo-data';

/** The state of every stream the steps touched, as a store would hold it. */
type Streams = Map<string, unknown>;
type Applied = { step: FundingDemoStep; events: DomainEvent[] };

const decideAndFold = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  streams: Streams,
  streamId: string,
  command: C,
): E[] => {
  const state = (streams.get(streamId) as S | undefined) ?? decider.initialState();
  const events = decider.decide(command, state);
  streams.set(streamId, foldEvents(decider, events, state));
  return events;
};

/** Decides the step on its stream's state and folds the events in, as handleCommand would. */
const applyFundingDemoStep = (step: FundingDemoStep, streams: Streams): DomainEvent[] => {
  switch (step.aggregate) {
    case 'budgetEnvelope':
      return decideAndFold(budgetEnvelopeDecider, streams, step.streamId, step.command);
    case 'callForProposals':
      return decideAndFold(callForProposalsDecider, streams, step.streamId, step.command);
    case 'grantApplication':
      return decideAndFold(grantApplicationDecider, streams, step.streamId, step.command);
  }
};

const seed = (): { streams: Streams; applied: Applied[] } => {
  const streams: Streams = new Map();
  const applied = fundingDemoSteps().map((step) => ({ step, events: applyFundingDemoStep(step, streams) }));
  return { streams, applied };
};

const IDS = FUNDING_DEMO_IDS;
const APPLICATION_IDS = [IDS.applications.migrationsEtDeveloppement, IDS.applications.cooperativesFiguig];
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

const envelope = (streams: Streams, id: string): OpenedEnvelope => {
  const state = streams.get(budgetEnvelopeStreamName(id)) as BudgetEnvelopeState | undefined;
  if (!state || state.status === 'none') throw new Error(`envelope ${id} not opened`);
  return state;
};
const call = (streams: Streams): DraftedCall => {
  const state = streams.get(callForProposalsStreamName(IDS.calls.icmdPhase2Morocco)) as
    CallForProposalsState | undefined;
  if (!state || state.status === 'none') throw new Error('call not drafted');
  return state;
};
const application = (streams: Streams, id: string): GrantApplication => {
  const state = streams.get(grantApplicationStreamName(id)) as GrantApplicationState | undefined;
  if (!state || state.status === 'none') throw new Error(`application ${id} not drafted`);
  return state;
};
const eventsOf = <E extends DomainEvent>(applied: Applied[], type: E['type']): E[] =>
  applied.flatMap((a) => a.events.filter((e): e is E => e.type === type));

describe('funding demo data', () => {
  it('applies every step in order, none refused, each producing at least one event', () => {
    const streams: Streams = new Map();
    const outcomes = fundingDemoSteps().map((step) => {
      const { commandId } = step.command.metadata;
      try {
        return { commandId, events: applyFundingDemoStep(step, streams).length };
      } catch (error) {
        return { commandId, error: String(error) };
      }
    });
    expect(outcomes.filter((o) => !('events' in o) || o.events === 0)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(50);
  });

  it('changes nothing when applied a second time: every decider returns [] but one, which is refused', () => {
    const { streams } = seed();
    const before = structuredClone([...streams.entries()]);
    const again = fundingDemoSteps().map((step) => {
      const { commandId } = step.command.metadata;
      try {
        return { commandId, events: applyFundingDemoStep(step, streams).length };
      } catch (error) {
        return {
          commandId,
          events: undefined,
          error: error instanceof InvalidTransition ? error.code : String(error),
        };
      }
    });
    // Publishing again is refused once the call is closed (call-for-proposals.spec.ts): the call no
    // longer accepts submissions, so the command's outcome does not hold and [] would misstate it.
    expect(again.filter((o) => o.events === undefined || o.events > 0)).toEqual([
      {
        commandId: `demo:funding:PublishCallForProposals:${IDS.calls.icmdPhase2Morocco}`,
        error: 'INVALID_TRANSITION',
      },
    ]);
    expect([...streams.entries()]).toEqual(before);
  });

  it('gives each command a unique, stable id and its own historical instant, in order', () => {
    const steps = fundingDemoSteps();
    const commandIds = steps.map((s) => s.command.metadata.commandId);
    expect(new Set(commandIds).size).toBe(commandIds.length);
    expect(commandIds.every((id) => id.startsWith('demo:funding:'))).toBe(true);
    expect(fundingDemoSteps().map((s) => s.command.metadata.commandId)).toEqual(commandIds);
    const instants = steps.map((s) => Date.parse(s.command.metadata.now));
    expect(instants.every((t, i) => Number.isFinite(t) && (i === 0 || t >= instants[i - 1]))).toBe(true);
    expect(steps[0].command.metadata.now.startsWith('2014-')).toBe(true);
    expect(steps.every((s) => s.command.metadata.now < '2016-01-01')).toBe(true);
  });

  it('names each step by its aggregate id and stream', () => {
    for (const step of fundingDemoSteps()) {
      const data = step.command.data as Record<string, string>;
      const { id, streamId } = step;
      switch (step.aggregate) {
        case 'budgetEnvelope':
          expect([id, streamId]).toEqual([data['envelopeId'], budgetEnvelopeStreamName(id)]);
          break;
        case 'callForProposals':
          expect([id, streamId]).toEqual([data['callId'], callForProposalsStreamName(id)]);
          break;
        case 'grantApplication':
          expect([id, streamId]).toEqual([data['applicationId'], grantApplicationStreamName(id)]);
          break;
      }
    }
  });

  it('hands out copies: changing a returned command leaves the demo data as it was', () => {
    const [first] = fundingDemoSteps();
    first.command.metadata.actor.roles.push('admin');
    (first.command.data as { envelopeId: string }).envelopeId = 'changed';
    const [again] = fundingDemoSteps();
    expect(again.command.metadata.actor.roles).toEqual(['officer']);
    expect((again.command.data as { envelopeId: string }).envelopeId).not.toBe('changed');
    expect(FUNDING_DEMO_ACTORS.officer.roles).toEqual(['officer']);
  });

  it("acts as the platform's demo users and the Registry demo's associations and actors", () => {
    expect(IDS.registry).toEqual({
      associations: {
        migrationsEtDeveloppement: 'assoc-migrations-et-developpement',
        cooperativesFiguig: 'assoc-cooperatives-figuig',
      },
      actors: { iom: 'actor-iom', europeanUnion: 'actor-eu', ministry: 'actor-ministry' },
    });
    const actors = new Set(fundingDemoSteps().map((s) => s.command.metadata.actor.id));
    expect([...actors].sort()).toEqual([
      'user-association',
      'user-committee',
      'user-evaluator1',
      'user-evaluator2',
      'user-evaluator3',
      'user-officer',
    ]);
  });

  describe('ICMD phase 2 with IOM', () => {
    it('opens an envelope of USD 500,000 funded by IOM, entirely committed by the two awards', () => {
      const { streams, applied } = seed();
      const icmd = envelope(streams, IDS.envelopes.icmdPhase2Morocco);
      expect(icmd.terms.funderId).toBe('actor-iom');
      expect(icmd.terms.programmeId).toBe(IDS.programmes.icmdPhase2);
      const balance = envelopeBalance(icmd);
      expect(balance.amount).toEqual(usd(50_000_000));
      expect(balance.committed).toEqual(usd(50_000_000));
      expect(balance.remaining).toEqual(usd(0));
      expect(Object.keys(icmd.commitments).sort()).toEqual([...APPLICATION_IDS].sort());
      // The first tranche of each agreement is paid from the envelope.
      expect(balance.disbursed).toEqual(usd(15_000_000 + 12_500_000));
      const commits = eventsOf<FundsCommitted>(applied, 'FundsCommitted');
      expect(commits.map((c) => [c.data.remainingBefore, c.data.remainingAfter])).toEqual([
        [usd(50_000_000), usd(25_000_000)],
        [usd(25_000_000), usd(0)],
      ]);
    });

    it('publishes a call for an international selection with three evaluators, closed after its deadline', () => {
      const { streams } = seed();
      const c = call(streams);
      expect(c.status).toBe('closed');
      expect(c.terms.internationalSelection).toBe(true);
      expect(c.terms.evaluatorsPerProposal).toBeGreaterThanOrEqual(MIN_INTERNATIONAL_EVALUATORS);
      expect(c.terms.envelopeId).toBe(IDS.envelopes.icmdPhase2Morocco);
      expect(c.terms.budget).toEqual(usd(50_000_000));
      expect(c.terms.awardCriteria.criteria.map((k) => k.weight).reduce((a, b) => a + b)).toBe(100);
      // Screening, evaluation and decisions all come after the deadline.
      const afterSubmission = fundingDemoSteps().filter(
        (s) =>
          s.aggregate === 'grantApplication' &&
          !['DraftGrantApplication', 'SubmitGrantApplication'].includes(s.command.type),
      );
      expect(afterSubmission.every((s) => s.command.metadata.now > c.terms.deadline)).toBe(true);
    });

    it('takes applications from M&D and the Figuig cooperatives, verified in the Registry, found eligible', () => {
      const { streams } = seed();
      const applicants = APPLICATION_IDS.map((id) => application(streams, id).associationId);
      expect(applicants).toEqual(['assoc-migrations-et-developpement', 'assoc-cooperatives-figuig']);
      for (const id of APPLICATION_IDS) {
        const app = application(streams, id);
        expect(app.screening?.every((check) => check.passed)).toBe(true);
        expect(app.screening?.find((check) => check.rule === 'association-verified')?.actual).toBe(
          'verified',
        );
        expect(app.proposal.amountRequested).toEqual(usd(25_000_000));
      }
    });

    it('is scored by three evaluators who each declared no conflict, per criterion with comments', () => {
      const { streams } = seed();
      for (const id of APPLICATION_IDS) {
        const app = application(streams, id);
        const evaluators = Object.values(app.evaluators);
        expect(evaluators.map((e) => e.evaluatorId).sort()).toEqual([...IDS.users.evaluators]);
        for (const e of evaluators) {
          expect(e).toMatchObject({ status: 'assigned', declaration: 'no-conflict', conflict: null });
          expect(e.scores?.map((s) => s.criterionId)).toEqual(
            app.terms?.awardCriteria.criteria.map((c) => c.criterionId),
          );
          expect(e.scores?.every((s) => s.comment.length > 0)).toBe(true);
        }
        expect(app.consensus?.passedThresholds).toBe(true);
        expect(app.consensus?.rulesVersion).toBe('2025-1');
        expect(app.consensus?.evaluatorIds).toEqual([...IDS.users.evaluators]);
      }
    });

    it('records the committee ranking that the ranking rules give within the budget', () => {
      const { streams } = seed();
      const apps = APPLICATION_IDS.map((id) => application(streams, id));
      const c = call(streams);
      const ranking = rankApplications(
        apps.map((app) => ({
          applicationId: app.applicationId,
          outcome: app.consensus ?? { consensus: 0, perCriterion: [], passedThresholds: false },
          submittedAt: app.submittedAt ?? '',
          amount: app.proposal.amountRequested,
        })),
        c.terms.budget,
        c.terms.tieBreakRules,
      );
      expect(ranking.ranked.every((r) => r.funded)).toBe(true);
      for (const app of apps) {
        const ranked = ranking.ranked.find((r) => r.applicationId === app.applicationId);
        expect(app.recommendation).toMatchObject({
          recommended: true,
          rank: ranked?.rank,
          committeeMembers: ['user-committee'],
        });
      }
    });

    it('awards USD 250,000 to each, recording the envelope as it stood before each commitment', () => {
      const { streams, applied } = seed();
      for (const id of APPLICATION_IDS) {
        const app = application(streams, id);
        expect(app.status).toBe('awarded');
        expect(app.decision).toMatchObject({
          kind: 'award',
          amount: usd(25_000_000),
          envelopeId: IDS.envelopes.icmdPhase2Morocco,
        });
      }
      const commits = eventsOf<FundsCommitted>(applied, 'FundsCommitted');
      const awards = eventsOf<GrantAwarded>(applied, 'GrantAwarded');
      expect(awards.map((a) => a.data.applicationId)).toEqual(APPLICATION_IDS);
      awards.forEach((award, i) => {
        expect(award.data).toMatchObject({
          envelopeId: IDS.envelopes.icmdPhase2Morocco,
          envelopeRemaining: commits[i].data.remainingBefore,
          criteriaVersion: 1,
          scoringRulesVersion: '2025-1',
          committeeMembers: ['user-committee'],
        });
      });
      // Every award follows its commitment on the envelope.
      const order = fundingDemoSteps()
        .filter((s) => s.command.type === 'CommitFunds' || s.command.type === 'AwardGrant')
        .map((s) => `${s.command.type}:${(s.command.data as { applicationId: string }).applicationId}`);
      expect(order).toEqual(APPLICATION_IDS.flatMap((id) => [`CommitFunds:${id}`, `AwardGrant:${id}`]));
    });

    it('signs agreements whose tranches add up to each award, the first one released', () => {
      const { streams } = seed();
      for (const id of APPLICATION_IDS) {
        const agreement = application(streams, id).agreement;
        expect(agreement?.tranches.reduce((sum, t) => sum + t.amount.amountMinor, 0)).toBe(25_000_000);
        expect(agreement?.tranches.map((t) => t.releasedAt !== null)).toEqual([true, false]);
        expect(agreement?.signatories).toContain('actor-iom');
      }
      const md = application(streams, IDS.applications.migrationsEtDeveloppement);
      expect(md.agreement?.tranches[0].report?.status).toBe('approved');
    });
  });

  describe('EU mobility partnership', () => {
    it('opens an envelope of EUR 5,000,000 funded by the EU, for the three years from 2014', () => {
      const { streams } = seed();
      const eu = envelope(streams, IDS.envelopes.euMobilityPartnership);
      expect(eu.status).toBe('open');
      expect(eu.terms).toMatchObject({
        programmeId: IDS.programmes.euMobilityPartnership,
        funderId: 'actor-eu',
        amount: { amountMinor: 500_000_000, currency: 'EUR' },
        period: { start: '2014-01-01', end: '2016-12-31' },
      });
      expect(envelopeBalance(eu).committed).toEqual({ amountMinor: 0, currency: 'EUR' });
      expect(fundingDemoSteps().filter((s) => s.id === IDS.envelopes.euMobilityPartnership)).toHaveLength(1);
    });
  });
});
