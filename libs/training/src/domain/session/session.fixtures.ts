// Shared by the session specs only: "Gestion de projet associatif" in Agadir, three sittings in
// March 2026 (4 h + 4 h + 2 h = 600 minutes), two trainers, 20 seats.
import { CommandMetadata } from '@tadamon/eventsourcing';
import { SessionCommand } from './session-commands';
import { SessionEvent } from './session-events';
import { SessionPlan } from './session-plan';

export const sessionId = 'gp-101-agadir-2026-03';
export const now = '2026-02-20T09:00:00.000Z';
export const officer = 'officer-1';
export const trainer = 'trainer-amina';
export const otherTrainer = 'trainer-youssef';
export const association = 'assoc-souss-0001';

export const sittings = [
  { sittingId: 'day-1', startsAt: '2026-03-10T08:00:00.000Z', endsAt: '2026-03-10T12:00:00.000Z' },
  { sittingId: 'day-2', startsAt: '2026-03-11T08:00:00.000Z', endsAt: '2026-03-11T12:00:00.000Z' },
  { sittingId: 'day-3', startsAt: '2026-03-12T08:00:00.000Z', endsAt: '2026-03-12T10:00:00.000Z' },
];
export const [day1, day2, day3] = sittings;
/** Instants relative to the first sitting's start (08:00 UTC on 10 March). */
export const duringDay1 = '2026-03-10T09:00:00.000Z';
export const afterLastSitting = '2026-03-12T10:30:00.000Z';

export const plan: SessionPlan = {
  moduleId: 'gp-101',
  language: 'fr',
  timezone: 'Africa/Casablanca',
  place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
  sittings,
  trainers: [trainer, otherTrainer],
  capacity: 20,
  completionRule: { minAttendancePercent: 80, feedbackRequired: true },
};

type As = { actor?: string; roles?: string[]; at?: string };

export const metadata = ({ actor = officer, roles, at = now }: As = {}): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actor, roles: roles ?? (actor === officer ? ['officer'] : []) },
  now: at,
});

export const command = <C extends SessionCommand>(
  type: C['type'],
  data: Omit<C['data'], 'sessionId'>,
  as: As = {},
): C => ({ type, data: { sessionId, ...data }, metadata: metadata(as) }) as C;

export const scheduled: SessionEvent = {
  type: 'SessionScheduled',
  data: { sessionId, ...plan, scheduledAt: now, by: officer },
};
export const opened: SessionEvent = {
  type: 'EnrolmentOpened',
  data: { sessionId, openedAt: now, by: officer },
};
export const closedForEnrolment: SessionEvent = {
  type: 'EnrolmentClosed',
  data: { sessionId, closedAt: now, by: officer },
};
export const withCapacity = (capacity: number, previousCapacity = 20): SessionEvent => ({
  type: 'SessionCapacityChanged',
  data: { sessionId, capacity, previousCapacity, changedAt: now, by: officer },
});

export const trainee = (n: number): string => `contact-${String(n).padStart(3, '0')}`;

export const requested = (traineeId: string, at = now): SessionEvent => ({
  type: 'EnrolmentRequested',
  data: { sessionId, traineeId, associationId: association, requestedAt: at, by: traineeId },
});
export const confirmed = (traineeId: string, promotedFromWaitingList = false, at = now): SessionEvent => ({
  type: 'EnrolmentConfirmed',
  data: { sessionId, traineeId, associationId: association, promotedFromWaitingList, confirmedAt: at },
});
export const waitlisted = (traineeId: string, position: number, at = now): SessionEvent => ({
  type: 'EnrolmentWaitlisted',
  data: { sessionId, traineeId, position, waitlistedAt: at },
});
export const enrolled = (traineeId: string): SessionEvent[] => [requested(traineeId), confirmed(traineeId)];

/** Scheduled, enrolment open, trainees 1 and 2 confirmed. */
export const openWithTwo: SessionEvent[] = [
  scheduled,
  opened,
  ...enrolled(trainee(1)),
  ...enrolled(trainee(2)),
];

/** Capacity 2, both seats taken, trainees 3 and 4 waiting. */
export const fullWithTwoWaiting: SessionEvent[] = [
  scheduled,
  withCapacity(2),
  opened,
  ...enrolled(trainee(1)),
  ...enrolled(trainee(2)),
  requested(trainee(3)),
  waitlisted(trainee(3), 1),
  requested(trainee(4)),
  waitlisted(trainee(4), 2),
];

export const marked = (
  sittingId: string,
  traineeId: string,
  status: 'present' | 'late' | 'absent' | 'excused',
  source: 'trainer' | 'self-check-in' = 'trainer',
  { by = source === 'trainer' ? trainer : traineeId, at = duringDay1 } = {},
): SessionEvent => ({
  type: 'AttendanceMarked',
  data: { sessionId, sittingId, traineeId, status, note: null, source, markedAt: at, by },
});

export const feedbackGiven = (
  traineeId: string,
  rating = 5,
  comment: string | null = null,
): SessionEvent => ({
  type: 'FeedbackGiven',
  data: { sessionId, traineeId, rating, comment, givenAt: afterLastSitting },
});
