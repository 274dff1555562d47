import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@tadamon/reference-data';
import { BudgetEnvelopeState } from '../domain/budget-envelope/budget-envelope';
import { DraftedCall } from '../domain/call-for-proposals/call-for-proposals';
import { NotCreated } from '../domain/errors';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { competingApplication, RANKED_STATUSES } from '../domain/scoring/competing-application';
import { rankApplications, Ranking, ScoredApplication } from '../domain/scoring/ranking';
import { ApplicationDoc, FUNDING_APPLICATIONS } from '../projections/applications';
import { FundingCommands } from './funding-commands';
import { FUNDING_READ_MODELS, FundingReadModels } from './funding-ports';

export interface CallRankingView {
  callId: string;
  criteriaVersion: number;
  scoringRulesVersion: string;
  ranking: Ranking;
  /** The board's facts about each ranked application, by application id. */
  applications: Record<
    string,
    { associationId: string; status: string; rulesVersion: string; decision: ApplicationDoc['decision'] }
  >;
}

/** What the ranking reads of an application. */
type RankingEntry = Pick<
  ApplicationDoc,
  | 'applicationId'
  | 'associationId'
  | 'amountRequested'
  | 'status'
  | 'draftedAt'
  | 'submittedAt'
  | 'consensus'
  | 'decision'
>;

/** What an application would receive in the ranking: the award when decided, else its request. */
const amountOf = (doc: Pick<ApplicationDoc, 'decision' | 'amountRequested'>): Money =>
  doc.decision?.kind === 'award' ? doc.decision.amount : doc.amountRequested;

/** An application's place in its call's ranking, as an award records it. */
export interface RankingPlace {
  /** null: not ranked (below a threshold, not scored, or in another currency than the budget). */
  rank: number | null;
  /** Inside the funded set: within the call's budget in ranking order (awards hold their money). */
  fundedSet: boolean;
}

/**
 * A call's ranking: its scored applications ordered by rankApplications within the call's budget,
 * with the call's tie-break rules. Each consensus was computed with the scoring rules version the
 * call named (frozen at publication); the view says which version each one used.
 */
@Injectable()
export class CallRanking {
  constructor(
    private readonly commands: FundingCommands,
    @Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels,
  ) {}

  /**
   * `current`: an application folded from its stream, which overrides its read-model entry (the
   * read model may be a few milliseconds behind the command that asks for a rank). Any other
   * application with funds committed on the call's envelope holds them as an award, even before
   * its decision is recorded or projected: the envelope's stream is the first an award writes to.
   */
  async rank(
    callId: string,
    current?: GrantApplication,
    currentAmount?: Money,
    envelope?: BudgetEnvelopeState,
  ): Promise<CallRankingView> {
    const loaded = await this.commands.load('callForProposals', callId);
    if (!loaded || loaded.state.status === 'none')
      throw new NotCreated('callForProposals', 'RankApplications');
    const call: DraftedCall = loaded.state;
    const docs = await this.readModels
      .collection<ApplicationDoc>(FUNDING_APPLICATIONS)
      .find({ callId, status: { $in: [...RANKED_STATUSES] }, consensus: { $ne: null } });
    const byId = new Map<string, RankingEntry>(docs.map((doc) => [doc.applicationId, doc]));
    if (current) {
      byId.delete(current.applicationId);
      if (current.consensus !== null && RANKED_STATUSES.includes(current.status))
        byId.set(current.applicationId, fromState(current, currentAmount));
    }
    const entries = [...byId.values()].filter(
      (doc) => doc.consensus !== null && amountOf(doc).currency === call.terms.budget.currency,
    );
    const committed = activeCommitments(
      envelope ?? (await this.commands.load('budgetEnvelope', call.terms.envelopeId))?.state,
      call.terms.budget.currency,
    );
    const scored: ScoredApplication[] = entries.map((doc) =>
      competingApplication({
        applicationId: doc.applicationId,
        outcome: {
          consensus: doc.consensus?.consensus ?? 0,
          perCriterion: doc.consensus?.perCriterion ?? [],
          passedThresholds: doc.consensus?.passedThresholds ?? false,
        },
        submittedAt: doc.submittedAt ?? doc.draftedAt,
        status: doc.status,
        amount: amountOf(doc),
        committed:
          doc.applicationId === current?.applicationId ? undefined : committed.get(doc.applicationId),
      }),
    );
    const ranking = rankApplications(scored, call.terms.budget, call.terms.tieBreakRules);
    return {
      callId,
      criteriaVersion: call.criteriaVersion,
      scoringRulesVersion: call.terms.scoringRulesVersion,
      ranking,
      applications: Object.fromEntries(
        entries.map((doc) => [
          doc.applicationId,
          {
            associationId: doc.associationId,
            status: doc.status,
            rulesVersion: doc.consensus?.rulesVersion ?? call.terms.scoringRulesVersion,
            decision: doc.decision,
          },
        ]),
      ),
    };
  }

  /** The application's rank in its call now; null when it is below a threshold or not scored. */
  async rankOf(application: GrantApplication): Promise<number | null> {
    const { ranking } = await this.rank(application.callId, application);
    return ranking.ranked.find((r) => r.applicationId === application.applicationId)?.rank ?? null;
  }

  /**
   * Where an award of `amount` would place the application: its rank, and whether it is inside
   * the funded set, ranked at the amount awarded (never more than requested). Other awards hold
   * their money from their commitment on; what a moment's lag can still hide (a derogation not yet
   * committed, a consensus or an upheld appeal being recorded) is said in docs/funding.md.
   * `envelope`: the envelope's state the award's commitment will be appended after, so that the
   * place counts exactly the commitments made before it.
   */
  async placeOf(
    application: GrantApplication,
    amount: Money,
    envelope?: BudgetEnvelopeState,
  ): Promise<RankingPlace> {
    const { ranking } = await this.rank(application.callId, application, amount, envelope);
    const entry = ranking.ranked.find((r) => r.applicationId === application.applicationId);
    return { rank: entry?.rank ?? null, fundedSet: entry?.funded ?? false };
  }
}

/** The ranking's view of an application folded from its stream. */
const fromState = (state: GrantApplication, amount?: Money): RankingEntry => ({
  applicationId: state.applicationId,
  associationId: state.associationId,
  amountRequested: amount ?? state.proposal.amountRequested,
  status: state.status,
  draftedAt: state.submittedAt ?? '',
  submittedAt: state.submittedAt,
  consensus: state.consensus && {
    consensus: state.consensus.consensus,
    passedThresholds: state.consensus.passedThresholds,
    failedThresholds: [...state.consensus.failedThresholds],
    perCriterion: [...state.consensus.perCriterion],
    rulesVersion: state.consensus.rulesVersion,
    reachedAt: '',
  },
  decision:
    state.decision?.kind === 'award'
      ? {
          kind: 'award',
          amount: state.decision.amount,
          envelopeId: state.decision.envelopeId,
          decidedAt: state.decision.decidedAt,
        }
      : null,
});

/** The envelope's active commitments by application (only in the call's currency). */
function activeCommitments(envelope: BudgetEnvelopeState | undefined, currency: string): Map<string, Money> {
  const held = new Map<string, Money>();
  if (!envelope || envelope.status === 'none') return held;
  const { terms, commitments } = envelope;
  if (terms.amount.currency !== currency) return held;
  for (const [applicationId, commitment] of Object.entries(commitments))
    if (commitment.status === 'active')
      held.set(applicationId, { amountMinor: commitment.committedMinor, currency: terms.amount.currency });
  return held;
}
