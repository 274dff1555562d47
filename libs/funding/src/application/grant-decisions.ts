import { Injectable } from '@nestjs/common';
import {
  ExpectedRevision,
  RecordedEvent,
  revisionMatches,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { envelopeBalance, FundsCommitted, OpenedEnvelope } from '../domain/budget-envelope/budget-envelope';
import { CommitmentNoLongerActive } from '../domain/budget-envelope/budget-envelope-errors';
import { DraftedCall } from '../domain/call-for-proposals/call-for-proposals';
import { FundingError, NotCreated } from '../domain/errors';
import {
  grantApplicationDecider,
  grantApplicationStreamName,
} from '../domain/grant-application/grant-application';
import {
  AwardGrant,
  Derogation,
  EnvelopeAtDecision,
} from '../domain/grant-application/grant-application-commands';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { CallRanking } from './call-ranking';
import {
  CommandActor,
  CommandOutcome,
  DetailedOutcome,
  ExecuteOptions,
  FundingCommands,
  Loaded,
} from './funding-commands';

/** Concurrent awards on one envelope conflict on its stream; each loser re-reads and re-decides. */
export const COMMITMENT_RETRIES = 100;

export interface AwardInput {
  /** Default: the amount requested. */
  amount?: Money;
  conditions: string[];
  rationale: string;
  committeeMembers: string[];
  /** Required for an award outside the call's funded set. */
  derogation?: Derogation | null;
}

export interface RejectionInput {
  reasons: string[];
  committeeMembers: string[];
}

/** A decision's outcome: the application's stream (revision, the next If-Match), both streams' events. */
export interface DecisionOutcome extends CommandOutcome {
  envelope: {
    envelopeId: string;
    /** What the envelope had left before this decision. */
    remainingBefore: Money;
    remainingAfter: Money;
  };
}

type Options = Pick<ExecuteOptions, 'expectedRevision' | 'now'>;

/**
 * The decisions that touch money, as processes over two streams. An award commits the funds on
 * the envelope's stream first (the stream that owns "never over-committed", with optimistic
 * concurrency and retries), then records the award with what the envelope had left before it;
 * if the award is refused, the commitment is released (a compensating event, never a deletion).
 */
@Injectable()
export class GrantDecisions {
  constructor(
    private readonly commands: FundingCommands,
    private readonly ranking: CallRanking,
  ) {}

  async award(
    applicationId: string,
    input: AwardInput,
    actor: CommandActor,
    options: Options = {},
  ): Promise<DecisionOutcome> {
    const application = await this.application(applicationId, 'AwardGrant', options.expectedRevision);
    const call = await this.call(application.state.callId, 'AwardGrant');
    const envelopeId = call.terms.envelopeId;
    const envelope = await this.envelope(envelopeId, 'AwardGrant');
    const amount = input.amount ?? application.state.proposal.amountRequested;
    const now = options.now ?? new Date().toISOString();
    const ranking = await this.ranking.placeOf(application.state, amount);
    const award = (remaining: Money): Pick<AwardGrant, 'type' | 'data'> => ({
      type: 'AwardGrant',
      data: {
        applicationId,
        amount,
        conditions: input.conditions,
        rationale: input.rationale,
        committeeMembers: input.committeeMembers,
        envelope: { envelopeId, remaining },
        ranking,
        derogation: input.derogation ?? null,
      },
    });

    // Decided first on the state as read, so that a refusal (status, thresholds, committee,
    // flag) commits nothing; only a race between this check and the award needs compensating.
    const existing = envelope.state.commitments[applicationId];
    const available = envelopeBalance(envelope.state).remaining;
    const provisional = {
      ...available,
      amountMinor: available.amountMinor + (existing?.status === 'active' ? existing.committedMinor : 0),
    };
    grantApplicationDecider.decide(
      {
        ...award(provisional),
        metadata: { commandId: 'dry-run', actor: { ...actor, roles: [...actor.roles] }, now },
      },
      application.state,
    );

    const commitment = await this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      { type: 'CommitFunds', data: { envelopeId, applicationId, amount } },
      actor,
      { now, maxRetries: COMMITMENT_RETRIES },
    );
    const committed = await this.commitmentOf(envelopeId, applicationId, commitment.recorded);
    let awarded: DetailedOutcome;
    try {
      awarded = await this.commands.execute(
        'grantApplication',
        applicationId,
        award(committed.remainingBefore),
        actor,
        { now, expectedRevision: options.expectedRevision },
      );
    } catch (error) {
      await this.commands.execute(
        'budgetEnvelope',
        envelopeId,
        {
          type: 'ReleaseCommitment',
          data: { envelopeId, applicationId, reason: `award not recorded: ${reasonOf(error)}` },
        },
        actor,
        { maxRetries: COMMITMENT_RETRIES },
      );
      throw error;
    }
    return {
      revision: awarded.revision,
      position: awarded.position ?? commitment.position,
      events: [...commitment.events, ...awarded.events],
      envelope: {
        envelopeId,
        remainingBefore: committed.remainingBefore,
        remainingAfter: committed.remainingAfter,
      },
    };
  }

  /** A rejection records the envelope as it stands (nothing is committed). */
  async reject(
    applicationId: string,
    input: RejectionInput,
    actor: CommandActor,
    options: Options = {},
  ): Promise<DecisionOutcome> {
    const application = await this.application(
      applicationId,
      'RejectGrantApplication',
      options.expectedRevision,
    );
    const call = await this.call(application.state.callId, 'RejectGrantApplication');
    const envelopeId = call.terms.envelopeId;
    const envelope = await this.envelope(envelopeId, 'RejectGrantApplication');
    const remaining = envelopeBalance(envelope.state).remaining;
    const at: EnvelopeAtDecision = { envelopeId, remaining };
    const outcome = await this.commands.execute(
      'grantApplication',
      applicationId,
      { type: 'RejectGrantApplication', data: { applicationId, ...input, envelope: at } },
      actor,
      options,
    );
    return {
      revision: outcome.revision,
      position: outcome.position,
      events: outcome.events,
      envelope: { envelopeId, remainingBefore: remaining, remainingAfter: remaining },
    };
  }

  /** A withdrawal; a withdrawn award gives back to the envelope what it has not paid yet. */
  async withdraw(
    applicationId: string,
    reason: string,
    actor: CommandActor,
    options: Options = {},
  ): Promise<CommandOutcome> {
    const withdrawn = await this.commands.execute(
      'grantApplication',
      applicationId,
      { type: 'WithdrawGrantApplication', data: { applicationId, reason } },
      actor,
      options,
    );
    const state = (await this.application(applicationId, 'WithdrawGrantApplication')).state;
    // Also after a repeated withdrawal: the release may be what a crash left undone.
    if (state.status !== 'withdrawn' || state.decision?.kind !== 'award') return withdrawn;
    const envelopeId = state.decision.envelopeId;
    const released = await this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      {
        type: 'ReleaseCommitment',
        data: { envelopeId, applicationId, reason: `application withdrawn: ${reason}` },
      },
      actor,
      { maxRetries: COMMITMENT_RETRIES },
    );
    return { ...withdrawn, events: [...withdrawn.events, ...released.events] };
  }

  /**
   * Releases a tranche (the application's gate: order, approved reports, no flag), then records
   * the payment on the envelope. Both are idempotent: a repeated request completes what a crash
   * between them left undone.
   */
  async releaseTranche(
    applicationId: string,
    trancheId: string,
    actor: CommandActor,
    options: Options = {},
  ): Promise<CommandOutcome> {
    const released = await this.commands.execute(
      'grantApplication',
      applicationId,
      { type: 'ReleaseTranche', data: { applicationId, trancheId } },
      actor,
      options,
    );
    const state = (await this.application(applicationId, 'ReleaseTranche')).state;
    const tranche = state.agreement?.tranches.find((t) => t.trancheId === trancheId);
    if (!tranche || tranche.releasedAt === null || state.decision?.kind !== 'award') return released;
    const envelopeId = state.decision.envelopeId;
    const paid = await this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      { type: 'RecordDisbursement', data: { envelopeId, applicationId, trancheId, amount: tranche.amount } },
      actor,
      { maxRetries: COMMITMENT_RETRIES },
    );
    return { ...released, events: [...released.events, ...paid.events] };
  }

  private async application(
    applicationId: string,
    command: string,
    expectedRevision?: ExpectedRevision,
  ): Promise<Loaded<GrantApplication>> {
    const loaded = await this.commands.load('grantApplication', applicationId);
    if (!loaded || loaded.state.status === 'none') throw new NotCreated('grantApplication', command);
    // Checked before any money moves: a stale If-Match commits nothing.
    if (expectedRevision !== undefined && !revisionMatches(expectedRevision, loaded.revision))
      throw new WrongExpectedRevision(
        grantApplicationStreamName(applicationId),
        expectedRevision,
        loaded.revision,
      );
    return loaded as Loaded<GrantApplication>;
  }

  private async call(callId: string, command: string): Promise<DraftedCall> {
    const loaded = await this.commands.load('callForProposals', callId);
    if (!loaded || loaded.state.status === 'none') throw new NotCreated('callForProposals', command);
    return loaded.state;
  }

  private async envelope(envelopeId: string, command: string): Promise<Loaded<OpenedEnvelope>> {
    const loaded = await this.commands.load('budgetEnvelope', envelopeId);
    if (!loaded || loaded.state.status === 'none') throw new NotCreated('budgetEnvelope', command);
    return loaded as Loaded<OpenedEnvelope>;
  }

  /** The active commitment for the application: the one just made, or the one a retry finds. */
  private async commitmentOf(
    envelopeId: string,
    applicationId: string,
    recorded: RecordedEvent[],
  ): Promise<FundsCommitted['data']> {
    const made = recorded.find((e) => e.type === 'FundsCommitted');
    if (made) return made.data as FundsCommitted['data'];
    const envelope = await this.envelope(envelopeId, 'CommitFunds');
    // The decider answers a repeated CommitFunds with nothing, even for a released commitment.
    if (envelope.state.commitments[applicationId]?.status !== 'active')
      throw new CommitmentNoLongerActive(applicationId);
    const earlier = [...envelope.events]
      .reverse()
      .find(
        (e) =>
          e.type === 'FundsCommitted' && (e.data as FundsCommitted['data']).applicationId === applicationId,
      );
    return earlier?.data as FundsCommitted['data'];
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof FundingError
    ? error.code
    : error instanceof WrongExpectedRevision
      ? error.code
      : error instanceof Error
        ? error.name
        : 'unknown error';
