import { DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import {
  ChangeGrantApplication,
  ClearSuspensionFlag,
  DraftGrantApplication,
  FlagForAssociationSuspension,
  ScreenEligibility,
  SubmitGrantApplication,
  WithdrawGrantApplication,
} from './grant-application-commands';
import { AmountAboveCallBudget } from '../refused-fields';
import { AssociationNotVerified, CallNotOpenForSubmissions } from './grant-application-errors';
import { GrantApplicationEvent } from './grant-application-events';
import {
  applicationId,
  associationId,
  callId,
  callInForce,
  command,
  drafted,
  eligibleChecks,
  envelopeId,
  foundEligible,
  history,
  now,
  officer,
  proposal,
  submitted,
  usd,
  verifiedAssociation,
} from './grant-application.fixtures';
import { grantApplicationDecider } from './grant-application';
import { ProjectProposal } from './project-proposal';

const spec = DeciderSpecification.for(grantApplicationDecider);
const draft = command<DraftGrantApplication>('DraftGrantApplication', { callId, associationId, proposal });
const submit = command<SubmitGrantApplication>('SubmitGrantApplication', {
  association: verifiedAssociation,
  call: callInForce,
});
const screen = command<ScreenEligibility>('ScreenEligibility', { association: verifiedAssociation });
const withdraw = command<WithdrawGrantApplication>('WithdrawGrantApplication', {
  reason: 'project funded elsewhere',
});
const flag = command<FlagForAssociationSuspension>('FlagForAssociationSuspension', {
  associationId,
  reason: 'association suspended by the Registry',
});
const flagged: GrantApplicationEvent = {
  type: 'GrantApplicationFlagged',
  data: {
    applicationId,
    associationId,
    reason: 'association suspended by the Registry',
    flaggedAt: now,
    by: officer,
  },
};
const fieldsOf = (error: ValidationFailed) => error.issues.map((i) => i.field);

describe('grant application: submission', () => {
  describe('DraftGrantApplication', () => {
    it('drafts an application to a call for the association, with its proposal', () => {
      spec.when(draft).then([drafted]);
    });

    it('is idempotent', () => {
      spec.given([drafted]).when(draft).thenNothingHappened();
    });

    it('refuses another draft on the same application', () => {
      spec
        .given([drafted])
        .when(
          command<DraftGrantApplication>('DraftGrantApplication', {
            callId: 'other-call',
            associationId,
            proposal,
          }),
        )
        .thenThrows(AlreadyCreated);
    });

    it('lists every bad field of the proposal', () => {
      const error = spec
        .when(
          command<DraftGrantApplication>('DraftGrantApplication', {
            callId,
            associationId,
            proposal: {
              ...proposal,
              sectors: [],
              region: { scheme: 'iso3166-2:2015', code: 'MA-TAR' },
              amountRequested: usd(1.5),
              documents: [{ documentId: 'd', kind: 'selfie', name: 'x', sha256: 'nope' }],
            } as unknown as ProjectProposal,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'proposal.sectors',
        'proposal.region.code',
        'proposal.amountRequested',
        'proposal.documents[0].sha256',
        'proposal.documents[0].kind',
      ]);
    });

    it('refuses co-financing in another currency than the request', () => {
      const error = spec
        .when(
          command<DraftGrantApplication>('DraftGrantApplication', {
            callId,
            associationId,
            proposal: { ...proposal, coFinancing: { amountMinor: 100, currency: 'EUR' } },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['proposal.coFinancing.currency']);
    });

    it('refuses any other command before the draft, and commands for another application', () => {
      spec.when(submit).thenThrows(NotCreated);
      spec
        .given([drafted])
        .when({ ...submit, data: { ...submit.data, applicationId: 'other' } })
        .thenThrows(ValidationFailed);
    });
  });

  describe('ChangeGrantApplication', () => {
    it('records only the fields that changed', () => {
      spec
        .given([drafted])
        .when(
          command<ChangeGrantApplication>('ChangeGrantApplication', {
            changes: { amountRequested: usd(20_000_000), sectors: ['14030'] },
          }),
        )
        .then([
          {
            type: 'GrantApplicationChanged',
            data: {
              applicationId,
              changes: { amountRequested: usd(20_000_000) },
              changedAt: now,
              by: officer,
            },
          },
        ]);
    });

    it('is idempotent: a change to the same values records nothing', () => {
      spec
        .given([drafted])
        .when(command<ChangeGrantApplication>('ChangeGrantApplication', { changes: { sectors: ['14030'] } }))
        .thenNothingHappened();
    });

    it('refuses changes once submitted, and unknown fields', () => {
      spec
        .given(history.submitted)
        .when(
          command<ChangeGrantApplication>('ChangeGrantApplication', { changes: { amountRequested: usd(1) } }),
        )
        .thenThrows(InvalidTransition);
      const error = spec
        .given([drafted])
        .when(
          command<ChangeGrantApplication>('ChangeGrantApplication', {
            changes: { score: 100 } as unknown as Partial<ProjectProposal>,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['changes.score']);
    });
  });

  describe('SubmitGrantApplication', () => {
    it('submits, copying the terms of the call in force', () => {
      spec.given([drafted]).when(submit).then([submitted]);
    });

    it('is idempotent', () => {
      spec.given(history.submitted).when(submit).thenNothingHappened();
    });

    it('refuses a suspended (or any unverified) association', () => {
      const error = spec
        .given([drafted])
        .when(
          command<SubmitGrantApplication>('SubmitGrantApplication', {
            association: { ...verifiedAssociation, status: 'suspended' },
            call: callInForce,
          }),
        )
        .thenThrows(AssociationNotVerified);
      expect(error.status).toBe('suspended');
    });

    it('refuses a call that is not published, closed, or past its deadline', () => {
      const submitTo = (call: typeof callInForce, at = now) =>
        command<SubmitGrantApplication>(
          'SubmitGrantApplication',
          { association: verifiedAssociation, call },
          { at },
        );
      const reasonOf = (e: CallNotOpenForSubmissions) => e.reason;
      expect(
        reasonOf(
          spec
            .given([drafted])
            .when(submitTo({ ...callInForce, status: 'draft' }))
            .thenThrows(CallNotOpenForSubmissions),
        ),
      ).toBe('not-published');
      expect(
        reasonOf(
          spec
            .given([drafted])
            .when(submitTo({ ...callInForce, status: 'closed' }))
            .thenThrows(CallNotOpenForSubmissions),
        ),
      ).toBe('closed');
      expect(
        reasonOf(
          spec
            .given([drafted])
            .when(submitTo(callInForce, '2025-06-01T00:00:00Z'))
            .thenThrows(CallNotOpenForSubmissions),
        ),
      ).toBe('deadline-passed');
    });

    it('refuses a request for more than the call’s whole budget, naming the field', () => {
      const budget = callInForce.terms.budget;
      const error = spec
        .given([
          {
            ...drafted,
            data: {
              ...(drafted.data as object),
              proposal: {
                ...(drafted.data as { proposal: ProjectProposal }).proposal,
                amountRequested: { ...budget, amountMinor: budget.amountMinor + 1 },
              },
            },
          } as GrantApplicationEvent,
        ])
        .when(submit)
        .thenThrows(AmountAboveCallBudget);
      expect(error).toMatchObject({ code: 'AMOUNT_ABOVE_CALL_BUDGET', field: 'proposal.amountRequested' });
    });

    it('refuses facts about another association or another call', () => {
      const error = spec
        .given([drafted])
        .when(
          command<SubmitGrantApplication>('SubmitGrantApplication', {
            association: { ...verifiedAssociation, associationId: 'alp-atlas' },
            call: callInForce,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['association.associationId']);
      spec
        .given([drafted])
        .when(
          command<SubmitGrantApplication>('SubmitGrantApplication', {
            association: verifiedAssociation,
            call: { ...callInForce, callId: 'other' },
          }),
        )
        .thenThrows(ValidationFailed);
    });
  });

  describe('ScreenEligibility', () => {
    it('finds the application eligible and records every check', () => {
      spec.given(history.submitted).when(screen).then([foundEligible]);
    });

    it('is idempotent', () => {
      spec.given(history.eligible).when(screen).thenNothingHappened();
    });

    it('finds it ineligible with its reasons: suspended since submission, host country not covered', () => {
      spec
        .given(history.submitted)
        .when(
          command<ScreenEligibility>('ScreenEligibility', {
            association: { associationId, status: 'suspended', hostCountries: ['DE'] },
          }),
        )
        .then([
          {
            type: 'GrantApplicationFoundIneligible',
            data: {
              applicationId,
              reasons: ['association-verified', 'host-country'],
              checks: eligibleChecks.map((c) =>
                c.rule === 'association-verified'
                  ? { ...c, passed: false, actual: 'suspended' }
                  : c.rule === 'host-country'
                    ? { ...c, passed: false, actual: ['DE'] }
                    : c,
              ),
              screenedAt: now,
              by: officer,
            },
          },
        ]);
    });

    it('screens submitted applications only', () => {
      spec.given([drafted]).when(screen).thenThrows(InvalidTransition);
    });
  });

  describe('WithdrawGrantApplication', () => {
    it('withdraws an open application', () => {
      spec
        .given(history.submitted)
        .when(withdraw)
        .then([
          {
            type: 'GrantApplicationWithdrawn',
            data: {
              applicationId,
              reason: 'project funded elsewhere',
              previousStatus: 'submitted',
              award: null,
              withdrawnAt: now,
              by: officer,
            },
          },
        ]);
    });

    it('names the award to release when an awarded application is withdrawn', () => {
      spec
        .given(history.awarded)
        .when(withdraw)
        .then([
          {
            type: 'GrantApplicationWithdrawn',
            data: {
              applicationId,
              reason: 'project funded elsewhere',
              previousStatus: 'awarded',
              award: { envelopeId, amount: usd(25_000_000) },
              withdrawnAt: now,
              by: officer,
            },
          },
        ]);
    });

    it('is idempotent', () => {
      spec
        .given([
          ...history.submitted,
          {
            type: 'GrantApplicationWithdrawn',
            data: {
              applicationId,
              reason: 'x',
              previousStatus: 'submitted',
              award: null,
              withdrawnAt: now,
              by: officer,
            },
          },
        ])
        .when(withdraw)
        .thenNothingHappened();
    });

    it('refuses to withdraw a closed application, or without a reason', () => {
      spec.given(history.rejected).when(withdraw).thenThrows(InvalidTransition);
      spec
        .given(history.submitted)
        .when(command<WithdrawGrantApplication>('WithdrawGrantApplication', { reason: '' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('FlagForAssociationSuspension', () => {
    it('flags an open application of a suspended association', () => {
      spec.given(history.underEvaluation).when(flag).then([flagged]);
    });

    it('is idempotent', () => {
      spec
        .given([...history.eligible, flagged])
        .when(flag)
        .thenNothingHappened();
    });

    it('changes nothing on a closed application', () => {
      spec.given(history.rejected).when(flag).thenNothingHappened();
    });

    it('refuses a flag for another association', () => {
      spec
        .given(history.eligible)
        .when(
          command<FlagForAssociationSuspension>('FlagForAssociationSuspension', {
            associationId: 'alp-atlas',
            reason: 'x',
          }),
        )
        .thenThrows(ValidationFailed);
    });
  });

  describe('ClearSuspensionFlag', () => {
    const clear = command<ClearSuspensionFlag>('ClearSuspensionFlag', { associationId });
    it('clears the flag when the association is reinstated', () => {
      spec
        .given([...history.eligible, flagged])
        .when(clear)
        .then([
          {
            type: 'GrantApplicationFlagCleared',
            data: { applicationId, associationId, clearedAt: now, by: officer },
          },
        ]);
    });

    it('is idempotent', () => {
      spec.given(history.eligible).when(clear).thenNothingHappened();
    });
  });
});
