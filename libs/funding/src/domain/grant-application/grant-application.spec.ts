import { Command, CommandMetadata, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { budgetEnvelopeDecider, envelopeBalance, OpenedEnvelope } from '../budget-envelope/budget-envelope';
import { awardTerms } from '../budget-envelope/budget-envelope.fixtures';
import { BudgetEnvelopeExceeded } from '../budget-envelope/budget-envelope-errors';
import { rankApplications } from '../scoring/ranking';
import { GrantApplicationCommand } from './grant-application-commands';
import {
  associationId,
  callId,
  callInForce,
  committee,
  envelopeId,
  evaluators,
  pointsOf,
  proposal,
  sheetOf,
  usd,
  verifiedAssociation,
} from './grant-application.fixtures';
import { grantApplicationDecider, grantApplicationStreamName } from './grant-application';
import { GrantApplication } from './grant-application-state';

/** A stream in memory: decide against the folded state, then append. */
class Stream<C extends Command, E extends DomainEvent, S> {
  readonly events: E[] = [];
  constructor(private readonly decider: Decider<C, E, S>) {}
  get state(): S {
    return foldEvents(this.decider, this.events);
  }
  handle(command: C): E[] {
    const events = this.decider.decide(command, this.state);
    this.events.push(...events);
    return events;
  }
}

const meta = (actorId: string, now: string): CommandMetadata => ({
  commandId: 'c',
  actor: { id: actorId, roles: [] },
  now,
});

const runApplication = (
  applicationId: string,
  applicant: string,
  points: Record<string, ReturnType<typeof sheetOf>>,
  submittedAt: string,
) => {
  const stream = new Stream(grantApplicationDecider);
  const send = <C extends GrantApplicationCommand>(
    type: C['type'],
    data: Omit<C['data'], 'applicationId'>,
    actor = 'officer-1',
    now = submittedAt,
  ) => stream.handle({ type, data: { applicationId, ...data }, metadata: meta(actor, now) } as C);
  send('DraftGrantApplication', { callId, associationId: applicant, proposal }, applicant);
  send(
    'SubmitGrantApplication',
    { association: { ...verifiedAssociation, associationId: applicant }, call: callInForce },
    applicant,
  );
  send('ScreenEligibility', { association: { ...verifiedAssociation, associationId: applicant } });
  for (const evaluatorId of evaluators) {
    send('AssignEvaluator', { evaluatorId, linksToApplicant: [] });
    send(
      'DeclareConflictOfInterest',
      { evaluatorId, hasConflict: false, statement: 'Aucun conflit.' },
      evaluatorId,
    );
    send('OpenEvaluationDossier', { evaluatorId }, evaluatorId);
    send('RecordEvaluatorScores', { evaluatorId, scores: points[evaluatorId] }, evaluatorId);
  }
  send('ReachConsensusScore', {});
  return { stream, send };
};

describe('grant application', () => {
  it('lives in streams of the grantApplication category', () => {
    expect(grantApplicationStreamName('app-md-2025')).toBe('grantApplication-app-md-2025');
  });

  it('goes through the ICMD phase 2 selection: two awards of USD 250,000 fill the USD 500,000 envelope', () => {
    const envelope = new Stream(budgetEnvelopeDecider);
    const at = '2025-06-10T09:00:00.000Z';
    envelope.handle({
      type: 'OpenBudgetEnvelope',
      data: {
        envelopeId,
        programmeId: 'icmd-phase-2',
        name: { fr: 'ICMD phase 2 — Maroc' },
        funderId: 'iom',
        amount: usd(50_000_000),
        period: { start: '2025-01-01', end: '2026-12-31' },
      },
      metadata: meta('officer-1', at),
    });
    const apps = {
      'app-md': runApplication('app-md', associationId, pointsOf, '2025-04-10T09:00:00.000Z'),
      'app-figuig': runApplication(
        'app-figuig',
        'figuig-coops',
        { 'ev-amina': sheetOf(80, 75, 80), 'ev-jean': sheetOf(82, 70, 75), 'ev-karim': sheetOf(78, 72, 70) },
        '2025-04-20T09:00:00.000Z',
      ),
      'app-late': runApplication(
        'app-late',
        'alp-atlas',
        { 'ev-amina': sheetOf(70, 70, 70), 'ev-jean': sheetOf(70, 70, 70), 'ev-karim': sheetOf(70, 70, 70) },
        '2025-05-01T09:00:00.000Z',
      ),
    };
    const states = Object.values(apps).map(({ stream }) => stream.state as GrantApplication);
    const ranking = rankApplications(
      states.map((s) => {
        if (s.consensus === null || s.submittedAt === null)
          throw new Error(`${s.applicationId} is not scored`);
        return {
          applicationId: s.applicationId,
          outcome: s.consensus,
          submittedAt: s.submittedAt,
          amount: s.proposal.amountRequested,
        };
      }),
      usd(50_000_000),
      callInForce.terms.tieBreakRules,
    );
    expect(ranking.ranked.map((r) => [r.applicationId, r.reason])).toEqual([
      ['app-md', 'funded'],
      ['app-figuig', 'funded'],
      ['app-late', 'beyond-budget'],
    ]);

    for (const ranked of ranking.ranked) {
      const { send } = apps[ranked.applicationId as keyof typeof apps];
      send(
        'RecordCommitteeRecommendation',
        {
          recommended: ranked.funded,
          rank: ranked.rank,
          rationale: ranked.reason,
          committeeMembers: committee,
        },
        'officer-1',
        at,
      );
      const before = envelopeBalance(envelope.state as OpenedEnvelope).remaining;
      if (!ranked.funded) {
        send(
          'RejectGrantApplication',
          {
            reasons: ['beyond the budget'],
            committeeMembers: committee,
            envelope: { envelopeId, remaining: before },
          },
          'officer-1',
          at,
        );
        continue;
      }
      // The envelope owns the invariant: commit first, then record the award with what was left.
      envelope.handle({
        type: 'CommitFunds',
        data: {
          envelopeId,
          applicationId: ranked.applicationId,
          amount: ranked.amount,
          award: awardTerms(`award-${ranked.applicationId}`),
        },
        metadata: meta('officer-1', at),
      });
      send(
        'AwardGrant',
        {
          amount: ranked.amount,
          conditions: [],
          rationale: 'Classée dans le budget.',
          committeeMembers: committee,
          envelope: { envelopeId, remaining: before },
          ranking: { rank: ranked.rank, fundedSet: ranked.funded },
          derogation: null,
        },
        'officer-1',
        at,
      );
    }

    expect(envelopeBalance(envelope.state as OpenedEnvelope).remaining).toEqual(usd(0));
    expect(() =>
      envelope.handle({
        type: 'CommitFunds',
        data: { envelopeId, applicationId: 'app-late', amount: usd(1), award: awardTerms('award-late') },
        metadata: meta('officer-1', at),
      }),
    ).toThrow(BudgetEnvelopeExceeded);
    const md = apps['app-md'].stream.state as GrantApplication;
    expect(md.status).toBe('awarded');
    expect(apps['app-late'].stream.state.status).toBe('rejected');
    expect(apps['app-md'].stream.events.map((e) => e.type)).toContain('GrantAwarded');
  });
});
