import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { BudgetEnvelopeExceeded } from '../budget-envelope/budget-envelope-errors';
import { CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors';
import {
  AwardGrant,
  DecideAppeal,
  LodgeAppeal,
  RecordCommitteeRecommendation,
  RejectGrantApplication,
} from './grant-application-commands';
import {
  AppealAlreadyLodged,
  AppealWindowClosed,
  ApplicationFlagged,
  AwardExceedsRequest,
  BelowThresholds,
  CommitteeMemberHasConflict,
  OutsideFundedSet,
} from './grant-application-errors';
import { GrantApplicationEvent } from './grant-application-events';
import {
  applicationId,
  associationId,
  awarded,
  command,
  committee,
  consensusReached,
  envelopeId,
  history,
  notRecommended,
  now,
  officer,
  outcome,
  recommended,
  rejected,
  sheetOf,
  terms,
  usd,
} from './grant-application.fixtures';
import { grantApplicationDecider } from './grant-application';
import { GrantApplication } from './grant-application-state';
import { scoreWith } from '../scoring/scoring-rules';

const spec = DeciderSpecification.for(grantApplicationDecider);
const recommend = (
  isRecommended: boolean,
  rank: number | null,
  rationale: string,
  committeeMembers = committee,
) =>
  command<RecordCommitteeRecommendation>('RecordCommitteeRecommendation', {
    recommended: isRecommended,
    rank,
    rationale,
    committeeMembers,
  });
const envelope = { envelopeId, remaining: usd(50_000_000) };
const award = (
  amount = usd(25_000_000),
  remaining = usd(50_000_000),
  committeeMembers = committee,
  ranking: AwardGrant['data']['ranking'] = { rank: 1, fundedSet: true },
  derogation: AwardGrant['data']['derogation'] = null,
) =>
  command<AwardGrant>('AwardGrant', {
    amount,
    conditions: ['Rapport technique et financier à chaque tranche.'],
    rationale: 'Projet pertinent, porteur expérimenté.',
    committeeMembers,
    envelope: { envelopeId, remaining },
    ranking,
    derogation,
  });
const beyondBudget = { rank: 7, fundedSet: false };
const derogation = {
  reason: 'Seul projet de la région Drâa-Tafilalet : équilibre territorial.',
  committeeMembers: ['cm-2', 'cm-1'],
};
const reject = command<RejectGrantApplication>('RejectGrantApplication', {
  reasons: ['Budget épuisé par les projets mieux classés.'],
  committeeMembers: committee,
  envelope,
});
const lodge = (at = now) =>
  command<LodgeAppeal>(
    'LodgeAppeal',
    { grounds: 'Le score de durabilité ignore le comité de gestion.' },
    { actor: associationId, at },
  );
const decideAppeal = (upheld: boolean) =>
  command<DecideAppeal>('DecideAppeal', {
    upheld,
    rationale: 'Réexamen justifié.',
    committeeMembers: committee,
  });
const appealLodged: GrantApplicationEvent = {
  type: 'AppealLodged',
  data: {
    applicationId,
    grounds: 'Le score de durabilité ignore le comité de gestion.',
    lodgedAt: now,
    by: associationId,
  },
};
const appealDecision = {
  applicationId,
  rationale: 'Réexamen justifié.',
  committeeMembers: committee,
  decidedAt: now,
  by: officer,
};
const flagged: GrantApplicationEvent = {
  type: 'GrantApplicationFlagged',
  data: { applicationId, associationId, reason: 'suspended', flaggedAt: now, by: officer },
};
const conflictOf = (evaluatorId: string): GrantApplicationEvent => ({
  type: 'ConflictOfInterestDetected',
  data: { applicationId, evaluatorId, links: ['treasurer of md-0001'], detectedAt: now, by: officer },
});

describe('grant application: decision', () => {
  describe('RecordCommitteeRecommendation', () => {
    it('records the recommendation with the rank, the committee and the consensus', () => {
      spec
        .given(history.scored)
        .when(recommend(true, 1, 'Classée première.'))
        .then([recommended]);
    });

    it('records a recommendation not to fund', () => {
      spec
        .given(history.scored)
        .when(recommend(false, 3, 'Au-delà du budget.'))
        .then([notRecommended]);
    });

    it('is idempotent, and a new ranking may change it before the decision', () => {
      spec
        .given(history.recommended)
        .when(recommend(true, 1, 'Classée première.'))
        .thenNothingHappened();
      spec
        .given(history.notRecommended)
        .when(recommend(true, 2, 'Un projet mieux classé a été retiré.'))
        .then([
          {
            type: 'GrantApplicationRecommended',
            data: {
              applicationId,
              rank: 2,
              rationale: 'Un projet mieux classé a été retiré.',
              committeeMembers: committee,
              consensus: outcome.consensus,
              recommendedAt: now,
              by: officer,
            },
          },
        ]);
    });

    it('never recommends an application below a threshold', () => {
      const low = scoreWith('2025-1', terms.awardCriteria, [
        { evaluatorId: 'ev-amina', scores: sheetOf(40, 90, 90) },
        { evaluatorId: 'ev-jean', scores: sheetOf(45, 90, 90) },
        { evaluatorId: 'ev-karim', scores: sheetOf(45, 90, 90) },
      ]);
      const error = spec
        .given([
          ...history.allScored,
          { ...consensusReached, data: { ...consensusReached.data, outcome: low } } as GrantApplicationEvent,
        ])
        .when(recommend(true, 1, 'x'))
        .thenThrows(BelowThresholds);
      expect(error.failed).toEqual(['relevance']);
    });

    it('keeps anyone with a conflict of interest off the committee', () => {
      spec
        .given([...history.scored, conflictOf('cm-2')])
        .when(recommend(true, 1, 'x'))
        .thenThrows(CommitteeMemberHasConflict);
    });

    it('is idempotent after the decision, which no other recommendation changes', () => {
      spec
        .given(history.awarded)
        .when(recommend(true, 1, 'Classée première.'))
        .thenNothingHappened();
      spec
        .given(history.awarded)
        .when(recommend(false, 1, 'Revu.'))
        .thenThrows(InvalidTransition);
    });

    it('is refused before the consensus', () => {
      spec
        .given(history.allScored)
        .when(recommend(true, 1, 'x'))
        .thenThrows(InvalidTransition);
    });
  });

  describe('AwardGrant', () => {
    it('awards, recording committee, criteria and scoring versions, consensus and the envelope left', () => {
      spec.given(history.recommended).when(award()).then([awarded]);
    });

    it('is idempotent', () => {
      spec.given(history.awarded).when(award()).thenNothingHappened();
    });

    it('rejects an award that exceeds the remaining envelope', () => {
      spec
        .given(history.recommended)
        .when(award(usd(25_000_000), usd(24_999_999)))
        .thenThrows(BudgetEnvelopeExceeded);
    });

    it('never awards more than requested, nor in another currency', () => {
      spec
        .given(history.recommended)
        .when(award(usd(25_000_001)))
        .thenThrows(AwardExceedsRequest);
      spec
        .given(history.recommended)
        .when(award({ amountMinor: 100, currency: 'EUR' }, { amountMinor: 100, currency: 'EUR' }))
        .thenThrows(CurrencyMismatch);
    });

    it('awards recommended applications only, of an association not suspended, by an impartial committee', () => {
      spec.given(history.notRecommended).when(award()).thenThrows(InvalidTransition);
      spec
        .given([...history.recommended, flagged])
        .when(award())
        .thenThrows(ApplicationFlagged);
      spec
        .given([...history.recommended, conflictOf('cm-9')])
        .when(award(usd(25_000_000), usd(50_000_000), ['cm-1', 'cm-9']))
        .thenThrows(CommitteeMemberHasConflict);
    });

    it('lists every bad field', () => {
      const error = spec
        .given(history.recommended)
        .when(
          command<AwardGrant>('AwardGrant', {
            amount: usd(0),
            conditions: [''],
            rationale: '',
            committeeMembers: [],
            envelope: { envelopeId: '', remaining: usd(-1) },
            ranking: { rank: 0, fundedSet: 'yes' as never },
            derogation: { reason: ' ', committeeMembers: [] },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'amount.amountMinor',
        'conditions[0]',
        'rationale',
        'committeeMembers',
        'envelope.envelopeId',
        'envelope.remaining.amountMinor',
        'ranking.rank',
        'ranking.fundedSet',
        'derogation.reason',
        'derogation.committeeMembers',
      ]);
    });

    describe('within the call’s ranking', () => {
      it('refuses an award outside the funded set without a derogation', () => {
        const error = spec
          .given(history.recommended)
          .when(award(usd(25_000_000), usd(50_000_000), committee, beyondBudget))
          .thenThrows(OutsideFundedSet);
        expect(error).toMatchObject({ code: 'OUTSIDE_FUNDED_SET', rank: 7, field: 'derogation' });
        spec
          .given(history.recommended)
          .when(award(usd(25_000_000), usd(50_000_000), committee, { rank: null, fundedSet: false }))
          .thenThrows(OutsideFundedSet);
      });

      it('awards outside the funded set with a derogation, recording the place and the derogation', () => {
        spec
          .given(history.recommended)
          .when(award(usd(25_000_000), usd(50_000_000), committee, beyondBudget, derogation))
          .then([
            {
              ...awarded,
              data: {
                ...(awarded.data as object),
                ranking: beyondBudget,
                derogation: { ...derogation, committeeMembers: ['cm-1', 'cm-2'] },
              },
            } as GrantApplicationEvent,
          ]);
      });

      it('keeps the dossier’s evaluators off the committee and off the derogation, naming where', () => {
        const onCommittee = spec
          .given(history.recommended)
          .when(award(usd(25_000_000), usd(50_000_000), ['cm-1', 'ev-jean']))
          .thenThrows(CommitteeMemberHasConflict);
        expect(onCommittee).toMatchObject({ memberId: 'ev-jean', field: 'committeeMembers[1]' });
        const onDerogation = spec
          .given(history.recommended)
          .when(
            award(usd(25_000_000), usd(50_000_000), committee, beyondBudget, {
              ...derogation,
              committeeMembers: ['cm-1', 'ev-amina'],
            }),
          )
          .thenThrows(CommitteeMemberHasConflict);
        expect(onDerogation).toMatchObject({ field: 'derogation.committeeMembers[1]' });
      });

      it('folds an award recorded before rankings were checked (no ranking, no derogation)', () => {
        const { ranking: _r, derogation: _d, ...before } = awarded.data as Record<string, unknown>;
        const old = { type: 'GrantAwarded', data: before } as unknown as GrantApplicationEvent;
        const state = foldEvents(grantApplicationDecider, [...history.recommended, old]) as GrantApplication;
        expect(state.status).toBe('awarded');
        expect(state.decision).toMatchObject({ kind: 'award', amount: usd(25_000_000) });
        spec
          .given([...history.recommended, old])
          .when(award())
          .thenNothingHappened();
      });
    });
  });

  describe('RejectGrantApplication', () => {
    it('rejects with reasons, the decision record and the end of the appeal window', () => {
      spec.given(history.notRecommended).when(reject).then([rejected]);
    });

    it('is idempotent', () => {
      spec.given(history.rejected).when(reject).thenNothingHappened();
    });

    it('needs at least one reason, and a recommendation first', () => {
      spec
        .given(history.notRecommended)
        .when(
          command<RejectGrantApplication>('RejectGrantApplication', {
            reasons: [],
            committeeMembers: committee,
            envelope,
          }),
        )
        .thenThrows(ValidationFailed);
      spec.given(history.scored).when(reject).thenThrows(InvalidTransition);
    });
  });

  describe('LodgeAppeal', () => {
    it('lodges an appeal within the window', () => {
      spec
        .given(history.rejected)
        .when(lodge('2025-05-10T09:00:00Z'))
        .then([
          {
            ...appealLodged,
            data: { ...appealLodged.data, lodgedAt: '2025-05-10T09:00:00Z' },
          } as GrantApplicationEvent,
        ]);
    });

    it('is idempotent', () => {
      spec
        .given([...history.rejected, appealLodged])
        .when(lodge())
        .thenNothingHappened();
    });

    it('refuses an appeal after the window, a second appeal, and an appeal without a rejection', () => {
      spec.given(history.rejected).when(lodge('2025-05-10T09:00:01Z')).thenThrows(AppealWindowClosed);
      spec
        .given([...history.rejected, appealLodged])
        .when(command<LodgeAppeal>('LodgeAppeal', { grounds: 'other grounds' }))
        .thenThrows(AppealAlreadyLodged);
      spec.given(history.awarded).when(lodge()).thenThrows(InvalidTransition);
    });
  });

  describe('DecideAppeal', () => {
    it('upholds an appeal: the rejection is annulled and the committee decides again', () => {
      spec
        .given([...history.rejected, appealLodged])
        .when(decideAppeal(true))
        .then([{ type: 'AppealUpheld', data: appealDecision }]);
      const state = foldEvents(grantApplicationDecider, [
        ...history.rejected,
        appealLodged,
        { type: 'AppealUpheld', data: appealDecision },
      ]) as GrantApplication;
      expect(state.status).toBe('scored');
      expect(state.decision).toBeNull();
      spec
        .given([
          ...history.rejected,
          appealLodged,
          { type: 'AppealUpheld', data: appealDecision },
          recommended,
        ])
        .when(award())
        .then([awarded]);
    });

    it('dismisses an appeal: the rejection stands', () => {
      spec
        .given([...history.rejected, appealLodged])
        .when(decideAppeal(false))
        .then([{ type: 'AppealDismissed', data: appealDecision }]);
    });

    it('is idempotent', () => {
      spec
        .given([...history.rejected, appealLodged, { type: 'AppealDismissed', data: appealDecision }])
        .when(decideAppeal(false))
        .thenNothingHappened();
    });

    it('needs a pending appeal', () => {
      spec.given(history.rejected).when(decideAppeal(true)).thenThrows(InvalidTransition);
      spec
        .given([...history.rejected, appealLodged, { type: 'AppealDismissed', data: appealDecision }])
        .when(decideAppeal(true))
        .thenThrows(InvalidTransition);
    });
  });
});
