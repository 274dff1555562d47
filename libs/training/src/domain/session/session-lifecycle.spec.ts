import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { sessionDecider } from './session';
import {
  CancelSession,
  ChangeSessionCapacity,
  CloseEnrolment,
  MarkSessionHeld,
  OpenEnrolment,
} from './session-commands';
import { CapacityBelowConfirmed, NotATrainer, SessionNotEnded } from './session-errors';
import { SessionEvent } from './session-events';
import {
  afterLastSitting,
  closedForEnrolment,
  command,
  confirmed,
  day3,
  fullWithTwoWaiting,
  now,
  officer,
  opened,
  openWithTwo,
  scheduled,
  sessionId,
  trainee,
  trainer,
  withCapacity,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);
const capacity = (value: number) =>
  command<ChangeSessionCapacity>('ChangeSessionCapacity', { capacity: value });
const open = command<OpenEnrolment>('OpenEnrolment', {});
const closeEnrolment = command<CloseEnrolment>('CloseEnrolment', {});
const cancel = command<CancelSession>('CancelSession', { reason: 'Formateur indisponible' });
const cancelled: SessionEvent = {
  type: 'SessionCancelled',
  data: { sessionId, reason: 'Formateur indisponible', cancelledAt: now, by: officer },
};
const markHeld = (as: { actor?: string; at?: string } = {}) =>
  command<MarkSessionHeld>('MarkSessionHeld', {}, { actor: trainer, at: afterLastSitting, ...as });
const held: SessionEvent = {
  type: 'SessionHeld',
  data: { sessionId, heldAt: afterLastSitting, by: trainer },
};

describe('training session: capacity, enrolment period, cancellation, held', () => {
  describe('ChangeSessionCapacity', () => {
    it('lowers the capacity down to the confirmed count', () => {
      spec
        .given(openWithTwo)
        .when(capacity(2))
        .then([withCapacity(2)]);
    });
    it('refuses a capacity below the confirmed seats', () => {
      spec
        .given(openWithTwo)
        .when(capacity(1))
        .thenThrows(CapacityBelowConfirmed, (e) => e.capacity === 1 && e.confirmed === 2);
    });
    it('raising it promotes the waiting trainees, in order, in the same decision', () => {
      spec
        .given(fullWithTwoWaiting)
        .when(capacity(3))
        .then([withCapacity(3, 2), confirmed(trainee(3), true)]);
      spec
        .given(fullWithTwoWaiting)
        .when(capacity(10))
        .then([withCapacity(10, 2), confirmed(trainee(3), true), confirmed(trainee(4), true)]);
    });
    it('changes nothing when the capacity is the same', () => {
      spec.given(openWithTwo).when(capacity(20)).thenNothingHappened();
    });
    it('refuses a capacity that is not a whole number from 1 to 1000', () => {
      const error = spec.given([scheduled]).when(capacity(2.5)).thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['capacity']);
    });
    it('refuses to change the capacity of a held session', () => {
      spec
        .given([...openWithTwo, held])
        .when(capacity(30))
        .thenThrows(InvalidTransition);
    });
  });

  describe('OpenEnrolment and CloseEnrolment', () => {
    it('opens enrolment on a scheduled session', () => {
      spec.given([scheduled]).when(open).then([opened]);
    });
    it('reopens a closed enrolment', () => {
      spec.given([scheduled, opened, closedForEnrolment]).when(open).then([opened]);
    });
    it('changes nothing when already open', () => {
      spec.given([scheduled, opened]).when(open).thenNothingHappened();
    });
    it('refuses to open enrolment on a cancelled session', () => {
      spec.given([scheduled, cancelled]).when(open).thenThrows(InvalidTransition);
    });
    it('closes enrolment', () => {
      spec.given([scheduled, opened]).when(closeEnrolment).then([closedForEnrolment]);
    });
    it('changes nothing when already closed', () => {
      spec.given([scheduled, opened, closedForEnrolment]).when(closeEnrolment).thenNothingHappened();
    });
    it('refuses to close an enrolment never opened', () => {
      spec
        .given([scheduled])
        .when(closeEnrolment)
        .thenThrows(InvalidTransition, (e) => e.from === 'scheduled');
    });
  });

  describe('CancelSession', () => {
    it('cancels a session with its reason', () => {
      spec.given(openWithTwo).when(cancel).then([cancelled]);
    });
    it('changes nothing when already cancelled', () => {
      spec.given([scheduled, cancelled]).when(cancel).thenNothingHappened();
    });
    it('refuses a cancellation without a reason', () => {
      const error = spec
        .given([scheduled])
        .when(command<CancelSession>('CancelSession', { reason: '' }))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['reason']);
    });
    it('refuses to cancel a session that was held', () => {
      spec
        .given([...openWithTwo, held])
        .when(cancel)
        .thenThrows(InvalidTransition);
    });
  });

  describe('MarkSessionHeld', () => {
    it('marks the session held once the last sitting ended', () => {
      spec.given(openWithTwo).when(markHeld()).then([held]);
    });
    it('changes nothing when already held', () => {
      spec
        .given([...openWithTwo, held])
        .when(markHeld())
        .thenNothingHappened();
    });
    it('refuses before the last sitting ended', () => {
      spec
        .given(openWithTwo)
        .when(markHeld({ at: '2026-03-12T09:59:00.000Z' }))
        .thenThrows(SessionNotEnded, (e) => e.endsAt === day3.endsAt);
    });
    it('refuses an actor who is neither a trainer of the session nor an officer', () => {
      spec
        .given(openWithTwo)
        .when(markHeld({ actor: 'trainer-other' }))
        .thenThrows(NotATrainer);
    });
    it('refuses a session whose enrolment never opened', () => {
      spec.given([scheduled]).when(markHeld()).thenThrows(InvalidTransition);
    });
  });
});
