import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { agreementDecider } from './agreement';
import {
  CompleteAgreement,
  ExpireAgreement,
  ResumeAgreement,
  SuspendAgreement,
  TerminateAgreement,
} from './agreement-commands';
import { AgreementNotEnded, AmendmentPending } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { Agreement } from './agreement-state';
import {
  agreementId,
  command,
  drafted,
  extension,
  inForceHistory,
  now,
  officer,
  submitted,
} from './agreement.fixtures';

const spec = DeciderSpecification.for(agreementDecider);
const later = '2026-01-10T09:00:00.000Z';
const afterEnd = '2028-01-02T06:00:00.000Z';
const suspend = command<SuspendAgreement>('SuspendAgreement', { reason: 'Audit financier en cours' });
const suspended: AgreementEvent = {
  type: 'AgreementSuspended',
  data: { agreementId, reason: 'Audit financier en cours', suspendedAt: now, by: officer },
};
const resume = command<ResumeAgreement>('ResumeAgreement', {}, { at: later });
const resumed: AgreementEvent = {
  type: 'AgreementResumed',
  data: { agreementId, resumedAt: later, by: officer },
};
const terminate = (effectiveOn = '2026-03-31', reason = 'Dissolution de l’association') =>
  command<TerminateAgreement>('TerminateAgreement', { reason, effectiveOn });
const terminated: AgreementEvent = {
  type: 'AgreementTerminated',
  data: {
    agreementId,
    reason: 'Dissolution de l’association',
    effectiveOn: '2026-03-31',
    terminatedAt: now,
    by: officer,
  },
};
const expire = (at = afterEnd) =>
  command<ExpireAgreement>('ExpireAgreement', {}, { actor: 'expiry-process', at });
const expired: AgreementEvent = {
  type: 'AgreementExpired',
  data: { agreementId, endDate: '2027-12-31', expiredAt: afterEnd, by: 'expiry-process' },
};
const complete = command<CompleteAgreement>('CompleteAgreement', { note: 'Objectifs atteints' });
const completed: AgreementEvent = {
  type: 'AgreementCompleted',
  data: { agreementId, note: 'Objectifs atteints', completedAt: now, by: officer },
};

describe('partnership agreement: life after entry into force', () => {
  describe('SuspendAgreement', () => {
    it('suspends an agreement in force', () => {
      spec.given(inForceHistory).when(suspend).then([suspended]);
    });
    it('changes nothing when already suspended', () => {
      spec
        .given([...inForceHistory, suspended])
        .when(suspend)
        .thenNothingHappened();
    });
    it('refuses to suspend an agreement not yet in force', () => {
      spec.given([drafted, submitted]).when(suspend).thenThrows(InvalidTransition);
    });
    it('refuses a suspension without a reason', () => {
      const error = spec
        .given(inForceHistory)
        .when(command<SuspendAgreement>('SuspendAgreement', { reason: '' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['reason']);
    });
  });

  describe('ResumeAgreement', () => {
    it('resumes a suspended agreement and closes the suspension period', () => {
      spec
        .given([...inForceHistory, suspended])
        .when(resume)
        .then([resumed]);
      const state = foldEvents(agreementDecider, [...inForceHistory, suspended, resumed]) as Agreement;
      expect(state.suspensions).toEqual([{ reason: 'Audit financier en cours', from: now, to: later }]);
    });
    it('changes nothing when the agreement is in force', () => {
      spec.given(inForceHistory).when(resume).thenNothingHappened();
    });
    it('refuses to resume a terminated agreement', () => {
      spec
        .given([...inForceHistory, terminated])
        .when(resume)
        .thenThrows(InvalidTransition);
    });
  });

  describe('TerminateAgreement', () => {
    it('terminates an agreement in force, from a given date', () => {
      spec.given(inForceHistory).when(terminate()).then([terminated]);
    });
    it('terminates a suspended agreement', () => {
      spec
        .given([...inForceHistory, suspended])
        .when(terminate())
        .then([terminated]);
    });
    it('changes nothing when the same termination is sent again', () => {
      spec
        .given([...inForceHistory, terminated])
        .when(terminate())
        .thenNothingHappened();
    });
    it('refuses another termination of a terminated agreement', () => {
      spec
        .given([...inForceHistory, terminated])
        .when(terminate('2026-06-30'))
        .thenThrows(InvalidTransition);
    });
    it('refuses to terminate a draft', () => {
      spec.given([drafted]).when(terminate()).thenThrows(InvalidTransition);
    });
    it('refuses a termination while an amendment awaits signatures', () => {
      spec
        .given([...inForceHistory, extension])
        .when(terminate())
        .thenThrows(AmendmentPending);
    });
    it('refuses a termination effective before the agreement took effect, and without a reason', () => {
      const error = spec
        .given(inForceHistory)
        .when(command<TerminateAgreement>('TerminateAgreement', { reason: '', effectiveOn: '2025-31-01' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['reason', 'effectiveOn']);
      const early = spec.given(inForceHistory).when(terminate('2025-01-01')).thenThrows(ValidationFailed);
      expect(early.issues.map((i) => i.field)).toEqual(['effectiveOn']);
    });
  });

  describe('ExpireAgreement', () => {
    it('expires an agreement once its end date has passed', () => {
      spec.given(inForceHistory).when(expire()).then([expired]);
    });
    it('changes nothing when already expired', () => {
      spec
        .given([...inForceHistory, expired])
        .when(expire())
        .thenNothingHappened();
    });
    it('refuses to expire an agreement on or before its end date', () => {
      spec
        .given(inForceHistory)
        .when(expire('2027-12-31T23:00:00.000Z'))
        .thenThrows(AgreementNotEnded, (e) => e.endDate === '2027-12-31' && e.today === '2027-12-31');
    });
    it('refuses to expire an agreement while an amendment (an extension) awaits signatures', () => {
      spec
        .given([...inForceHistory, extension])
        .when(expire())
        .thenThrows(AmendmentPending);
    });
    it('refuses to expire a completed agreement', () => {
      spec
        .given([...inForceHistory, completed])
        .when(expire())
        .thenThrows(InvalidTransition);
    });
  });

  describe('CompleteAgreement', () => {
    it('completes an agreement in force', () => {
      spec.given(inForceHistory).when(complete).then([completed]);
    });
    it('completes without a note', () => {
      spec
        .given(inForceHistory)
        .when(command<CompleteAgreement>('CompleteAgreement', {}))
        .then([{ ...completed, data: { ...completed.data, note: null } } as AgreementEvent]);
    });
    it('changes nothing when already completed', () => {
      spec
        .given([...inForceHistory, completed])
        .when(complete)
        .thenNothingHappened();
    });
    it('refuses to complete a suspended agreement', () => {
      spec
        .given([...inForceHistory, suspended])
        .when(complete)
        .thenThrows(InvalidTransition);
    });
    it('refuses to complete while an amendment awaits signatures', () => {
      spec
        .given([...inForceHistory, extension])
        .when(complete)
        .thenThrows(AmendmentPending);
    });
    it('refuses a note that is not a text', () => {
      const error = spec
        .given(inForceHistory)
        .when(command<CompleteAgreement>('CompleteAgreement', { note: 42 as unknown as string }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['note']);
    });
  });
});
