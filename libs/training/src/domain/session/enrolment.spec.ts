import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { sessionDecider } from './session';
import { CancelEnrolment, EnrolmentEligibility, RequestEnrolment } from './session-commands';
import {
  AlreadyEnrolled,
  AssociationNotVerified,
  EnrolmentNotOpen,
  NotAContactOfAssociation,
  NotTheTrainee,
  TraineeNotEnrolled,
} from './session-errors';
import { SessionEvent } from './session-events';
import {
  association,
  closedForEnrolment,
  command,
  confirmed,
  enrolled,
  fullWithTwoWaiting,
  now,
  officer,
  opened,
  openWithTwo,
  requested,
  scheduled,
  sessionId,
  trainee,
  waitlisted,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);
const eligible: EnrolmentEligibility = { associationVerified: true, contactOfAssociation: true };
const request = (traineeId: string, eligibility = eligible, associationId = association) =>
  command<RequestEnrolment>(
    'RequestEnrolment',
    { traineeId, associationId, eligibility },
    { actor: traineeId },
  );
const cancel = (traineeId: string, actor = traineeId, reason?: string) =>
  command<CancelEnrolment>('CancelEnrolment', { traineeId, reason }, { actor });
const cancelled = (
  traineeId: string,
  previousStatus: 'confirmed' | 'waiting',
  by = traineeId,
  reason: string | null = null,
): SessionEvent => ({
  type: 'EnrolmentCancelled',
  data: { sessionId, traineeId, previousStatus, reason, cancelledAt: now, by },
});

describe('training session: enrolment', () => {
  describe('RequestEnrolment', () => {
    it('confirms a seat when one is free', () => {
      spec
        .given([scheduled, opened])
        .when(request(trainee(1)))
        .then(enrolled(trainee(1)));
    });
    it('puts the trainee on the waiting list, with their position, when the session is full', () => {
      spec
        .given(fullWithTwoWaiting)
        .when(request(trainee(5)))
        .then([requested(trainee(5)), waitlisted(trainee(5), 3)]);
    });
    it('changes nothing when a confirmed trainee asks again', () => {
      spec
        .given(openWithTwo)
        .when(request(trainee(1)))
        .thenNothingHappened();
    });
    it('changes nothing when a waiting trainee asks again, even once enrolment closed', () => {
      spec
        .given([...fullWithTwoWaiting, closedForEnrolment])
        .when(request(trainee(3)))
        .thenNothingHappened();
    });
    it('refuses a second enrolment for another association', () => {
      spec
        .given(openWithTwo)
        .when(request(trainee(1), eligible, 'assoc-oriental-0002'))
        .thenThrows(AlreadyEnrolled, (e) => e.associationId === association);
    });
    it('takes again a trainee who cancelled, at the end of the queue', () => {
      spec
        .given([...fullWithTwoWaiting, cancelled(trainee(3), 'waiting')])
        .when(request(trainee(3)))
        .then([requested(trainee(3)), waitlisted(trainee(3), 2)]);
    });
    it('refuses a contact of an association that is not verified', () => {
      spec
        .given([scheduled, opened])
        .when(request(trainee(1), { associationVerified: false, contactOfAssociation: true }))
        .thenThrows(
          AssociationNotVerified,
          (e) => e.associationId === association && e.code === 'ASSOCIATION_NOT_VERIFIED',
        );
    });
    it('refuses a person who is not a contact of the association', () => {
      spec
        .given([scheduled, opened])
        .when(request(trainee(1), { associationVerified: true, contactOfAssociation: false }))
        .thenThrows(NotAContactOfAssociation, (e) => e.kind === 'forbidden');
    });
    it('refuses before enrolment opens', () => {
      spec
        .given([scheduled])
        .when(request(trainee(1)))
        .thenThrows(EnrolmentNotOpen, (e) => e.status === 'scheduled');
    });
    it('refuses once enrolment closed', () => {
      spec
        .given([scheduled, opened, closedForEnrolment])
        .when(request(trainee(1)))
        .thenThrows(EnrolmentNotOpen, (e) => e.status === 'enrolment-closed');
    });
    it('refuses eligibility facts that are not given', () => {
      const error = spec
        .given([scheduled, opened])
        .when(
          command<RequestEnrolment>('RequestEnrolment', {
            traineeId: '',
            associationId: association,
            eligibility: { associationVerified: 'yes' } as unknown as EnrolmentEligibility,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual([
        'traineeId',
        'eligibility.associationVerified',
        'eligibility.contactOfAssociation',
      ]);
    });
  });

  describe('CancelEnrolment', () => {
    it('gives the freed seat to the first waiting, recorded as a promotion', () => {
      spec
        .given(fullWithTwoWaiting)
        .when(cancel(trainee(1)))
        .then([cancelled(trainee(1), 'confirmed'), confirmed(trainee(3), true)]);
    });
    it('frees a seat that nobody waits for', () => {
      spec
        .given(openWithTwo)
        .when(cancel(trainee(2)))
        .then([cancelled(trainee(2), 'confirmed')]);
    });
    it('takes a trainee off the waiting list without promoting anyone', () => {
      spec
        .given(fullWithTwoWaiting)
        .when(cancel(trainee(3)))
        .then([cancelled(trainee(3), 'waiting')]);
    });
    it('lets a training officer cancel for a trainee, with a reason', () => {
      spec
        .given(fullWithTwoWaiting)
        .when(cancel(trainee(2), officer, 'Absent du Maroc en mars'))
        .then([
          cancelled(trainee(2), 'confirmed', officer, 'Absent du Maroc en mars'),
          confirmed(trainee(3), true),
        ]);
    });
    it('promotes even once enrolment closed', () => {
      spec
        .given([...fullWithTwoWaiting, closedForEnrolment])
        .when(cancel(trainee(1)))
        .then([cancelled(trainee(1), 'confirmed'), confirmed(trainee(3), true)]);
    });
    it('changes nothing when cancelled again', () => {
      spec
        .given([...openWithTwo, cancelled(trainee(2), 'confirmed')])
        .when(cancel(trainee(2)))
        .thenNothingHappened();
    });
    it('refuses another trainee acting for them', () => {
      spec
        .given(openWithTwo)
        .when(cancel(trainee(1), trainee(2)))
        .thenThrows(NotTheTrainee, (e) => e.actorId === trainee(2));
    });
    it('lets the association the trainee enrolled for cancel, as its account', () => {
      spec
        .given(openWithTwo)
        .when(
          command<CancelEnrolment>(
            'CancelEnrolment',
            { traineeId: trainee(2), reason: 'Remplacé', forAssociation: association },
            { actor: 'user-assoc', roles: ['association'] },
          ),
        )
        .then([cancelled(trainee(2), 'confirmed', 'user-assoc', 'Remplacé')]);
    });
    it('refuses another association, and an association account naming no association', () => {
      spec
        .given(openWithTwo)
        .when(
          command<CancelEnrolment>(
            'CancelEnrolment',
            { traineeId: trainee(2), forAssociation: 'association-other' },
            { actor: 'user-other', roles: ['association'] },
          ),
        )
        .thenThrows(NotTheTrainee, (e) => e.actorId === 'user-other');
      spec
        .given(openWithTwo)
        .when(
          command<CancelEnrolment>(
            'CancelEnrolment',
            { traineeId: trainee(2) },
            { actor: 'user-assoc', roles: ['association'] },
          ),
        )
        .thenThrows(NotTheTrainee);
    });
    it('refuses a trainee who never enrolled', () => {
      spec
        .given(openWithTwo)
        .when(cancel(trainee(9)))
        .thenThrows(TraineeNotEnrolled);
    });
    it('refuses once the session was cancelled', () => {
      spec
        .given([
          ...openWithTwo,
          { type: 'SessionCancelled', data: { sessionId, reason: 'Annulée', cancelledAt: now, by: officer } },
        ])
        .when(cancel(trainee(1)))
        .thenThrows(InvalidTransition);
    });
  });
});
