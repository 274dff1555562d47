import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition } from '../errors';
import { sessionDecider } from './session';
import { CloseSession } from './session-commands';
import { NotATrainer, SessionNotEnded } from './session-errors';
import { AttendanceFigures, SessionEvent } from './session-events';
import {
  afterLastSitting,
  command,
  enrolled,
  feedbackGiven,
  marked,
  now,
  officer,
  opened,
  plan,
  scheduled,
  sessionId,
  trainee,
  trainer,
  waitlisted,
  requested,
  withCapacity,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const close = (as: { actor?: string; at?: string } = {}) =>
  command<CloseSession>('CloseSession', {}, { actor: trainer, at: afterLastSitting, ...as });
const sessionClosed = (by = trainer): SessionEvent => ({
  type: 'SessionClosed',
  data: { sessionId, totalMinutes: 600, closedAt: afterLastSitting, by },
});
const completed = (traineeId: string, attendedMinutes: number, attendancePercent: number): SessionEvent => ({
  type: 'TraineeCompleted',
  data: { sessionId, traineeId, attendedMinutes, totalMinutes: 600, attendancePercent },
});
const notCompleted = (
  traineeId: string,
  reasons: ('ATTENDANCE_BELOW_MINIMUM' | 'FEEDBACK_MISSING')[],
  figures: AttendanceFigures,
  feedbackGiven: boolean,
): SessionEvent => ({
  type: 'TraineeNotCompleted',
  data: { sessionId, traineeId, reasons, figures: { ...figures, minAttendancePercent: 80, feedbackGiven } },
});

// Sittings: day-1 240 min, day-2 240 min, day-3 120 min; 80 % of 600 is 480.
const [t1, t2, t3, t4, t5] = [1, 2, 3, 4, 5].map(trainee);
const held: SessionEvent[] = [
  scheduled,
  withCapacity(4),
  opened,
  ...[t1, t2, t3, t4].flatMap(enrolled),
  requested(t5),
  waitlisted(t5, 1),
  // t1: everything, late once -> 600 min; feedback given.
  marked('day-1', t1, 'present'),
  marked('day-2', t1, 'late'),
  marked('day-3', t1, 'present', 'self-check-in'),
  feedbackGiven(t1),
  // t2: days 1 and 2 -> 480 min, exactly 80 %; feedback given.
  marked('day-1', t2, 'present'),
  marked('day-2', t2, 'present'),
  marked('day-3', t2, 'excused'),
  feedbackGiven(t2, 3),
  // t3: day 1 and day 3 -> 360 min (60 %); no feedback.
  marked('day-1', t3, 'present'),
  marked('day-2', t3, 'absent'),
  marked('day-3', t3, 'late'),
  // t4: every sitting, no feedback.
  marked('day-1', t4, 'present'),
  marked('day-2', t4, 'present'),
  marked('day-3', t4, 'present'),
];

describe('training session: completion', () => {
  it('closes the session and states the outcome of every confirmed trainee, not of those waiting', () => {
    spec
      .given(held)
      .when(close())
      .then([
        sessionClosed(),
        completed(t1, 600, 100),
        completed(t2, 480, 80),
        notCompleted(
          t3,
          ['ATTENDANCE_BELOW_MINIMUM', 'FEEDBACK_MISSING'],
          { attendedMinutes: 360, totalMinutes: 600, attendancePercent: 60 },
          false,
        ),
        notCompleted(
          t4,
          ['FEEDBACK_MISSING'],
          { attendedMinutes: 600, totalMinutes: 600, attendancePercent: 100 },
          false,
        ),
      ]);
  });
  it('counts an unmarked sitting as not attended, and rounds the percent down', () => {
    // 240 + 120 of 610 minutes: 59.016 % -> 59.01.
    const longer: SessionEvent = {
      type: 'SessionScheduled',
      data: {
        sessionId,
        ...plan,
        sittings: [
          { sittingId: 'day-1', startsAt: '2026-03-10T08:00:00.000Z', endsAt: '2026-03-10T12:00:00.000Z' },
          { sittingId: 'day-2', startsAt: '2026-03-11T08:00:00.000Z', endsAt: '2026-03-11T12:10:00.000Z' },
          { sittingId: 'day-3', startsAt: '2026-03-12T08:00:00.000Z', endsAt: '2026-03-12T10:00:00.000Z' },
        ],
        completionRule: { minAttendancePercent: 50, feedbackRequired: false },
        scheduledAt: now,
        by: officer,
      },
    };
    spec
      .given([longer, opened, ...enrolled(t1), marked('day-1', t1, 'present'), marked('day-3', t1, 'late')])
      .when(close())
      .then([
        {
          type: 'SessionClosed',
          data: { sessionId, totalMinutes: 610, closedAt: afterLastSitting, by: trainer },
        },
        {
          type: 'TraineeCompleted',
          data: {
            sessionId,
            traineeId: t1,
            attendedMinutes: 360,
            totalMinutes: 610,
            attendancePercent: 59.01,
          },
        },
      ]);
  });
  it('lets a training officer close a session held earlier', () => {
    spec
      .given([...held, { type: 'SessionHeld', data: { sessionId, heldAt: afterLastSitting, by: trainer } }])
      .when(close({ actor: officer }))
      .then([
        sessionClosed(officer),
        completed(t1, 600, 100),
        completed(t2, 480, 80),
        notCompleted(
          t3,
          ['ATTENDANCE_BELOW_MINIMUM', 'FEEDBACK_MISSING'],
          { attendedMinutes: 360, totalMinutes: 600, attendancePercent: 60 },
          false,
        ),
        notCompleted(
          t4,
          ['FEEDBACK_MISSING'],
          { attendedMinutes: 600, totalMinutes: 600, attendancePercent: 100 },
          false,
        ),
      ]);
  });
  it('changes nothing when closed again', () => {
    spec
      .given([...held, sessionClosed()])
      .when(close())
      .thenNothingHappened();
  });
  it('refuses before the last sitting ended', () => {
    spec
      .given(held)
      .when(close({ at: '2026-03-12T09:59:59.000Z' }))
      .thenThrows(SessionNotEnded, (e) => e.endsAt === '2026-03-12T10:00:00.000Z');
  });
  it('refuses an actor who is neither a trainer of the session nor an officer', () => {
    spec
      .given(held)
      .when(close({ actor: t1 }))
      .thenThrows(NotATrainer);
  });
  it('refuses to close a cancelled session', () => {
    spec
      .given([
        scheduled,
        {
          type: 'SessionCancelled',
          data: { sessionId, reason: 'Annulée', cancelledAt: afterLastSitting, by: officer },
        },
      ])
      .when(close())
      .thenThrows(InvalidTransition, (e) => e.from === 'cancelled');
  });
});
