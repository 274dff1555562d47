import { CHECKPOINTS_COLLECTION, collectionHash, ProjectionRunner } from '@tadamon/read-store';
import {
  AttendanceMarkDoc,
  FeedbackDoc,
  RosterLineDoc,
  sessionRosterProjection,
  TRAINING_ATTENDANCE_MARKS,
  TRAINING_FEEDBACK,
  TRAINING_ROSTER,
} from './session-roster';
import { feedbackSummary, rosterLineView } from './session-roster-view';
import { OpenedReadStore, ROSTER_READ_STORES, SessionLog } from './testing/roster-log';

const S = 's.1';
const eligible = { associationVerified: true, contactOfAssociation: true };
const sitting = (sittingId: string, day: number) => ({
  sittingId,
  startsAt: `2025-03-${String(day).padStart(2, '0')}T09:00:00.000Z`,
  endsAt: `2025-03-${String(day).padStart(2, '0')}T11:00:00.000Z`,
});

/** Three confirmed (t.a and t.b of assoc-1, t.c of assoc-2), one waiting then cancelled (t.d). */
function scenario(): SessionLog {
  const log = new SessionLog();
  log.session('ScheduleSession', {
    sessionId: S,
    moduleId: 'm.1',
    language: 'fr',
    timezone: 'Africa/Casablanca',
    place: { mode: 'online', url: 'https://visio.example.org/s1' },
    sittings: [sitting('d1', 10), sitting('d2', 11)],
    trainers: ['trainer-1'],
    capacity: 3,
    completionRule: { minAttendancePercent: 50, feedbackRequired: true },
  });
  log.session('OpenEnrolment', { sessionId: S });
  for (const [traineeId, associationId] of [
    ['t.a', 'assoc-1'],
    ['t.b', 'assoc-1'],
    ['t.c', 'assoc-2'],
    ['t.d', 'assoc-2'],
  ])
    log.session('RequestEnrolment', { sessionId: S, traineeId, associationId, eligibility: eligible });
  log.session('CancelEnrolment', { sessionId: S, traineeId: 't.d' });
  log.now = '2025-03-10T09:05:00.000Z';
  log.as('t.a', ['trainee'], () =>
    log.session('CheckIn', {
      sessionId: S,
      sittingId: 'd1',
      traineeId: 't.a',
      code: {
        sessionId: S,
        sittingId: 'd1',
        validFrom: '2025-03-10T09:04:30.000Z',
        validUntil: '2025-03-10T09:05:30.000Z',
      },
    }),
  );
  log.as('trainer-1', ['trainer'], () => {
    log.session('MarkAttendance', { sessionId: S, sittingId: 'd1', traineeId: 't.b', status: 'absent' });
    log.session('MarkAttendance', {
      sessionId: S,
      sittingId: 'd1',
      traineeId: 't.b',
      status: 'late',
      note: 'bus',
    });
    log.session('MarkAttendance', { sessionId: S, sittingId: 'd1', traineeId: 't.c', status: 'excused' });
  });
  log.now = '2025-03-11T12:00:00.000Z';
  log.as('t.a', ['trainee'], () =>
    log.session('GiveFeedback', { sessionId: S, traineeId: 't.a', rating: 5, comment: 'Bien' }),
  );
  log.as('t.b', ['trainee'], () =>
    log.session('GiveFeedback', { sessionId: S, traineeId: 't.b', rating: 2 }),
  );
  log.session('CloseSession', { sessionId: S });
  return log;
}

describe.each(ROSTER_READ_STORES)('session roster read model on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });

  const project = async (log: SessionLog) => {
    const runner = new ProjectionRunner(log, store.docs, sessionRosterProjection, { batchSize: 3 });
    await runner.catchUp();
    return runner;
  };

  it('keeps a line per trainee, the marks with their source and corrections, feedback given and the outcome', async () => {
    await project(scenario());
    const lines = await store.docs
      .collection<RosterLineDoc>(TRAINING_ROSTER)
      .find({ sessionId: S }, { sort: { _id: 1 } });
    const marks = await store.docs
      .collection<AttendanceMarkDoc>(TRAINING_ATTENDANCE_MARKS)
      .find({ sessionId: S });
    const views = lines.map((line) => rosterLineView(line, ['d1', 'd2'], marks, 'unknown'));
    expect(views.map((v) => [v.traineeId, v.associationId, v.enrolment, v.feedbackGiven])).toEqual([
      ['t.a', 'assoc-1', 'confirmed', true],
      ['t.b', 'assoc-1', 'confirmed', true],
      ['t.c', 'assoc-2', 'confirmed', false],
      ['t.d', 'assoc-2', 'cancelled', false],
    ]);
    expect(views[0].attendance).toEqual([
      expect.objectContaining({
        sittingId: 'd1',
        status: 'present',
        source: 'self-check-in',
        corrected: false,
      }),
      expect.objectContaining({ sittingId: 'd2', status: null, source: null }),
    ]);
    expect(views[1].attendance[0]).toMatchObject({
      status: 'late',
      source: 'trainer',
      corrected: true,
      previousStatus: 'absent',
      note: 'bus',
    });
    expect(views.map((v) => v.outcome)).toEqual([
      { completed: true, attendedMinutes: 120, totalMinutes: 240, attendancePercent: 50 },
      { completed: true, attendedMinutes: 120, totalMinutes: 240, attendancePercent: 50 },
      {
        completed: false,
        reasons: ['ATTENDANCE_BELOW_MINIMUM', 'FEEDBACK_MISSING'],
        figures: {
          attendedMinutes: 0,
          totalMinutes: 240,
          attendancePercent: 0,
          minAttendancePercent: 50,
          feedbackGiven: false,
        },
      },
      null,
    ]);
    expect(JSON.stringify(lines)).not.toContain('Bien');
  });

  it('sums the feedback without saying who gave it', async () => {
    await project(scenario());
    const docs = await store.docs.collection<FeedbackDoc>(TRAINING_FEEDBACK).find({ sessionId: S });
    const summary = feedbackSummary(docs);
    expect(summary).toEqual({
      count: 2,
      averageRating: 3.5,
      ratings: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
      comments: [{ rating: 5, comment: 'Bien', givenAt: '2025-03-11T12:00:00.000Z' }],
    });
    expect(docs.every((doc) => !('traineeId' in doc))).toBe(true);
  });

  it('gives the same documents when the log is replayed from the start', async () => {
    const runner = await project(scenario());
    const hashes = () =>
      Promise.all(sessionRosterProjection.collections.map((c) => collectionHash(store.docs, c)));
    const before = await hashes();
    await store.docs
      .collection(CHECKPOINTS_COLLECTION)
      .upsert(runner.projection.name, { $set: { position: 0 } });
    expect(await runner.catchUp()).toBeGreaterThan(0);
    expect(await hashes()).toEqual(before);
  });
});
