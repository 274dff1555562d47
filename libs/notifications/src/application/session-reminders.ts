import type { NoticePlace } from '../domain/notification/notice-facts';

/** A session's reminder goes out this long before its first sitting. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

/** The source of a trainee's reminder for a session: its identity (not the time, which may move). */
export const reminderSourceId = (sessionId: string, traineeId: string): string =>
  `session-reminder:${sessionId}:${traineeId}:reminder`;

export interface ReminderSession {
  sessionId: string;
  status: 'scheduled' | 'cancelled';
  firstSittingAt: string;
  timezone: string;
  place: NoticePlace;
}

export interface ReminderSeat {
  sessionId: string;
  traineeId: string;
  associationId: string;
  status: 'confirmed' | 'cancelled';
}

export interface DueReminder {
  sessionId: string;
  traineeId: string;
  associationId: string;
  startsAt: string;
  timezone: string;
  place: NoticePlace;
}

/** The window a pass looks at: sessions whose first sitting is after `now` and at most 24 h away. */
export const reminderWindow = (now: Date): { after: string; until: string } => ({
  after: now.toISOString(),
  until: new Date(now.getTime() + REMINDER_LEAD_MS).toISOString(),
});

/**
 * The reminders due at `now`: one per confirmed seat of a scheduled session whose first sitting
 * starts within the next 24 hours (not yet started). A cancelled session or seat has none; a session
 * moved later waits for its new time. Whether one was already requested is the caller's check (the
 * reminder's notification id derives from the session and the trainee only).
 */
export const dueReminders = (
  sessions: readonly ReminderSession[],
  seats: readonly ReminderSeat[],
  now: Date,
): DueReminder[] => {
  const { after, until } = reminderWindow(now);
  const due = new Map(
    sessions
      .filter((s) => s.status === 'scheduled' && s.firstSittingAt > after && s.firstSittingAt <= until)
      .map((s) => [s.sessionId, s]),
  );
  return seats
    .filter((seat) => seat.status === 'confirmed' && due.has(seat.sessionId))
    .map((seat) => {
      const session = due.get(seat.sessionId) as ReminderSession;
      return {
        sessionId: seat.sessionId,
        traineeId: seat.traineeId,
        associationId: seat.associationId,
        startsAt: session.firstSittingAt,
        timezone: session.timezone,
        place: session.place,
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.traineeId.localeCompare(b.traineeId));
};
