import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { sessionDecider, trainingSessionStreamName } from './session';
import { OpenEnrolment, RescheduleSession, ScheduleSession, SessionPlanInput } from './session-commands';
import { SittingAlreadyAttended } from './session-errors';
import { SessionEvent } from './session-events';
import {
  command,
  day1,
  day2,
  day3,
  marked,
  now,
  officer,
  opened,
  openWithTwo,
  plan,
  scheduled,
  sessionId,
  trainee,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);
const schedule = (input: Partial<SessionPlanInput> = {}) =>
  command<ScheduleSession>('ScheduleSession', { ...plan, ...input });
const reschedule = (changes: RescheduleSession['data']['changes'], reason?: string) =>
  command<RescheduleSession>('RescheduleSession', { changes, reason });
const open = command<OpenEnrolment>('OpenEnrolment', {});
const cancelled: SessionEvent = {
  type: 'SessionCancelled',
  data: { sessionId, reason: 'Formateur indisponible', cancelledAt: now, by: officer },
};

describe('training session: scheduling', () => {
  it('lives in streams of the trainingSession category, one per session', () => {
    expect(trainingSessionStreamName(sessionId)).toBe('trainingSession-gp-101-agadir-2026-03');
  });

  describe('ScheduleSession', () => {
    it('schedules a session in person, with its sittings, trainers and completion rule', () => {
      spec.when(schedule()).then([scheduled]);
    });
    it('schedules an online session with the default completion rule (80 %, feedback required)', () => {
      const online = { mode: 'online' as const, url: 'https://visio.example.org/gp-101' };
      const { completionRule: _rule, ...rest } = plan;
      spec.when(command<ScheduleSession>('ScheduleSession', { ...rest, place: online })).then([
        {
          type: 'SessionScheduled',
          data: { sessionId, ...plan, place: online, scheduledAt: now, by: officer },
        },
      ]);
    });
    it('keeps the time zone in its canonical spelling and the trainers sorted', () => {
      const state = foldEvents(
        sessionDecider,
        sessionDecider.decide(
          schedule({ timezone: 'africa/casablanca', trainers: ['trainer-youssef', 'trainer-amina'] }),
          sessionDecider.initialState(),
        ),
      );
      expect(state.status === 'scheduled' && [state.timezone, state.trainers]).toEqual([
        'Africa/Casablanca',
        ['trainer-amina', 'trainer-youssef'],
      ]);
    });
    it('changes nothing when scheduled again with the same plan', () => {
      spec.given([scheduled]).when(schedule()).thenNothingHappened();
    });
    it('refuses another plan under the same id', () => {
      spec
        .given([scheduled])
        .when(schedule({ capacity: 25 }))
        .thenThrows(AlreadyCreated, (e) => e.id === sessionId);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          schedule({
            moduleId: '',
            language: 'es' as 'fr',
            timezone: 'Mars/Olympus_Mons',
            place: { mode: 'in-person', city: ' ', country: 'XX' },
            trainers: [],
            capacity: 1001,
            completionRule: { minAttendancePercent: 120, feedbackRequired: 'yes' as unknown as boolean },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual([
        'moduleId',
        'language',
        'timezone',
        'place.city',
        'place.country',
        'trainers',
        'capacity',
        'completionRule.minAttendancePercent',
        'completionRule.feedbackRequired',
      ]);
    });
    it('refuses an online place that is not https, and a capacity of zero', () => {
      const error = spec
        .when(schedule({ place: { mode: 'online', url: 'http://visio.example.org' }, capacity: 0 }))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['place.url', 'capacity']);
    });
    it('refuses sittings out of order, overlapping, longer than 12 hours, ending before they start or repeated', () => {
      const error = spec
        .when(
          schedule({
            sittings: [
              day2,
              { ...day1, sittingId: 'early' },
              { sittingId: 'marathon', startsAt: '2026-03-13T06:00:00Z', endsAt: '2026-03-13T19:00:00Z' },
              { sittingId: 'backwards', startsAt: '2026-03-14T10:00:00Z', endsAt: '2026-03-14T09:00:00Z' },
              { sittingId: 'not-an-instant', startsAt: '14/03/2026 10:00', endsAt: '2026-03-14T12:00:00Z' },
              day2,
            ],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual([
        'sittings[2].endsAt',
        'sittings[3].endsAt',
        'sittings[4].startsAt',
        'sittings',
        'sittings[1].startsAt',
      ]);
    });
    it('refuses a fixed offset instead of a time zone', () => {
      const error = spec.when(schedule({ timezone: '+01:00' })).thenThrows(ValidationFailed);
      expect(error.issues).toEqual([
        { field: 'timezone', reason: 'must be an IANA time zone such as Africa/Casablanca' },
      ]);
    });
    it('refuses a session with no sitting', () => {
      const error = spec.when(schedule({ sittings: [] })).thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['sittings']);
    });
    it('refuses any other command before the session is scheduled', () => {
      spec.when(open).thenThrows(NotCreated);
    });
    it('refuses a command naming another session than the stream', () => {
      const error = spec
        .given([scheduled])
        .when({ ...open, data: { sessionId: 'gp-101-oujda-2026-04' } })
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['sessionId']);
    });
  });

  describe('RescheduleSession', () => {
    const later = [
      { sittingId: 'day-1', startsAt: '2026-03-17T08:00:00.000Z', endsAt: '2026-03-17T12:00:00.000Z' },
      { sittingId: 'day-2', startsAt: '2026-03-18T08:00:00.000Z', endsAt: '2026-03-18T12:00:00.000Z' },
    ];
    it('records the arrangements that changed, and only those', () => {
      spec
        .given([scheduled, opened])
        .when(reschedule({ sittings: later, language: 'fr' }, 'Salle indisponible'))
        .then([
          {
            type: 'SessionRescheduled',
            data: {
              sessionId,
              changes: { sittings: later },
              reason: 'Salle indisponible',
              rescheduledAt: now,
              by: officer,
            },
          },
        ]);
    });
    it('changes nothing when nothing changes', () => {
      spec
        .given([scheduled])
        .when(reschedule({ sittings: plan.sittings }))
        .thenNothingHappened();
    });
    it('refuses the capacity (it has its own command) and an overlapping sitting', () => {
      const error = spec
        .given([scheduled])
        .when(
          reschedule({
            capacity: 30,
            sittings: [day1, { ...day2, startsAt: '2026-03-10T11:00:00Z', endsAt: '2026-03-10T13:00:00Z' }],
          } as RescheduleSession['data']['changes']),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['changes.capacity', 'changes.sittings[1].startsAt']);
    });
    it('refuses to move a sitting that has attendance marks', () => {
      spec
        .given([...openWithTwo, marked('day-1', trainee(1), 'present')])
        .when(reschedule({ sittings: later }))
        .thenThrows(SittingAlreadyAttended, (e) => e.sittingId === 'day-1');
    });
    it('moves the sittings that have no marks yet', () => {
      const moved = [day1, { ...day2, startsAt: '2026-03-11T09:00:00.000Z' }, day3];
      spec
        .given([...openWithTwo, marked('day-1', trainee(1), 'present')])
        .when(reschedule({ sittings: moved }))
        .then([
          {
            type: 'SessionRescheduled',
            data: { sessionId, changes: { sittings: moved }, reason: null, rescheduledAt: now, by: officer },
          },
        ]);
    });
    it('refuses to reschedule a cancelled session', () => {
      spec
        .given([scheduled, cancelled])
        .when(reschedule({ language: 'ar' }))
        .thenThrows(InvalidTransition);
    });
  });
});
