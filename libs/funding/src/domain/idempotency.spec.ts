import fc from 'fast-check';
import { Command, CommandMetadata, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { BudgetEnvelopeCommand, budgetEnvelopeDecider } from './budget-envelope/budget-envelope';
import { awardTerms } from './budget-envelope/budget-envelope.fixtures';
import { CallForProposalsCommand, callForProposalsDecider } from './call-for-proposals/call-for-proposals';
import { GrantApplicationCommand } from './grant-application/grant-application-commands';
import { grantApplicationDecider } from './grant-application/grant-application';
import {
  assigned,
  associationId,
  callId,
  callInForce,
  committee,
  declaredNoConflict,
  envelopeId,
  history,
  now,
  pointsOf,
  proposal,
  reportSubmitted,
  sheetOf,
  trancheReleased,
  tranches,
  usd,
  verifiedAssociation,
} from './grant-application/grant-application.fixtures';

const metadata = (actorId = 'officer-1', now = '2025-04-10T09:00:00.000Z'): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles: [] },
  now,
});

/**
 * From each starting history, runs random sequences of commands (failures are skipped, as the store
 * would never append them) and checks that every command that succeeded decides [] when repeated.
 */
const repeatsChangeNothing = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  pool: readonly C[],
  starts: readonly E[][] = [[]],
): void => {
  fc.assert(
    fc.property(
      fc.nat(starts.length - 1),
      fc.array(fc.nat(pool.length - 1), { maxLength: 16 }),
      (start, picks) => {
        let state = foldEvents(decider, starts[start]);
        for (const pick of picks) {
          const command = pool[pick];
          let events: E[];
          try {
            events = decider.decide(command, state);
          } catch {
            continue;
          }
          state = foldEvents(decider, events, state);
          expect(decider.decide(command, state)).toEqual([]);
        }
      },
    ),
    { numRuns: 600 },
  );
};

const make =
  <C extends Command>() =>
  (type: C['type'], data: C['data'], meta = metadata()): C =>
    ({ type, data, metadata: meta }) as C;

describe('repeating a successful command changes nothing', () => {
  it('for budget envelopes', () => {
    const c = make<BudgetEnvelopeCommand>();
    repeatsChangeNothing(budgetEnvelopeDecider, [
      c('OpenBudgetEnvelope', {
        envelopeId,
        programmeId: 'icmd-phase-2',
        name: { fr: 'ICMD' },
        funderId: 'iom',
        amount: usd(1_000),
        period: { start: '2025-01-01', end: '2025-12-31' },
      }),
      c('CommitFunds', { envelopeId, applicationId: 'a1', amount: usd(600), award: awardTerms('award-1') }),
      c('CommitFunds', { envelopeId, applicationId: 'a1', amount: usd(300), award: awardTerms('award-2') }),
      c('CommitFunds', { envelopeId, applicationId: 'a2', amount: usd(400), award: awardTerms('award-3') }),
      c('ReleaseCommitment', { envelopeId, applicationId: 'a1', reason: 'withdrawn' }),
      c('RecordDisbursement', { envelopeId, applicationId: 'a1', trancheId: 't1', amount: usd(100) }),
      c('RecordDisbursement', { envelopeId, applicationId: 'a2', trancheId: 't1', amount: usd(400) }),
      c('RecordDisbursement', { envelopeId, applicationId: 'a2', trancheId: 't1', amount: usd(200) }),
      c('CloseBudgetEnvelope', { envelopeId, reason: 'ended' }),
    ]);
  });

  it('for calls for proposals', () => {
    const c = make<CallForProposalsCommand>();
    const terms = { ...callInForce.terms };
    const later = metadata('officer-1', '2025-06-05T00:00:00.000Z');
    repeatsChangeNothing(callForProposalsDecider, [
      c('DraftCallForProposals', { callId, terms }),
      c('ReviseCallForProposals', {
        callId,
        changes: { awardCriteria: { ...terms.awardCriteria, overallThreshold: 70 } },
      }),
      c('ReviseCallForProposals', { callId, changes: { appealWindowDays: 15, evaluatorsPerProposal: 4 } }),
      c('PublishCallForProposals', { callId }),
      c('ExtendCallDeadline', { callId, deadline: '2025-06-01T00:00:00.000Z' }),
      c('CloseCallForProposals', { callId }, later),
    ]);
  });

  it('for grant applications, from every stage of their life', () => {
    const c = make<GrantApplicationCommand>();
    const applicationId = 'app-md-2025';
    const asEvaluator = (evaluatorId: string) => metadata(evaluatorId);
    const envelope = { envelopeId, remaining: usd(50_000_000) };
    repeatsChangeNothing(
      grantApplicationDecider,
      [
        c('DraftGrantApplication', { applicationId, callId, associationId, proposal }),
        c('ChangeGrantApplication', { applicationId, changes: { amountRequested: usd(20_000_000) } }),
        c('SubmitGrantApplication', { applicationId, association: verifiedAssociation, call: callInForce }),
        c('ScreenEligibility', { applicationId, association: verifiedAssociation }),
        c('ScreenEligibility', {
          applicationId,
          association: { ...verifiedAssociation, status: 'suspended' },
        }),
        c('AssignEvaluator', { applicationId, evaluatorId: 'ev-amina', linksToApplicant: [] }),
        c('AssignEvaluator', { applicationId, evaluatorId: 'ev-omar', linksToApplicant: [] }),
        c('AssignEvaluator', {
          applicationId,
          evaluatorId: 'ev-sara',
          linksToApplicant: ['member of md-0001'],
        }),
        c('RemoveEvaluator', { applicationId, evaluatorId: 'ev-jean', reason: 'unavailable' }),
        c(
          'DeclareConflictOfInterest',
          { applicationId, evaluatorId: 'ev-amina', hasConflict: false, statement: 'none' },
          asEvaluator('ev-amina'),
        ),
        c(
          'DeclareConflictOfInterest',
          { applicationId, evaluatorId: 'ev-omar', hasConflict: false, statement: 'none' },
          asEvaluator('ev-omar'),
        ),
        c(
          'DeclareConflictOfInterest',
          { applicationId, evaluatorId: 'ev-karim', hasConflict: true, statement: 'cousin' },
          asEvaluator('ev-karim'),
        ),
        c('RecordDetectedConflict', {
          applicationId,
          evaluatorId: 'ev-jean',
          links: ['treasurer of md-0001'],
        }),
        c('OpenEvaluationDossier', { applicationId, evaluatorId: 'ev-omar' }, asEvaluator('ev-omar')),
        c(
          'RecordEvaluatorScores',
          { applicationId, evaluatorId: 'ev-omar', scores: sheetOf(70, 70, 70) },
          asEvaluator('ev-omar'),
        ),
        c(
          'RecordEvaluatorScores',
          { applicationId, evaluatorId: 'ev-amina', scores: pointsOf['ev-amina'] },
          asEvaluator('ev-amina'),
        ),
        c('ReachConsensusScore', { applicationId }),
        c('RecordCommitteeRecommendation', {
          applicationId,
          recommended: true,
          rank: 1,
          rationale: 'first',
          committeeMembers: committee,
        }),
        c('RecordCommitteeRecommendation', {
          applicationId,
          recommended: false,
          rank: 4,
          rationale: 'budget',
          committeeMembers: committee,
        }),
        c('AwardGrant', {
          applicationId,
          amount: usd(25_000_000),
          conditions: [],
          rationale: 'good',
          committeeMembers: committee,
          envelope,
        }),
        c('RejectGrantApplication', {
          applicationId,
          reasons: ['budget'],
          committeeMembers: committee,
          envelope,
        }),
        c('LodgeAppeal', { applicationId, grounds: 'unfair' }, asEvaluator(associationId)),
        c('DecideAppeal', {
          applicationId,
          upheld: true,
          rationale: 'fair point',
          committeeMembers: committee,
        }),
        c('DecideAppeal', { applicationId, upheld: false, rationale: 'no', committeeMembers: committee }),
        c('SignGrantAgreement', {
          applicationId,
          agreementId: 'conv-1',
          signedOn: '2025-04-09',
          signatories: ['ministry', associationId],
          tranches,
        }),
        c('ReleaseTranche', { applicationId, trancheId: 't1' }),
        c('ReleaseTranche', { applicationId, trancheId: 't2' }),
        c('SubmitTrancheReport', { applicationId, trancheId: 't1', reportId: 'r1', summary: 'done' }),
        c('ReviewTrancheReport', { applicationId, trancheId: 't1', approved: true, comment: 'ok' }),
        c('ReviewTrancheReport', { applicationId, trancheId: 't1', approved: false, comment: 'missing' }),
        c('WithdrawGrantApplication', { applicationId, reason: 'funded elsewhere' }),
        c('FlagForAssociationSuspension', { applicationId, associationId, reason: 'suspended' }),
        c('ClearSuspensionFlag', { applicationId, associationId }),
      ],
      [
        [],
        history.drafted,
        history.eligible,
        history.underEvaluation,
        history.allScored,
        history.scored,
        history.recommended,
        history.notRecommended,
        history.rejected,
        history.awarded,
        history.signed,
        [...history.eligible, assigned('ev-omar'), declaredNoConflict('ev-omar')],
        [
          ...history.rejected,
          {
            type: 'AppealLodged',
            data: { applicationId, grounds: 'unfair', lodgedAt: now, by: associationId },
          },
        ],
        [...history.signed, trancheReleased('t1', usd(10_000_000)), reportSubmitted('t1')],
      ],
    );
  });
});
