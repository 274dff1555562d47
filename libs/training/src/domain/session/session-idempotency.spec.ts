import { repeatsChangeNothing } from '../testing/repeats-change-nothing';
import { sessionDecider } from './session';
import {
  CancelEnrolment,
  CancelSession,
  ChangeSessionCapacity,
  CloseEnrolment,
  CloseSession,
  GiveFeedback,
  MarkAttendance,
  MarkSessionHeld,
  OpenEnrolment,
  RecordRemark,
  RequestEnrolment,
  RescheduleSession,
  ScheduleSession,
  SessionCommand,
} from './session-commands';
import {
  afterLastSitting,
  association,
  command,
  day1,
  day2,
  duringDay1,
  fullWithTwoWaiting,
  officer,
  openWithTwo,
  plan,
  scheduled,
  trainee,
  trainer,
} from './session.fixtures';

const eligibility = { associationVerified: true, contactOfAssociation: true };
const trainees = [1, 2, 3, 4, 5].map(trainee);
// A repeated check-in is answered CHECK_IN_ALREADY_MARKED on purpose (the trainee is told), so it
// is not in the pool; every other command decides [] when repeated.
const pool: SessionCommand[] = [
  command<ScheduleSession>('ScheduleSession', plan),
  command<RescheduleSession>('RescheduleSession', { changes: { sittings: [day1, day2] } }),
  command<RescheduleSession>('RescheduleSession', { changes: { language: 'ar' } }),
  command<ChangeSessionCapacity>('ChangeSessionCapacity', { capacity: 2 }),
  command<ChangeSessionCapacity>('ChangeSessionCapacity', { capacity: 4 }),
  command<OpenEnrolment>('OpenEnrolment', {}),
  command<CloseEnrolment>('CloseEnrolment', {}),
  command<CancelSession>('CancelSession', { reason: 'Formateur indisponible' }),
  ...trainees.flatMap((t): SessionCommand[] => [
    command<RequestEnrolment>(
      'RequestEnrolment',
      { traineeId: t, associationId: association, eligibility },
      { actor: t },
    ),
    command<CancelEnrolment>('CancelEnrolment', { traineeId: t }, { actor: officer }),
    command<MarkAttendance>(
      'MarkAttendance',
      { sittingId: 'day-1', traineeId: t, status: 'present' },
      { actor: trainer, at: duringDay1 },
    ),
    command<MarkAttendance>(
      'MarkAttendance',
      { sittingId: 'day-1', traineeId: t, status: 'absent' },
      { actor: trainer, at: duringDay1 },
    ),
    command<GiveFeedback>('GiveFeedback', { traineeId: t, rating: 4 }, { actor: t, at: duringDay1 }),
    command<RecordRemark>(
      'RecordRemark',
      { traineeId: t, remark: 'Assidu' },
      { actor: trainer, at: duringDay1 },
    ),
  ]),
  command<MarkSessionHeld>('MarkSessionHeld', {}, { actor: trainer, at: afterLastSitting }),
  command<CloseSession>('CloseSession', {}, { actor: trainer, at: afterLastSitting }),
];

describe('training session: idempotence', () => {
  it('decides [] when any command that succeeded is repeated', () => {
    repeatsChangeNothing(sessionDecider, pool, [[], [scheduled], openWithTwo, fullWithTwoWaiting]);
  });
});
