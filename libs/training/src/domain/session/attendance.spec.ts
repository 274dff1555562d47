import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { sessionDecider } from './session';
import { AttendanceStatus, MarkAttendance } from './session-commands';
import { NotATrainer, SittingNotStarted, TraineeNotConfirmed, UnknownSitting } from './session-errors';
import { SessionEvent } from './session-events';
import {
  command,
  duringDay1,
  fullWithTwoWaiting,
  marked,
  now,
  officer,
  openWithTwo,
  scheduled,
  sessionId,
  trainee,
  trainer,
  otherTrainer,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);
const mark = (
  traineeId: string,
  status: AttendanceStatus,
  {
    sittingId = 'day-1',
    note,
    actor = trainer,
    at = duringDay1,
  }: { sittingId?: string; note?: string; actor?: string; at?: string } = {},
) => command<MarkAttendance>('MarkAttendance', { sittingId, traineeId, status, note }, { actor, at });
const corrected = (
  traineeId: string,
  status: AttendanceStatus,
  previousStatus: AttendanceStatus,
  { note = null as string | null, by = trainer } = {},
): SessionEvent => ({
  type: 'AttendanceCorrected',
  data: {
    sessionId,
    sittingId: 'day-1',
    traineeId,
    status,
    previousStatus,
    note,
    correctedAt: duringDay1,
    by,
  },
});

describe('training session: attendance marked by a trainer', () => {
  it('marks a confirmed trainee present', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'present'))
      .then([marked('day-1', trainee(1), 'present')]);
  });
  it('marks a trainee excused, with a note', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(2), 'excused', { note: 'Certificat médical' }))
      .then([
        {
          type: 'AttendanceMarked',
          data: {
            sessionId,
            sittingId: 'day-1',
            traineeId: trainee(2),
            status: 'excused',
            note: 'Certificat médical',
            source: 'trainer',
            markedAt: duringDay1,
            by: trainer,
          },
        },
      ]);
  });
  it('lets a training officer mark attendance', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'absent', { actor: officer }))
      .then([marked('day-1', trainee(1), 'absent', 'trainer', { by: officer })]);
  });
  it('corrects an earlier mark, recording the previous status', () => {
    spec
      .given([...openWithTwo, marked('day-1', trainee(1), 'absent')])
      .when(mark(trainee(1), 'late', { actor: otherTrainer, note: 'Arrivé à 8 h 40' }))
      .then([corrected(trainee(1), 'late', 'absent', { note: 'Arrivé à 8 h 40', by: otherTrainer })]);
  });
  it('corrects a self check-in', () => {
    spec
      .given([...openWithTwo, marked('day-1', trainee(1), 'present', 'self-check-in')])
      .when(mark(trainee(1), 'late'))
      .then([corrected(trainee(1), 'late', 'present')]);
  });
  it('changes nothing when the same status is marked again', () => {
    spec
      .given([...openWithTwo, marked('day-1', trainee(1), 'present', 'self-check-in')])
      .when(mark(trainee(1), 'present'))
      .thenNothingHappened();
  });
  it('refuses present, late or absent before the sitting opens (30 minutes before its start)', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'absent', { sittingId: 'day-2', at: '2026-03-11T07:29:59.000Z' }))
      .thenThrows(
        SittingNotStarted,
        (e) => e.sittingId === 'day-2' && e.opensAt === '2026-03-11T07:30:00.000Z',
      );
  });
  it('accepts an excused absence announced before the sitting', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'excused', { sittingId: 'day-3', at: now }))
      .then([marked('day-3', trainee(1), 'excused', 'trainer', { at: now })]);
  });
  it('refuses an actor who is neither a trainer of the session nor an officer', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'present', { actor: trainee(2) }))
      .thenThrows(NotATrainer, (e) => e.actorId === trainee(2) && e.kind === 'forbidden');
  });
  it('refuses a trainee on the waiting list', () => {
    spec
      .given(fullWithTwoWaiting)
      .when(mark(trainee(3), 'present'))
      .thenThrows(TraineeNotConfirmed);
  });
  it('refuses a sitting the session does not have', () => {
    spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'present', { sittingId: 'day-9' }))
      .thenThrows(UnknownSitting, (e) => e.sittingId === 'day-9');
  });
  it('refuses an unknown status and a note too long', () => {
    const error = spec
      .given(openWithTwo)
      .when(mark(trainee(1), 'sleeping' as AttendanceStatus, { note: 'x'.repeat(501) }))
      .thenThrows(ValidationFailed);
    expect(fields(error)).toEqual(['status', 'note']);
  });
  it('refuses before enrolment opened, when no one holds a seat', () => {
    spec
      .given([scheduled])
      .when(mark(trainee(1), 'present'))
      .thenThrows(InvalidTransition);
  });
  it('refuses once the session was closed', () => {
    spec
      .given([
        ...openWithTwo,
        { type: 'SessionClosed', data: { sessionId, totalMinutes: 600, closedAt: now, by: trainer } },
      ])
      .when(mark(trainee(1), 'present'))
      .thenThrows(InvalidTransition, (e) => e.from === 'closed');
  });
});
