import { CommitmentNoLongerActive } from '../domain/budget-envelope/budget-envelope-errors';
import { BudgetEnvelopeExceeded } from '../domain/budget-envelope/budget-envelope-errors';
import { InvalidTransition } from '../domain/errors';
import { ApplicationFlagged } from '../domain/grant-application/grant-application-errors';
import { FundingCommands } from './funding-commands';
import { GrantDecisions } from './grant-decisions';
import { COMMITTEE, FundingHarness, OFFICER, usd } from './testing/funding-harness';

/** The place an award recorded with its commitment inside the call's funded set. */
const INSIDE_FUNDED_SET = { ranking: { rank: 1, fundedSet: true }, derogation: null };

const award = {
  conditions: ['Rapport semestriel'],
  rationale: 'Dans le budget.',
  committeeMembers: [COMMITTEE.id],
};

describe('GrantDecisions (on a SQLite log in memory)', () => {
  let funding: FundingHarness;
  beforeEach(() => {
    funding = new FundingHarness();
    funding.verified('assoc-md');
    funding.verified('assoc-figuig');
  });
  afterEach(() => funding.close());

  const envelope = async (envelopeId: string) => {
    const loaded = await funding.commands.load('budgetEnvelope', envelopeId);
    if (!loaded || loaded.state.status === 'none') throw new Error('no envelope');
    return loaded;
  };

  it('commits on the envelope first, then records the award with what the envelope had left before it', async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    const outcome = await funding.decisions.award(applicationId, award, COMMITTEE);
    expect(outcome.events).toEqual(['FundsCommitted', 'GrantAwarded']);
    expect(outcome.envelope).toEqual({
      envelopeId,
      remainingBefore: usd(500_000),
      remainingAfter: usd(250_000),
    });
    const events = (await funding.commands.load('grantApplication', applicationId))?.events ?? [];
    expect(events.at(-1)?.data).toMatchObject({ envelopeRemaining: usd(500_000), amount: usd(250_000) });
  });

  it('refuses an award beyond the envelope without committing anything', async () => {
    const { envelopeId, callId } = await funding.publishedCall(usd(300_000));
    const first = await funding.recommended(callId, 'assoc-md');
    const second = await funding.recommended(callId, 'assoc-figuig');
    await funding.decisions.award(first, award, COMMITTEE);
    await expect(funding.decisions.award(second, award, COMMITTEE)).rejects.toBeInstanceOf(
      BudgetEnvelopeExceeded,
    );
    const { state, revision } = await envelope(envelopeId);
    expect(revision).toBe(1);
    expect(Object.keys(state.status === 'none' ? {} : state.commitments)).toEqual([first]);
  });

  it('releases the commitment when the award is refused after the funds were committed', async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    // The registry suspends the association between the commitment and the award.
    const racing = Object.create(funding.commands) as FundingCommands;
    racing.execute = (async (aggregate, id, command, actor, options) => {
      if (command.type === 'AwardGrant')
        await funding.commands.execute(
          'grantApplication',
          applicationId,
          {
            type: 'FlagForAssociationSuspension',
            data: { applicationId, associationId: 'assoc-md', reason: 'suspendue' },
          },
          { id: 'system', roles: [] },
        );
      return funding.commands.execute(aggregate, id, command as never, actor, options);
    }) as FundingCommands['execute'];
    const decisions = new GrantDecisions(racing, funding.ranking);
    await expect(decisions.award(applicationId, award, COMMITTEE)).rejects.toBeInstanceOf(ApplicationFlagged);
    const { state, events } = await envelope(envelopeId);
    expect(events.map((e) => e.type)).toEqual([
      'BudgetEnvelopeOpened',
      'FundsCommitted',
      'CommitmentReleased',
    ]);
    expect(events[2].data).toMatchObject({
      reason: 'award not recorded: APPLICATION_FLAGGED',
      remainingAfter: usd(500_000),
    });
    expect(state.status !== 'none' && state.committedMinor).toBe(0);
    // A failure after a commitment never makes a later award impossible (issue 12, item 9).
    await funding.commands.execute(
      'grantApplication',
      applicationId,
      { type: 'ClearSuspensionFlag', data: { applicationId, associationId: 'assoc-md' } },
      { id: 'system', roles: [] },
    );
    const again = await funding.decisions.award(applicationId, award, COMMITTEE);
    expect(again.events).toEqual(['FundsCommitted', 'GrantAwarded']);
    expect(again.envelope).toEqual({
      envelopeId,
      remainingBefore: usd(500_000),
      remainingAfter: usd(250_000),
    });
    const after = await envelope(envelopeId);
    expect(after.events.map((e) => e.type)).toEqual([
      'BudgetEnvelopeOpened',
      'FundsCommitted',
      'CommitmentReleased',
      'FundsCommitted',
    ]);
    expect(after.state.status !== 'none' && after.state.committedMinor).toBe(25_000_000);
  });

  it('answers COMMITMENT_RELEASED to a repeat of the very decision whose commitment was released', async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    const terms = { ...award, commandId: 'award-cmd-1' };
    await funding.commands.execute(
      'budgetEnvelope',
      envelopeId,
      {
        type: 'CommitFunds',
        data: {
          envelopeId,
          applicationId,
          amount: usd(250_000),
          award: { ...terms, ...INSIDE_FUNDED_SET, decidedAt: '2025-07-01T10:00:00.000Z', by: COMMITTEE.id },
        },
      },
      COMMITTEE,
    );
    await funding.commands.execute(
      'budgetEnvelope',
      envelopeId,
      { type: 'ReleaseCommitment', data: { envelopeId, applicationId, reason: 'award not recorded: TEST' } },
      COMMITTEE,
    );
    await expect(
      funding.decisions.award(applicationId, award, COMMITTEE, { commandId: 'award-cmd-1' }),
    ).rejects.toBeInstanceOf(CommitmentNoLongerActive);
    // Another decision commits afresh.
    const outcome = await funding.decisions.award(applicationId, award, COMMITTEE);
    expect(outcome.events).toEqual(['FundsCommitted', 'GrantAwarded']);
  });

  it('completes an award whose funds an earlier attempt committed, with its terms and the remaining amount of then', async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    const decidedAt = '2025-07-01T10:00:00.000Z';
    await funding.commands.execute(
      'budgetEnvelope',
      envelopeId,
      {
        type: 'CommitFunds',
        data: {
          envelopeId,
          applicationId,
          amount: usd(250_000),
          award: {
            ...award,
            rationale: 'Décision de la séance.',
            commandId: 'award-1',
            decidedAt,
            by: COMMITTEE.id,
            ...INSIDE_FUNDED_SET,
          },
        },
      },
      COMMITTEE,
    );
    const other = await funding.recommended(callId, 'assoc-figuig');
    await funding.decisions.award(other, award, COMMITTEE);
    const outcome = await funding.decisions.award(applicationId, award, COMMITTEE);
    expect(outcome.events).toEqual(['GrantAwarded']);
    expect(outcome.envelope.remainingBefore).toEqual(usd(500_000));
    // The award recorded is the decision the commitment carries, with its command id and time.
    const awarded = (await funding.commands.load('grantApplication', applicationId))?.events.at(-1);
    expect(awarded?.data).toMatchObject({ rationale: 'Décision de la séance.', decidedAt });
    expect(awarded?.metadata.commandId).toBe('award-1');
    const again = await funding.decisions.award(applicationId, award, COMMITTEE);
    expect(again.events).toEqual([]);
  });

  it('commits nothing for an award request on an award that was withdrawn', async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    await funding.decisions.award(applicationId, award, COMMITTEE);
    await funding.decisions.withdraw(applicationId, 'Projet abandonné', {
      id: 'user-md',
      roles: ['association'],
    });
    await expect(funding.decisions.award(applicationId, award, COMMITTEE)).rejects.toBeInstanceOf(
      InvalidTransition,
    );
    const { state, events } = await envelope(envelopeId);
    expect(events.map((e) => e.type)).toEqual([
      'BudgetEnvelopeOpened',
      'FundsCommitted',
      'CommitmentReleased',
    ]);
    expect(state.status !== 'none' && state.committedMinor).toBe(0);
  });

  it('releases a withdrawn award and pays tranches on the envelope, completing what a crash left undone', async () => {
    const { envelopeId, callId } = await funding.publishedCall();
    const applicationId = await funding.recommended(callId, 'assoc-md');
    await funding.decisions.award(applicationId, award, COMMITTEE);
    await funding.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'SignGrantAgreement',
        data: {
          applicationId,
          agreementId: 'agr-1',
          signedOn: new Date().toISOString().slice(0, 10),
          signatories: ['a', 'b'],
          tranches: [
            { trancheId: 't1', amount: usd(100_000), dueOn: '2025-01-01' },
            { trancheId: 't2', amount: usd(150_000), dueOn: '2026-01-01' },
          ],
        },
      },
      OFFICER,
    );
    // The tranche was released on the application, then the process stopped before the payment.
    await funding.commands.execute(
      'grantApplication',
      applicationId,
      { type: 'ReleaseTranche', data: { applicationId, trancheId: 't1' } },
      OFFICER,
    );
    const completed = await funding.decisions.releaseTranche(applicationId, 't1', OFFICER);
    expect(completed.events).toEqual(['DisbursementRecorded']);
    expect((await funding.decisions.releaseTranche(applicationId, 't1', OFFICER)).events).toEqual([]);
    const withdrawn = await funding.decisions.withdraw(applicationId, 'Projet abandonné', {
      id: 'user-md',
      roles: ['association'],
    });
    expect(withdrawn.events).toEqual(['GrantApplicationWithdrawn', 'CommitmentReleased']);
    const { state } = await envelope(envelopeId);
    expect(state.status !== 'none' && [state.committedMinor, state.disbursedMinor]).toEqual([
      10_000_000, 10_000_000,
    ]);
  });
});
