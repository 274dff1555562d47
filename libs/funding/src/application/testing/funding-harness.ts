import { EventStore, SqliteEventStore } from '@tadamon/event-store';
import { Money } from '@tadamon/reference-data';
import { MingoDocumentStore, ProjectionRunner } from '@tadamon/read-store';
import { callInForce } from '../../domain/call-for-proposals/call-for-proposals';
import { CallTermsInput } from '../../domain/call-for-proposals/call-terms';
import { ProjectProposal } from '../../domain/grant-application/project-proposal';
import { InMemoryRegistryFacts } from '../../policies/registry-facts-stores';
import { fundingProjections } from '../../projections';
import { ApplicantFacts } from '../applicant-facts';
import { ApplicantSuspension } from '../applicant-suspension';
import { CallRanking } from '../call-ranking';
import { CommandActor, FundingCommands } from '../funding-commands';
import { GrantDecisions } from '../grant-decisions';

export const usd = (major: number): Money => ({ amountMinor: major * 100, currency: 'USD' });
export const OFFICER: CommandActor = { id: 'user-officer', roles: ['officer'] };
export const COMMITTEE: CommandActor = { id: 'user-committee', roles: ['committee'] };
export const evaluator = (n: number): CommandActor => ({ id: `ev.${n}`, roles: ['evaluator'] });

export const CRITERIA = {
  criteria: [
    { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 40, threshold: 50 },
    { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 35, threshold: 40 },
    { criterionId: 'sustainability', name: { fr: 'Durabilité' }, weight: 25, threshold: 0 },
  ],
  overallThreshold: 60,
};

export const terms = (envelopeId: string, overrides: Partial<CallTermsInput> = {}): CallTermsInput => ({
  programmeId: 'icmd-phase-2',
  envelopeId,
  title: { fr: 'Appel ICMD 2' },
  summary: { fr: 'Codéveloppement.' },
  budget: usd(500_000),
  eligibility: {
    hostCountries: ['FR'],
    originRegions: [],
    sectors: [],
    maxAmountRequested: null,
    minCoFinancingPercent: 0,
  },
  awardCriteria: CRITERIA,
  internationalSelection: true,
  evaluatorsPerProposal: 3,
  deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  ...overrides,
});

export const proposal = (overrides: Partial<ProjectProposal> = {}): ProjectProposal => ({
  title: { fr: 'Eau potable' },
  summary: { fr: 'Raccordement de douars.' },
  sectors: ['14030'],
  region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
  amountRequested: usd(250_000),
  coFinancing: usd(50_000),
  documents: [],
  ...overrides,
});

export const sheet = (points: number | Record<string, number>) =>
  CRITERIA.criteria.map(({ criterionId }) => ({
    criterionId,
    points: typeof points === 'number' ? points : points[criterionId],
    comment: 'Justification.',
  }));

/**
 * Funding's application layer on a SQLite log in memory and mingo read models, without HTTP: the
 * same classes the module wires, driven as the controllers drive them.
 */
export class FundingHarness {
  readonly store: EventStore;
  readonly docs = new MingoDocumentStore();
  readonly facts = new InMemoryRegistryFacts();
  readonly affiliations = new Map<string, string[]>();
  readonly commands: FundingCommands;
  readonly applicants: ApplicantFacts;
  readonly suspension: ApplicantSuspension;
  readonly ranking: CallRanking;
  readonly decisions: GrantDecisions;
  private readonly runners: ProjectionRunner[];
  private sequence = 0;

  /** On the given log (another store than the default SQLite in memory), ids prefixed by `prefix`. */
  constructor(
    store: EventStore = SqliteEventStore.open({ filename: ':memory:' }),
    private readonly prefix = '',
  ) {
    this.store = store;
    this.commands = new FundingCommands(store);
    this.applicants = new ApplicantFacts(this.facts, {
      organisationsOf: (id) => this.affiliations.get(id) ?? [],
    });
    this.suspension = new ApplicantSuspension(this.commands, this.docs, store);
    this.ranking = new CallRanking(this.commands, this.docs);
    this.decisions = new GrantDecisions(this.commands, this.ranking);
    this.runners = fundingProjections.map((projection) => new ProjectionRunner(store, this.docs, projection));
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  /** Brings every read model up to the log's head. */
  async project(): Promise<void> {
    for (const runner of this.runners) await runner.catchUp();
  }

  verified(associationId: string, position = ++this.sequence): void {
    this.facts.record(undefined, {
      kind: 'applicant',
      associationId,
      status: 'verified',
      hostCountries: ['FR'],
      position,
      at: '2025-01-01T00:00:00.000Z',
    });
  }

  async publishedCall(envelope = usd(500_000), overrides: Partial<CallTermsInput> = {}) {
    const envelopeId = `${this.prefix}env-${++this.sequence}`;
    const callId = `${this.prefix}call-${this.sequence}`;
    await this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      {
        type: 'OpenBudgetEnvelope',
        data: {
          envelopeId,
          programmeId: 'icmd-phase-2',
          name: { fr: 'Enveloppe' },
          funderId: 'actor-iom',
          amount: envelope,
          period: { start: '2025-01-01', end: '2027-12-31' },
        },
      },
      OFFICER,
    );
    const budget = overrides.budget ?? envelope;
    await this.commands.execute(
      'callForProposals',
      callId,
      { type: 'DraftCallForProposals', data: { callId, terms: terms(envelopeId, { budget, ...overrides }) } },
      OFFICER,
    );
    await this.commands.execute(
      'callForProposals',
      callId,
      { type: 'PublishCallForProposals', data: { callId } },
      OFFICER,
    );
    return { envelopeId, callId };
  }

  async drafted(callId: string, associationId: string, body: Partial<ProjectProposal> = {}): Promise<string> {
    const applicationId = `${this.prefix}app-${++this.sequence}`;
    const actor = { id: `user-${associationId}`, roles: ['association'] };
    await this.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'DraftGrantApplication',
        data: { applicationId, callId, associationId, proposal: proposal(body) },
      },
      actor,
    );
    return applicationId;
  }

  /** An application taken to a consensus with three evaluators' points (one number per evaluator, or per criterion). */
  async scored(
    callId: string,
    associationId: string,
    points: (number | Record<string, number>)[] = [80, 75, 70],
    body: Partial<ProjectProposal> = {},
  ): Promise<string> {
    const applicationId = await this.drafted(callId, associationId, body);
    const actor = { id: `user-${associationId}`, roles: ['association'] };
    const call = await this.commands.load('callForProposals', callId);
    if (!call || call.state.status === 'none') throw new Error('no call');
    const run = (command: Parameters<FundingCommands['execute']>[2], who: CommandActor) =>
      this.commands.execute('grantApplication', applicationId, command as never, who);
    await run(
      {
        type: 'SubmitGrantApplication',
        data: {
          applicationId,
          association: await this.applicants.associationFacts(associationId),
          call: callInForce(call.state),
        },
      } as never,
      actor,
    );
    await run(
      {
        type: 'ScreenEligibility',
        data: { applicationId, association: await this.applicants.associationFacts(associationId) },
      } as never,
      OFFICER,
    );
    for (const [i, score] of points.entries()) {
      const ev = evaluator(i + 1);
      await run(
        {
          type: 'AssignEvaluator',
          data: { applicationId, evaluatorId: ev.id, linksToApplicant: [] },
        } as never,
        OFFICER,
      );
      await run(
        {
          type: 'DeclareConflictOfInterest',
          data: { applicationId, evaluatorId: ev.id, hasConflict: false, statement: 'Aucun.' },
        } as never,
        ev,
      );
      await run({ type: 'OpenEvaluationDossier', data: { applicationId, evaluatorId: ev.id } } as never, ev);
      await run(
        {
          type: 'RecordEvaluatorScores',
          data: { applicationId, evaluatorId: ev.id, scores: sheet(score) },
        } as never,
        ev,
      );
    }
    await run({ type: 'ReachConsensusScore', data: { applicationId } } as never, COMMITTEE);
    return applicationId;
  }

  /** Scored (by default 80, 75 and 70 points), then recommended by the committee. */
  async recommended(
    callId: string,
    associationId: string,
    body: Partial<ProjectProposal> = {},
    points?: (number | Record<string, number>)[],
  ): Promise<string> {
    const applicationId = await this.scored(callId, associationId, points, body);
    await this.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'RecordCommitteeRecommendation',
        data: {
          applicationId,
          recommended: true,
          rank: null,
          rationale: 'Bon projet.',
          committeeMembers: [COMMITTEE.id],
        },
      },
      COMMITTEE,
    );
    return applicationId;
  }
}
