import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { CheckInRefusal, CheckInRefused } from './check-in-refusals';
import { sessionDecider } from './session';
import { CheckIn, CheckInCode } from './session-commands';
import { NotTheTrainee, UnknownSitting } from './session-errors';
import { SessionEvent } from './session-events';
import {
  command,
  day1,
  fullWithTwoWaiting,
  marked,
  openWithTwo,
  scheduled,
  sessionId,
  trainee,
  trainer,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);
// The code shown in the room for day 1, valid from 30 minutes before the start to the end.
const code: CheckInCode = {
  sessionId,
  sittingId: 'day-1',
  validFrom: '2026-03-10T07:30:00.000Z',
  validUntil: '2026-03-10T12:00:00.000Z',
};
const checkIn = (
  at: string,
  { traineeId = trainee(1), actor = traineeId, sittingId = 'day-1', with: given = code } = {} as {
    traineeId?: string;
    actor?: string;
    sittingId?: string;
    with?: CheckInCode;
  },
) => command<CheckIn>('CheckIn', { sittingId, traineeId, code: given }, { actor, at });
const checkedIn = (
  status: 'present' | 'late',
  at: string,
  traineeId = trainee(1),
  by = traineeId,
): SessionEvent => marked('day-1', traineeId, status, 'self-check-in', { at, by });
const refusedWith = (reason: CheckInRefusal) => (e: CheckInRefused) =>
  e.code === reason && e.window.opensAt === '2026-03-10T07:30:00.000Z' && e.window.closesAt === day1.endsAt;

describe('training session: self check-in with a verified code', () => {
  it('accepts a check-in 30 minutes before the start, as present', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T07:30:00.000Z'))
      .then([checkedIn('present', '2026-03-10T07:30:00.000Z')]);
  });
  it('counts as present up to 10 minutes after the start', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:10:00.000Z'))
      .then([checkedIn('present', '2026-03-10T08:10:00.000Z')]);
  });
  it('marks late after the 10 minutes of grace', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:10:01.000Z'))
      .then([checkedIn('late', '2026-03-10T08:10:01.000Z')]);
  });
  it('accepts up to the end of the sitting', () => {
    spec
      .given(openWithTwo)
      .when(checkIn(day1.endsAt))
      .then([checkedIn('late', day1.endsAt)]);
  });
  it('lets a trainer check a trainee in with the code', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:00:00.000Z', { actor: trainer }))
      .then([checkedIn('present', '2026-03-10T08:00:00.000Z', trainee(1), trainer)]);
  });
  it('answers CHECK_IN_TOO_EARLY before the window opens', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T07:29:59.000Z'))
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_TOO_EARLY'));
  });
  it('answers CHECK_IN_TOO_EARLY before the code becomes valid', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T07:45:00.000Z', { with: { ...code, validFrom: '2026-03-10T07:50:00.000Z' } }))
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_TOO_EARLY'));
  });
  it('answers CHECK_IN_TOO_LATE after the sitting ended', () => {
    spec
      .given(openWithTwo)
      .when(
        checkIn('2026-03-10T12:00:01.000Z', { with: { ...code, validUntil: '2026-03-10T13:00:00.000Z' } }),
      )
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_TOO_LATE'));
  });
  it('answers CHECK_IN_TOO_LATE after the code expired', () => {
    spec
      .given(openWithTwo)
      .when(
        checkIn('2026-03-10T09:00:01.000Z', { with: { ...code, validUntil: '2026-03-10T09:00:00.000Z' } }),
      )
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_TOO_LATE'));
  });
  it('answers CHECK_IN_WRONG_SITTING for the code of another sitting', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:00:00.000Z', { with: { ...code, sittingId: 'day-2' } }))
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_WRONG_SITTING'));
  });
  it('answers CHECK_IN_WRONG_SITTING for the code of another session', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:00:00.000Z', { with: { ...code, sessionId: 'gp-101-oujda-2026-03' } }))
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_WRONG_SITTING'));
  });
  it('answers CHECK_IN_NOT_ENROLLED for a trainee on the waiting list', () => {
    spec
      .given(fullWithTwoWaiting)
      .when(checkIn('2026-03-10T08:00:00.000Z', { traineeId: trainee(3) }))
      .thenThrows(CheckInRefused, (e) => refusedWith('CHECK_IN_NOT_ENROLLED')(e) && e.kind === 'forbidden');
  });
  it('answers CHECK_IN_ALREADY_MARKED when the trainee checked in already', () => {
    spec
      .given([...openWithTwo, checkedIn('present', '2026-03-10T07:55:00.000Z')])
      .when(checkIn('2026-03-10T08:05:00.000Z'))
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_ALREADY_MARKED'));
  });
  it('answers CHECK_IN_ALREADY_MARKED when a trainer marked the trainee', () => {
    spec
      .given([...openWithTwo, marked('day-1', trainee(1), 'excused')])
      .when(checkIn('2026-03-10T08:05:00.000Z'))
      .thenThrows(CheckInRefused, refusedWith('CHECK_IN_ALREADY_MARKED'));
  });
  it('refuses a trainee checking another one in', () => {
    spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:00:00.000Z', { actor: trainee(2) }))
      .thenThrows(NotTheTrainee);
  });
  it('refuses a sitting the session does not have', () => {
    spec
      .given(openWithTwo)
      .when(
        checkIn('2026-03-10T08:00:00.000Z', { sittingId: 'day-9', with: { ...code, sittingId: 'day-9' } }),
      )
      .thenThrows(UnknownSitting);
  });
  it('refuses a code whose contents are not readable', () => {
    const error = spec
      .given(openWithTwo)
      .when(checkIn('2026-03-10T08:00:00.000Z', { with: { ...code, sittingId: '', validUntil: 'tomorrow' } }))
      .thenThrows(ValidationFailed);
    expect(fields(error)).toEqual(['code.sittingId', 'code.validUntil']);
  });
  it('refuses before enrolment opened', () => {
    spec.given([scheduled]).when(checkIn('2026-03-10T08:00:00.000Z')).thenThrows(InvalidTransition);
  });
});
