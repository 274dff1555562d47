import { AttendanceFigures, CompletionShortfall } from './session-events';
import { sittingMinutes } from './session-plan';
import { markOf, Session } from './session-state';

/** Present and late count their sitting's minutes; absent, excused and unmarked count none. */
const ATTENDED = new Set(['present', 'late']);

export const totalMinutes = (state: Session): number =>
  state.sittings.reduce((sum, sitting) => sum + sittingMinutes(sitting), 0);

export const attendanceFigures = (state: Session, traineeId: string): AttendanceFigures => {
  const total = totalMinutes(state);
  const attended = state.sittings
    .filter((sitting) => ATTENDED.has(markOf(state, sitting.sittingId, traineeId)?.status ?? 'absent'))
    .reduce((sum, sitting) => sum + sittingMinutes(sitting), 0);
  // Rounded down, so that 79.996 % never reads as the 80 % a rule asks for.
  return {
    attendedMinutes: attended,
    totalMinutes: total,
    attendancePercent: Math.floor((attended * 10_000) / total) / 100,
  };
};

/** What keeps a trainee from completing; none means completed. Compared in whole minutes, not rounded percents. */
export const shortfalls = (
  state: Session,
  traineeId: string,
  figures: AttendanceFigures,
): CompletionShortfall[] => {
  const { minAttendancePercent, feedbackRequired } = state.completionRule;
  const reasons: CompletionShortfall[] = [];
  if (figures.attendedMinutes * 100 < minAttendancePercent * figures.totalMinutes)
    reasons.push('ATTENDANCE_BELOW_MINIMUM');
  if (feedbackRequired && !state.feedback.has(traineeId)) reasons.push('FEEDBACK_MISSING');
  return reasons;
};
