import { DeciderSpecification } from '@tadamon/eventsourcing';
import fc from 'fast-check';
import { CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors';
import {
  ReleaseTranche,
  ReviewTrancheReport,
  SignGrantAgreement,
  SubmitTrancheReport,
  TrancheSchedule,
} from './grant-application-commands';
import {
  AgreementAlreadySigned,
  ApplicationFlagged,
  TrancheGated,
  TrancheNotFound,
} from './grant-application-errors';
import { GrantApplicationEvent } from './grant-application-events';
import {
  agreementSigned,
  applicationId,
  associationId,
  command,
  history,
  now,
  officer,
  reportApproved,
  reportSubmitted,
  trancheReleased,
  tranches,
  usd,
} from './grant-application.fixtures';
import { grantApplicationDecider } from './grant-application';

const spec = DeciderSpecification.for(grantApplicationDecider);
const sign = (schedule: TrancheSchedule[] = tranches, agreementId = 'conv-md-2025') =>
  command<SignGrantAgreement>('SignGrantAgreement', {
    agreementId,
    signedOn: '2025-04-09',
    signatories: ['ministry', associationId],
    tranches: schedule,
  });
const release = (trancheId: string) => command<ReleaseTranche>('ReleaseTranche', { trancheId });
const submitReport = (trancheId: string) =>
  command<SubmitTrancheReport>(
    'SubmitTrancheReport',
    { trancheId, reportId: `rep-${trancheId}`, summary: 'Travaux à 40 %.' },
    { actor: associationId },
  );
const review = (trancheId: string, approved: boolean) =>
  command<ReviewTrancheReport>('ReviewTrancheReport', {
    trancheId,
    approved,
    comment: approved ? 'Conforme.' : 'Pièces manquantes.',
  });
const flagged: GrantApplicationEvent = {
  type: 'GrantApplicationFlagged',
  data: { applicationId, associationId, reason: 'suspended', flaggedAt: now, by: officer },
};
const firstPaid = [...history.signed, trancheReleased('t1', usd(10_000_000))];

describe('grant application: agreement and tranches', () => {
  describe('SignGrantAgreement', () => {
    it('records the signed agreement and its schedule of tranches', () => {
      spec.given(history.awarded).when(sign()).then([agreementSigned]);
    });

    it('is idempotent', () => {
      spec.given(history.signed).when(sign()).thenNothingHappened();
    });

    it('is signed once (amendments are not modelled yet)', () => {
      spec.given(history.signed).when(sign(tranches, 'conv-other')).thenThrows(AgreementAlreadySigned);
    });

    it('adds the tranches exactly when their sum passes 2^53, each near the per-amount cap (property)', () => {
      const nearCap = fc.integer({ min: Number.MAX_SAFE_INTEGER - 2 ** 20, max: Number.MAX_SAFE_INTEGER });
      fc.assert(
        fc.property(fc.array(nearCap, { minLength: 2, maxLength: 24 }), (amounts) => {
          const schedule = amounts.map((amount, i) => ({
            trancheId: `t${i + 1}`,
            amount: usd(amount),
            dueOn: '2025-05-01',
          }));
          const exact = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
          const error = spec.given(history.awarded).when(sign(schedule)).thenThrows(ValidationFailed);
          expect(error.issues).toContainEqual({
            field: 'tranches',
            reason: `must add up to the award (25000000 minor units), not ${exact}`,
          });
        }),
        { numRuns: 50 },
      );
    });

    it('splits exactly the award, in its currency, in date order', () => {
      spec
        .given(history.awarded)
        .when(sign([{ trancheId: 't1', amount: usd(24_999_999), dueOn: '2025-05-01' }]))
        .thenThrows(ValidationFailed);
      spec
        .given(history.awarded)
        .when(
          sign([
            { trancheId: 't1', amount: { amountMinor: 25_000_000, currency: 'EUR' }, dueOn: '2025-05-01' },
          ]),
        )
        .thenThrows(CurrencyMismatch);
      const error = spec
        .given(history.awarded)
        .when(sign([tranches[1], tranches[0], tranches[2]]))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['tranches[1].dueOn']);
    });

    it('is refused before an award and while the association is suspended', () => {
      spec.given(history.recommended).when(sign()).thenThrows(InvalidTransition);
      spec
        .given([...history.awarded, flagged])
        .when(sign())
        .thenThrows(ApplicationFlagged);
    });
  });

  describe('ReleaseTranche', () => {
    it('releases the first tranche against the envelope of the award', () => {
      spec
        .given(history.signed)
        .when(release('t1'))
        .then([trancheReleased('t1', usd(10_000_000))]);
    });

    it('is idempotent', () => {
      spec.given(firstPaid).when(release('t1')).thenNothingHappened();
    });

    it('gates the next tranche on the approved report of the previous one', () => {
      spec
        .given(firstPaid)
        .when(release('t2'))
        .thenThrows(TrancheGated, (e) => e.reason === 'report-not-approved');
      spec
        .given([...firstPaid, reportSubmitted('t1')])
        .when(release('t2'))
        .thenThrows(TrancheGated, (e) => e.reason === 'report-not-approved');
      spec
        .given([...firstPaid, reportSubmitted('t1'), reportApproved('t1')])
        .when(release('t2'))
        .then([trancheReleased('t2', usd(10_000_000))]);
    });

    it('releases tranches in order only, scheduled ones only, and not while flagged', () => {
      spec
        .given(history.signed)
        .when(release('t2'))
        .thenThrows(TrancheGated, (e) => e.reason === 'not-next');
      spec.given(history.signed).when(release('t9')).thenThrows(TrancheNotFound);
      spec
        .given([...history.signed, flagged])
        .when(release('t1'))
        .thenThrows(ApplicationFlagged);
      spec.given(history.awarded).when(release('t1')).thenThrows(InvalidTransition);
    });
  });

  describe('SubmitTrancheReport', () => {
    it('records the report on a released tranche', () => {
      spec
        .given(firstPaid)
        .when(submitReport('t1'))
        .then([reportSubmitted('t1')]);
    });

    it('is idempotent', () => {
      spec
        .given([...firstPaid, reportSubmitted('t1')])
        .when(submitReport('t1'))
        .thenNothingHappened();
    });

    it('waits for the tranche to be released; a returned report may be submitted again', () => {
      spec.given(firstPaid).when(submitReport('t2')).thenThrows(InvalidTransition);
      const returned: GrantApplicationEvent = {
        type: 'TrancheReportReturned',
        data: {
          applicationId,
          trancheId: 't1',
          reportId: 'rep-t1',
          comment: 'Pièces manquantes.',
          reviewedAt: now,
          by: officer,
        },
      };
      spec
        .given([...firstPaid, reportSubmitted('t1'), returned])
        .when(submitReport('t1'))
        .then([reportSubmitted('t1')]);
    });
  });

  describe('ReviewTrancheReport', () => {
    it('approves a submitted report', () => {
      spec
        .given([...firstPaid, reportSubmitted('t1')])
        .when(review('t1', true))
        .then([reportApproved('t1')]);
    });

    it('returns a report for completion', () => {
      spec
        .given([...firstPaid, reportSubmitted('t1')])
        .when(review('t1', false))
        .then([
          {
            type: 'TrancheReportReturned',
            data: {
              applicationId,
              trancheId: 't1',
              reportId: 'rep-t1',
              comment: 'Pièces manquantes.',
              reviewedAt: now,
              by: officer,
            },
          },
        ]);
    });

    it('is idempotent', () => {
      spec
        .given([...firstPaid, reportSubmitted('t1'), reportApproved('t1')])
        .when(review('t1', true))
        .thenNothingHappened();
    });

    it('needs a submitted report; an approved one stays approved', () => {
      spec.given(firstPaid).when(review('t1', true)).thenThrows(InvalidTransition);
      spec
        .given([...firstPaid, reportSubmitted('t1'), reportApproved('t1')])
        .when(review('t1', false))
        .thenThrows(InvalidTransition);
    });
  });
});
