import { Injectable } from '@nestjs/common';
import {
  ExpectedRevision,
  RecordedEvent,
  revisionMatches,
  uuidV5,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { randomUUID } from 'node:crypto';
import {
  AwardTerms,
  CommitmentReleased,
  envelopeBalance,
  FundsCommitted,
  OpenedEnvelope,
} from '../domain/budget-envelope/budget-envelope';
import { CommitmentNoLongerActive } from '../domain/budget-envelope/budget-envelope-errors';
import { DraftedCall } from '../domain/call-for-proposals/call-for-proposals';
import { FundingError, InvalidTransition, NotCreated } from '../domain/errors';
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
import { OneAtATime } from './one-at-a-time';

/** Concurrent awards on one envelope conflict on its stream; each loser re-reads and re-decides. */
export const COMMITMENT_RETRIES = 100;

/** Namespace of the command ids derived from an award's command id (its commitment, its release). */
const AWARD_COMMAND_NAMESPACE = '526ed34c-bab4-4e72-a0ff-e792571849cb';
/** The CommitFunds of an award: a retried award never commits twice. */
export const commitCommandIdOf = (awardCommandId: string): string =>
  uuidV5(`${awardCommandId}:commit-funds`, AWARD_COMMAND_NAMESPACE);

/** Why a commitment was released: the `reason` of `CommitmentReleased`, prefix first. */
export const RELEASE_REASONS = {
  /** The award was refused (or its append failed) after its funds were committed. */
  awardNotRecorded: (code: string) => `award not recorded: ${code}`,
  /** The award process found the decided award could no longer be recorded. */
  awardNotCompleted: (code: string) => `award not completed: ${code}`,
  /** A commitment of before awards were recorded with commitments, never followed by its award. */
  noAwardRecorded: 'award not completed: no award decision recorded with the commitment',
  withdrawn: (reason: string) => `application withdrawn: ${reason}`,
  rejected: 'application rejected',
  appealUpheld: 'appeal upheld: the rejection is annulled, the committee decides again',
  appealDismissed: 'appeal dismissed: the rejection stands',
} as const;

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

export interface AppealDecisionInput {
  upheld: boolean;
  rationale: string;
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

/** What the award process did with one active commitment. */
export type Settlement = 'matched' | 'completed' | 'released' | 'gone';

type Options = Pick<ExecuteOptions, 'expectedRevision' | 'now' | 'commandId'>;

/**
 * The decisions that touch money, as processes over two streams. An award commits the funds on
 * the envelope's stream first (the stream that owns "never over-committed", with optimistic
 * concurrency and retries) together with the award's terms, then records the award with what the
 * envelope had left before it; if the award is refused, the commitment is released (a
 * compensating event, never a deletion). A crash between the two appends is finished by the
 * award process (`settle`), from the terms the commitment carries: nothing is left half done.
 * Within this process each application's decisions take turns.
 */
@Injectable()
export class GrantDecisions {
  private readonly turns = new OneAtATime();

  constructor(
    private readonly commands: FundingCommands,
    private readonly ranking: CallRanking,
  ) {}

  award(
    applicationId: string,
    input: AwardInput,
    actor: CommandActor,
    options: Options = {},
  ): Promise<DecisionOutcome> {
    return this.turns.run(applicationId, () => this.awardInTurn(applicationId, input, actor, options));
  }

  private async awardInTurn(
    applicationId: string,
    input: AwardInput,
    actor: CommandActor,
    options: Options,
  ): Promise<DecisionOutcome> {
    const application = await this.application(applicationId, 'AwardGrant', options.expectedRevision);
    const call = await this.call(application.state.callId, 'AwardGrant');
    const envelopeId = call.terms.envelopeId;
    const amount = input.amount ?? application.state.proposal.amountRequested;
    const now = options.now ?? new Date().toISOString();
    const commandId = options.commandId ?? randomUUID();

    // The award's place in the ranking counts exactly the commitments made before its own: it is
    // computed on the envelope as read, and the commitment is appended at that revision only (a
    // concurrent commitment sends the award round again), so replay finds the same place.
    let commitment: DetailedOutcome | undefined;
    let terms: AwardTerms | undefined;
    for (let attempt = 0; commitment === undefined; attempt++) {
      const envelope = await this.envelope(envelopeId, 'AwardGrant');
      terms = {
        commandId,
        conditions: input.conditions,
        rationale: input.rationale,
        committeeMembers: input.committeeMembers,
        decidedAt: now,
        by: actor.id,
        ranking: await this.ranking.placeOf(application.state, amount, envelope.state),
        derogation: input.derogation
          ? { reason: input.derogation.reason, committeeMembers: [...input.derogation.committeeMembers] }
          : null,
      };

      // Decided first on the state as read, so that a refusal (status, thresholds, committee,
      // flag, ranking) commits nothing; only a race between this check and the award needs compensating.
      const existing = envelope.state.commitments[applicationId];
      const available = envelopeBalance(envelope.state).remaining;
      const provisional = {
        ...available,
        amountMinor: available.amountMinor + (existing?.status === 'active' ? existing.committedMinor : 0),
      };
      const decided = grantApplicationDecider.decide(
        {
          ...awardCommand(applicationId, amount, terms, { envelopeId, remaining: provisional }),
          metadata: { commandId: 'dry-run', actor: { ...actor, roles: [...actor.roles] }, now },
        },
        application.state,
      );
      // The same award already recorded: nothing to commit (and nothing at all once withdrawn).
      if (decided.length === 0) {
        if (application.state.status !== 'awarded')
          throw new InvalidTransition('grantApplication', application.state.status, 'AwardGrant');
        const made = lastCommitmentOf(envelope.events, applicationId)?.data;
        return {
          revision: application.revision,
          position: null,
          events: [],
          envelope: {
            envelopeId,
            remainingBefore: made?.remainingBefore ?? available,
            remainingAfter: made?.remainingAfter ?? available,
          },
        };
      }
      try {
        commitment = await this.commands.execute(
          'budgetEnvelope',
          envelopeId,
          { type: 'CommitFunds', data: { envelopeId, applicationId, amount, award: terms } },
          actor,
          { now, commandId: commitCommandIdOf(commandId), expectedRevision: envelope.revision },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= COMMITMENT_RETRIES) throw error;
      }
    }
    const committed = await this.commitmentOf(envelopeId, applicationId, commitment.recorded);
    let awarded: DetailedOutcome;
    try {
      // An active commitment found here may be an earlier decision's: that decision is recorded.
      awarded = committed.data.award
        ? await this.recordAward(committed, options.expectedRevision)
        : await this.commands.execute(
            'grantApplication',
            applicationId,
            awardCommand(applicationId, amount, terms as AwardTerms, {
              envelopeId,
              remaining: committed.data.remainingBefore,
            }),
            actor,
            { now, commandId, expectedRevision: options.expectedRevision },
          );
    } catch (error) {
      // Released whatever failed: the caller may award again, and nothing stays blocked.
      await this.releaseActive(
        envelopeId,
        applicationId,
        RELEASE_REASONS.awardNotRecorded(reasonOf(error)),
        actor,
      ).catch(() => undefined);
      throw error;
    }
    return {
      revision: awarded.revision,
      position: awarded.position ?? commitment.position,
      events: [...commitment.events, ...awarded.events],
      envelope: {
        envelopeId,
        remainingBefore: committed.data.remainingBefore,
        remainingAfter: committed.data.remainingAfter,
      },
    };
  }

  /**
   * The award process's step for one commitment, in the application's turn: an award decided and
   * committed but not recorded is recorded from the commitment's terms (same command id, time and
   * actor: the event a crashed award would have appended, so two instances doing it at once append
   * it once); a commitment whose award cannot be recorded is released, with the reason.
   */
  settle(envelopeId: string, applicationId: string, actor: CommandActor): Promise<Settlement> {
    return this.turns.run(applicationId, async () => {
      const envelope = await this.envelope(envelopeId, 'ReleaseCommitment');
      const commitment = envelope.state.commitments[applicationId];
      if (commitment?.status !== 'active') return 'gone';
      const loaded = await this.commands.load('grantApplication', applicationId);
      const state = loaded && loaded.state.status !== 'none' ? loaded.state : undefined;
      if (state && holdsAward(state, envelopeId, commitment.committedMinor)) return 'matched';
      const outcome = await this.completion(envelope, applicationId, state, loaded?.events ?? []);
      if (outcome === 'completed' || outcome === 'matched') return outcome;
      await this.releaseActive(envelopeId, applicationId, outcome.release, actor);
      return 'released';
    });
  }

  /** Records the committed award if it still can be; else says why the commitment is released. */
  private async completion(
    envelope: Loaded<OpenedEnvelope>,
    applicationId: string,
    state: GrantApplication | undefined,
    applicationEvents: RecordedEvent[],
  ): Promise<'completed' | 'matched' | { release: string }> {
    const release = (reason: string) => ({ release: reason });
    if (!state) return release(RELEASE_REASONS.awardNotCompleted('NOT_CREATED'));
    if (state.status === 'withdrawn') {
      const withdrawal = [...applicationEvents].reverse().find((e) => e.type === 'GrantApplicationWithdrawn');
      return release(
        RELEASE_REASONS.withdrawn(String((withdrawal?.data as { reason?: string })?.reason ?? '')),
      );
    }
    if (state.status === 'rejected') return release(RELEASE_REASONS.rejected);
    const committed = lastCommitmentOf(envelope.events, applicationId);
    if (!committed?.data.award) return release(RELEASE_REASONS.noAwardRecorded);
    let recorded: DetailedOutcome;
    try {
      recorded = await this.recordAward(committed);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return release(RELEASE_REASONS.awardNotCompleted(reasonOf(error)));
    }
    const after = await this.application(applicationId, 'AwardGrant');
    if (holdsAward(after.state, envelope.state.envelopeId, committed.data.amount.amountMinor))
      // Nothing appended: another instance recorded it a moment ago.
      return recorded.events.length > 0 ? 'completed' : 'matched';
    return release(RELEASE_REASONS.awardNotCompleted(`application ${after.state.status}`));
  }

  /** Records the award a commitment carries, as its decision was taken. */
  private recordAward(
    committed: RecordedEvent<FundsCommitted['type'], FundsCommitted['data']>,
    expectedRevision?: ExpectedRevision,
  ): Promise<DetailedOutcome> {
    const { applicationId, envelopeId, amount, remainingBefore } = committed.data;
    const terms = committed.data.award as AwardTerms;
    return this.commands.execute(
      'grantApplication',
      applicationId,
      awardCommand(applicationId, amount, terms, { envelopeId, remaining: remainingBefore }),
      { id: terms.by, roles: committed.metadata.actor.roles },
      { now: terms.decidedAt, commandId: terms.commandId, expectedRevision },
    );
  }

  /** Gives back the application's active commitment on the envelope, if it holds one. */
  private async releaseActive(
    envelopeId: string,
    applicationId: string,
    reason: string,
    actor: CommandActor,
  ): Promise<DetailedOutcome | undefined> {
    const envelope = await this.commands.load('budgetEnvelope', envelopeId);
    if (!envelope || envelope.state.status === 'none') return undefined;
    if (envelope.state.commitments[applicationId]?.status !== 'active') return undefined;
    const committed = lastCommitmentOf(envelope.events, applicationId);
    return this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      { type: 'ReleaseCommitment', data: { envelopeId, applicationId, reason } },
      actor,
      {
        maxRetries: COMMITMENT_RETRIES,
        // One release per commitment, whoever repeats it.
        ...(committed ? { commandId: uuidV5(`${committed.id}:release`, AWARD_COMMAND_NAMESPACE) } : {}),
      },
    );
  }

  /**
   * A rejection records the envelope as it stands; a commitment the application still holds (an
   * award interrupted before it was recorded) is released: a rejected application holds no money.
   */
  reject(
    applicationId: string,
    input: RejectionInput,
    actor: CommandActor,
    options: Options = {},
  ): Promise<DecisionOutcome> {
    return this.turns.run(applicationId, async () => {
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
      const released = await this.releaseActive(envelopeId, applicationId, RELEASE_REASONS.rejected, actor);
      return {
        revision: outcome.revision,
        position: outcome.position ?? released?.position ?? null,
        events: [...outcome.events, ...(released?.events ?? [])],
        envelope: {
          envelopeId,
          remainingBefore: remaining,
          remainingAfter: envelopeAfter(released, remaining),
        },
      };
    });
  }

  /**
   * A withdrawal; the application's commitment gives back to the envelope what it has not paid
   * yet (an award's, or one an interrupted award left).
   */
  withdraw(
    applicationId: string,
    reason: string,
    actor: CommandActor,
    options: Options = {},
  ): Promise<CommandOutcome> {
    return this.turns.run(applicationId, async () => {
      const withdrawn = await this.commands.execute(
        'grantApplication',
        applicationId,
        { type: 'WithdrawGrantApplication', data: { applicationId, reason } },
        actor,
        options,
      );
      const state = (await this.application(applicationId, 'WithdrawGrantApplication')).state;
      // Also after a repeated withdrawal: the release may be what a crash left undone.
      if (state.status !== 'withdrawn') return withdrawn;
      const envelopeId =
        state.decision?.kind === 'award'
          ? state.decision.envelopeId
          : (await this.call(state.callId, 'WithdrawGrantApplication')).terms.envelopeId;
      const released = await this.releaseActive(
        envelopeId,
        applicationId,
        RELEASE_REASONS.withdrawn(reason),
        actor,
      );
      return { ...withdrawn, events: [...withdrawn.events, ...(released?.events ?? [])] };
    });
  }

  /**
   * Decides a pending appeal. Either way the application holds no money afterwards: upheld, the
   * rejection is annulled and the committee decides again (a new award commits afresh);
   * dismissed, the rejection stands. A commitment still active (a crash between a rejection and
   * its release) is released.
   */
  decideAppeal(
    applicationId: string,
    input: AppealDecisionInput,
    actor: CommandActor,
    options: Options = {},
  ): Promise<CommandOutcome> {
    return this.turns.run(applicationId, async () => {
      const application = await this.application(applicationId, 'DecideAppeal', options.expectedRevision);
      const decided = await this.commands.execute(
        'grantApplication',
        applicationId,
        { type: 'DecideAppeal', data: { applicationId, ...input } },
        actor,
        options,
      );
      const call = await this.call(application.state.callId, 'DecideAppeal');
      const released = await this.releaseActive(
        call.terms.envelopeId,
        applicationId,
        input.upheld ? RELEASE_REASONS.appealUpheld : RELEASE_REASONS.appealDismissed,
        actor,
      );
      return { ...decided, events: [...decided.events, ...(released?.events ?? [])] };
    });
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

  /** The application's active commitment: the one just made, or the one a repeated award finds. */
  private async commitmentOf(
    envelopeId: string,
    applicationId: string,
    recorded: RecordedEvent[],
  ): Promise<CommittedEvent> {
    const made = recorded.find((e) => e.type === 'FundsCommitted');
    if (made) return made as CommittedEvent;
    const envelope = await this.envelope(envelopeId, 'CommitFunds');
    // A repeated CommitFunds of a decision whose commitment was released changes nothing.
    const earlier = lastCommitmentOf(envelope.events, applicationId);
    if (!earlier || envelope.state.commitments[applicationId]?.status !== 'active')
      throw new CommitmentNoLongerActive(applicationId);
    return earlier;
  }
}

type CommittedEvent = RecordedEvent<FundsCommitted['type'], FundsCommitted['data']>;

const awardCommand = (
  applicationId: string,
  amount: Money,
  terms: AwardTerms,
  envelope: EnvelopeAtDecision,
): Pick<AwardGrant, 'type' | 'data'> => ({
  type: 'AwardGrant',
  data: {
    applicationId,
    amount,
    conditions: terms.conditions,
    rationale: terms.rationale,
    committeeMembers: terms.committeeMembers,
    envelope,
    ranking: terms.ranking,
    derogation: terms.derogation,
  },
});

/** The application is awarded, on this envelope, the amount committed. */
const holdsAward = (state: GrantApplication, envelopeId: string, committedMinor: number): boolean =>
  state.status === 'awarded' &&
  state.decision?.kind === 'award' &&
  state.decision.envelopeId === envelopeId &&
  state.decision.amount.amountMinor === committedMinor;

/** The application's latest FundsCommitted in the envelope's events. */
const lastCommitmentOf = (events: RecordedEvent[], applicationId: string): CommittedEvent | undefined =>
  [...events]
    .reverse()
    .find(
      (e): e is CommittedEvent =>
        e.type === 'FundsCommitted' && (e.data as FundsCommitted['data']).applicationId === applicationId,
    );

const envelopeAfter = (released: DetailedOutcome | undefined, before: Money): Money => {
  const event = released?.recorded.find((e) => e.type === 'CommitmentReleased');
  return event ? (event.data as CommitmentReleased['data']).remainingAfter : before;
};

/** A refusal of the domain or of the stream's revision: final for this decision. */
const isRefusal = (error: unknown): boolean =>
  error instanceof FundingError || error instanceof WrongExpectedRevision;

const reasonOf = (error: unknown): string =>
  error instanceof FundingError
    ? error.code
    : error instanceof WrongExpectedRevision
      ? error.code
      : error instanceof Error
        ? error.name
        : 'unknown error';
